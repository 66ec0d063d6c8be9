"""The extractors, by name: the built-ins here and nowhere else, others by entry point.

``extraction.extractor`` in the config (``--extractor`` on ``build``, ``extract``
and ``eval``) chooses one. A built-in's module is imported only when it is
chosen. Other packages add a backend through the ``briefgen.extractors`` entry
point group, each entry point naming an ``Extractor`` subclass; a plugin
cannot take a built-in's name.
"""

from __future__ import annotations

import importlib
import logging
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from briefgen.errors import ConfigError
from briefgen.extract.base import Extractor

if TYPE_CHECKING:
    from briefgen.config import ExtractionSettings

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "briefgen.extractors"

# name -> "module:class"
BUILTINS: dict[str, str] = {
    "rules": "briefgen.extract.rules:RulesExtractor",
    "llm": "briefgen.extract.llm:LlmExtractor",
}


def known_extractors() -> list[str]:
    """Every name ``extraction.extractor`` may take, sorted."""
    plugins = {entry.name for entry in entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(set(BUILTINS) | plugins)


def extractor_class(name: str) -> type[Extractor]:
    """The backend registered as ``name``; an unknown name is a config error listing the known."""
    if name in BUILTINS:
        module, _, attribute = BUILTINS[name].partition(":")
        found: Any = getattr(importlib.import_module(module), attribute)
    else:
        entries = [e for e in entry_points(group=ENTRY_POINT_GROUP) if e.name == name]
        if not entries:
            known = ", ".join(known_extractors())
            raise ConfigError(f"extraction.extractor: unknown extractor {name!r} (known: {known})")
        try:
            found = entries[0].load()
        except Exception as e:  # a broken plugin: say which, and why
            raise ConfigError(
                f"extraction.extractor: the extractor plugin {name!r} ({entries[0].value}) "
                f"cannot be loaded: {type(e).__name__}: {e}"
            ) from e
    if not (isinstance(found, type) and issubclass(found, Extractor)):
        raise ConfigError(
            f"extraction.extractor: {name!r} does not name an Extractor subclass ({found!r})"
        )
    return found


def make_extractor(settings: ExtractionSettings) -> Extractor:
    """The chosen backend with its options validated from ``extraction.<name>:``.

    Every problem is reported as ``extraction.<name>.<key>: message``; a
    section for a backend that does not exist is reported too.
    """
    name = settings.extractor
    cls = extractor_class(name)
    known = set(known_extractors())
    strays = [section for section in settings.sections() if section not in known]
    if strays:
        raise ConfigError(
            "\n".join(
                f"extraction.{section}: unknown key (no extractor is named {section!r}; "
                f"known: {', '.join(sorted(known))})"
                for section in strays
            )
        )
    try:
        options = cls.Options.model_validate(settings.options_for(name))
    except ValidationError as e:
        raise ConfigError(_format(f"extraction.{name}", e)) from e
    return cls(options)


def _format(prefix: str, error: ValidationError) -> str:
    lines = []
    for problem in error.errors():
        key = ".".join([prefix, *(str(part) for part in problem["loc"])])
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "unknown key"
        lines.append(f"{key}: {message}")
    return "\n".join(lines)
