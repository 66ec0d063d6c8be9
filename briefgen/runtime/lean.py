"""spaCy imported without its command line, which no briefgen run uses.

``import spacy`` also imports ``spacy.cli`` (for the ``spacy.info`` function
it re-exports), and with it typer, weasel, httpx, requests and every command
of spaCy's own command line: about 0.18 s of CPU on the machine of the
README's figures, a sixth of spaCy's import and all of it in a cold build's
critical path. No code of spaCy's outside its command line imports it, so
``import_spacy`` imports spaCy with ``spacy.cli`` standing in as an empty
module for that one statement, then removes the stand-in: a later ``import
spacy.cli`` (a training script) imports the real one, and ``spacy.info``
imports it when called. spaCy itself is the same objects and code either way.

Where the stand-in does not fit (a spaCy whose ``__init__`` needs more of its
command line), spaCy is imported as usual.

Loading a pipeline then asks spaCy's registries for some two hundred
functions, and each question goes through ``catalogue``, which filters every
entry point of the environment for the registry's group: about 0.04 s of
CPU a load, for the same few answers. ``import_spacy`` hands ``catalogue``
the entry points already grouped, in the form it takes them from older
Pythons (a dict of group -> entry points), each group's list being what its
filter gave: the same answers, looked up once.
"""

from __future__ import annotations

import importlib
import logging
import sys
import types
from typing import Any

log = logging.getLogger(__name__)

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def import_spacy() -> None:
    """Import spaCy, skipping its command line, unless it is imported already."""
    if "spacy" in sys.modules:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []  # a package with nothing in it: nothing else loads through it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    package.info = info  # type: ignore[attr-defined]
    sys.modules.update(dict(zip(_STAND_INS, (package, info), strict=True)))
    try:
        spacy = importlib.import_module("spacy")
    except ImportError as e:
        failed: ImportError | None = e
    else:
        failed = None
    finally:
        for name in _STAND_INS:
            if sys.modules.get(name) in (package, info):
                del sys.modules[name]
    if failed is not None:
        log.debug("spaCy imported with its command line (%s)", failed)
        _forget_partial_import()
        importlib.import_module("spacy")
    elif getattr(spacy, "cli", None) is package:
        del spacy.cli
    _group_entry_points()


def _group_entry_points() -> None:
    """``catalogue``'s entry points grouped once (see above), unless they are already."""
    catalogue = sys.modules.get("catalogue")
    found: Any = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if catalogue is None or not hasattr(found, "select") or not hasattr(found, "groups"):
        return
    catalogue.AVAILABLE_ENTRY_POINTS = {  # type: ignore[attr-defined]
        group: list(found.select(group=group)) for group in sorted(found.groups)
    }


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, imported from spaCy's command line when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _forget_partial_import() -> None:
    """Forget the spaCy modules a failed import left, so the next import starts afresh."""
    for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
        del sys.modules[name]
