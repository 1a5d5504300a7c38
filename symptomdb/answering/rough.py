"""The rough copy of the passage vectors that shortlists rows for the exact similarity.

The similarity search first scores every row of a rough copy of the vectors: their
``dimensions`` principal directions, each column quantised to 8-bit integers with a scale of
its own. A 47,000-row index's copy is 6 MB, so it stays in the processor's cache beside the
two networks a question runs through; the float copy it replaced was 24 MB and was read from
memory on every question (about 2 ms, and slower still while the crisis screen's network ran
beside it). The product runs on ONNX Runtime's integer kernels through a graph of two nodes
(``data/rough-int8-product.onnx``, 144 bytes: quantise the question, multiply by the copy),
written once by ``python -m symptomdb.answering.semantic --export-rough`` (needs the ``train``
extra's ``onnx``). The exact vectors decide among the shortlisted rows, so the copy only
chooses which rows are read exactly. Plain Python: no Django import.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["ROUGH_GRAPH", "RoughCopy", "export_graph"]

ROUGH_GRAPH = Path(__file__).resolve().parent / "data" / "rough-int8-product.onnx"


@functools.cache
def _session() -> Any:
    """One session per process (a run is safe from several threads at once)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(
        str(ROUGH_GRAPH), options, providers=["CPUExecutionProvider"]
    )


class RoughCopy:
    """Vectors projected on their main directions and quantised per column to int8."""

    def __init__(self, vectors: np.ndarray, dimensions: int) -> None:
        import onnxruntime

        dimensions = min(dimensions, vectors.shape[1])
        values, directions = np.linalg.eigh((vectors.T @ vectors).astype(np.float64))
        self.basis = np.ascontiguousarray(
            directions[:, np.argsort(-values)[:dimensions]], dtype=np.float32
        )
        rough = vectors @ self.basis
        scale = np.abs(rough).max(axis=0, initial=0.0) / 127.0
        self.scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
        # Columns of the product's right-hand side: one column per row of the index.
        self._weights = np.ascontiguousarray(
            np.clip(np.rint(rough / self.scale), -127, 127).astype(np.int8).T
        )
        self._value = onnxruntime.OrtValue.ortvalue_from_numpy(self._weights)  # no copy

    def __len__(self) -> int:
        return int(self._weights.shape[1])

    def scores(self, vector: np.ndarray) -> np.ndarray:
        """A score per row that orders the rows about as the exact similarity to the unit
        ``vector`` does (integers; only their order means anything)."""
        import onnxruntime

        query = ((vector @ self.basis) * self.scale)[None, :].astype(np.float32)
        feeds = {"x": onnxruntime.OrtValue.ortvalue_from_numpy(query), "W": self._value}
        out: np.ndarray = _session().run_with_ort_values(["y"], feeds)[0].numpy()[0]
        return out


def export_graph(target: Path = ROUGH_GRAPH) -> Path:
    """Write the two-node graph: ``y = MatMulInteger(DynamicQuantizeLinear(x), W)``, with
    ``x`` a float row and ``W`` an int8 matrix given at run time. Needs ``onnx``."""
    from onnx import TensorProto, helper, save

    nodes = [
        helper.make_node("DynamicQuantizeLinear", ["x"], ["xq", "xs", "xz"]),
        helper.make_node("MatMulInteger", ["xq", "W", "xz"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes,
        "rough",
        [
            helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, None]),
            helper.make_tensor_value_info("W", TensorProto.INT8, [None, None]),
        ],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [1, None])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    save(model, str(target))
    return target
