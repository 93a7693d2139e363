"""Matrix products of spaCy's layers through numpy's BLAS instead of BLIS.

Most of the parse is matrix products: the tok2vec layers (the shared one and the
entity recogniser's own) and the parsers' precomputed input layers call thinc's
``NumpyOps.gemm``, which calls BLIS. The BLIS wheel installed with spaCy may hold
only BLIS's generic C kernel (``BLIS_ARCH_DEBUG=1`` prints "selecting sub-configuration
'generic'"): on the project's AMD EPYC VMs it multiplies float32 matrices at 8-11
GFLOP/s, while numpy's OpenBLAS picks a kernel for the CPU and runs the same products at
about 34 GFLOP/s (single-threaded: eventwire sets ``OPENBLAS_NUM_THREADS=1`` on import).
thinc supports this switch itself: ``NumpyOps(use_blis=False)`` keeps every other
operation and sends ``gemm`` to ``numpy.dot``.

The two libraries sum the products in different orders, so the layers' floats may differ
in their last bits. Only the components' discrete outputs (tags, heads, labels,
entities) reach the stages, and they came out identical on every article measured (the
432 train and bench articles of ``scripts/profile_stages.py``); a score tied to the last
bit could still tip another way. The transition loop of the parsers keeps BLIS (thinc's
C-level ``CBlas``), as it holds only small products.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def use_numpy_gemm(nlp: Language) -> int:
    """Make the layers of ``nlp``'s components multiply with numpy's BLAS; return how many
    layers were switched. Changes the loaded model in place (it is loaded once per process
    and shared), so every later use of it in this process multiplies the same way."""
    from thinc.api import Model, NumpyOps

    ops = NumpyOps(use_blis=False)
    switched = 0
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            current = node.ops
            if isinstance(current, NumpyOps) and type(current) is NumpyOps and current.use_blis:
                node.ops = ops
                switched += 1
    return switched
