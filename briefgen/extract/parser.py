"""briefgen's own English pipeline, shipped inside the package.

The model in ``briefgen/data/parser/`` was trained on the CC BY /
public-domain part of GUM, its tok2vec first pretrained on raw text (GUM's
train split and public-domain readouts: ``tools/parser.py pretrain`` and
``train``; the model card is ``docs/parser-model.md``). It gives Penn tags (``tag_``), UPOS and
features (``pos_``, ``morph``), lemmas, Universal Dependencies relations
(``dep_``, subtypes kept: ``nsubj:pass``, ``obl:tmod``; the root is
``ROOT``), sentences, and named entities PERSON, NORP, ORG, GPE and LOC.

Nothing is downloaded: the files are package data, loaded once per process.
spaCy is imported on first use.

Loading a pipeline first builds spaCy's default English tokenizer (about a
thousand special cases), then replaces every part of it with the one saved
in ``tokenizer/``: reading it from disk resets the rules, prefixes, suffixes,
infixes and matches before setting them. When the model's tokenizer is
spaCy's standard one, ``load`` starts from a tokenizer without rules
instead, which the saved one then fills: the same tokenizer, without building
the defaults first (about 0.05 s of CPU, in a cold build's critical path).

The model's matrix products go to NumPy's BLAS, one thread per process
(``_numpy_products``): thinc's default, BLIS, runs them at under half the
speed on CPUs its build has no kernel for (it fell back to its generic code
on this project's AMD EPYC), and they are most of the model's time.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "parser"


@lru_cache(maxsize=1)
def load() -> Language:
    """The packaged pipeline (loaded on the first call, then shared)."""
    import spacy

    from briefgen.extract import place_labels

    place_labels.register()  # the pipeline's last component, briefgen's own
    if not (MODEL_DIR / "meta.json").is_file():
        raise BriefgenError(
            f"{MODEL_DIR}: briefgen's parser model is missing from the installation "
            "(reinstall briefgen, or train it with tools/parser.py train)"
        )
    nlp = spacy.load(MODEL_DIR, config=_tokenizer_read_from_disk())
    _numpy_products(nlp)
    # The pipeline (and whatever else is loaded by now: patterns, tables) lives as long
    # as the process: out of the cyclic collector's sight, its millions of objects are
    # not walked again by every full collection (0.5 s of CPU over the White House
    # readouts), nor their pages written to in forked workers.
    gc.freeze()
    return nlp


def _numpy_products(nlp: Language) -> None:
    """Every layer of ``nlp`` multiplying its matrices with NumPy (``numpy.dot``, so
    the BLAS NumPy ships: OpenBLAS in its wheels) instead of BLIS, and that BLAS held
    to one thread.

    Over the White House readouts' parsed sentences the model took 17.4 s of CPU
    instead of 27.4 s, every part of speech, head, relation and entity the same.
    One thread: the workers of ``--jobs`` are the parallelism; a BLAS thread per
    core beside them spins for work, and took more CPU than BLIS saved.
    The parser's and recognizer's step-by-step products stay BLIS's (compiled code
    that calls it directly).
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops


_STANDARD_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
_BARE_TOKENIZER = "briefgen.BareTokenizer.v1"


def _tokenizer_read_from_disk() -> dict[str, Any]:
    """The config override that starts the model's tokenizer without rules, when the
    model's own is spaCy's standard tokenizer (and so entirely read from disk)."""
    from spacy.util import load_config, registry

    if load_config(MODEL_DIR / "config.cfg")["nlp"].get("tokenizer") != _STANDARD_TOKENIZER:
        return {}
    if _BARE_TOKENIZER not in registry.tokenizers:
        registry.tokenizers.register(_BARE_TOKENIZER, func=_bare_tokenizer)
    return {"nlp.tokenizer": {"@tokenizers": _BARE_TOKENIZER}}


def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    from spacy.tokenizer import Tokenizer

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


@lru_cache(maxsize=1)
def model_version() -> str:
    """A short hash of the packaged model's ``meta.json``, for cache keys."""
    meta = MODEL_DIR / "meta.json"
    if not meta.is_file():
        raise BriefgenError(f"{meta}: briefgen's parser model is missing from the installation")
    return hashlib.sha256(meta.read_bytes()).hexdigest()[:16]
