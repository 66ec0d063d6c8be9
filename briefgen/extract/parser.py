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
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError

if TYPE_CHECKING:
    from spacy.language import Language

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
    return spacy.load(MODEL_DIR)


@lru_cache(maxsize=1)
def model_version() -> str:
    """A short hash of the packaged model's ``meta.json``, for cache keys."""
    meta = MODEL_DIR / "meta.json"
    if not meta.is_file():
        raise BriefgenError(f"{meta}: briefgen's parser model is missing from the installation")
    return hashlib.sha256(meta.read_bytes()).hexdigest()[:16]
