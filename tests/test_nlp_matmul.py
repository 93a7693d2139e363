"""Layers multiplying through numpy's BLAS give the annotations BLIS gives."""

from __future__ import annotations

from thinc.api import Model, NumpyOps

from eventwire.nlp import load_model
from eventwire.nlp.matmul import use_numpy_gemm

TEXTS = [
    "Police in Lagos arrested three protesters on Tuesday after a march on the governor's office.",
    "The foreign minister said on Friday that talks with Ankara would resume next month.",
    "Flooding along the Mekong forced 12,000 families from their homes, the Red Cross reported.",
]
_ATTRS = ["TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA"]


def _layers(nlp: object) -> list[Model]:
    return [
        node
        for _name, component in nlp.pipeline  # type: ignore[attr-defined]
        if isinstance(getattr(component, "model", None), Model)
        for node in component.model.walk()
    ]


def test_numpy_gemm_keeps_annotations() -> None:
    nlp = load_model("md")
    layers = _layers(nlp)
    before = [node.ops for node in layers]
    try:
        blis = NumpyOps()
        for node in layers:
            node.ops = blis
        expected = [doc.to_array(_ATTRS).tolist() for doc in nlp.pipe(TEXTS)]
        assert use_numpy_gemm(nlp) > 0
        assert all(not node.ops.use_blis for node in layers if isinstance(node.ops, NumpyOps))
        assert [doc.to_array(_ATTRS).tolist() for doc in nlp.pipe(TEXTS)] == expected
        assert use_numpy_gemm(nlp) == 0  # already switched: nothing left to do
    finally:
        for node, ops in zip(layers, before, strict=True):
            node.ops = ops
