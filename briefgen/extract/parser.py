"""The trained dependency parser, loaded once per process.

Temporary: this version loads the model directory named by the environment
variable ``BRIEFGEN_PARSER_DIR`` (default ``/work/models/quick``) so that the
parse-based extractor can be built while the packaged model is trained. The
parser branch's module, which loads the model shipped under
``briefgen/data/parser/``, replaces it when the branches merge.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

_DEFAULT_DIR = "/work/models/quick"


def model_dir() -> Path:
    return Path(os.environ.get("BRIEFGEN_PARSER_DIR", _DEFAULT_DIR))


@lru_cache(maxsize=1)
def load() -> Language:
    import spacy

    folder = model_dir()
    if not (folder / "meta.json").is_file():
        raise ConfigError(f"{folder}: no parser model here (set BRIEFGEN_PARSER_DIR)")
    return spacy.load(folder)


@lru_cache(maxsize=1)
def model_version() -> str:
    meta = model_dir() / "meta.json"
    if not meta.is_file():
        return "none"
    return hashlib.sha256(meta.read_bytes()).hexdigest()[:16]
