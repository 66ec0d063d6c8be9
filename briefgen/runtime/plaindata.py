"""Values as JSON and back, without ever running code to read them.

The extraction cache lives in the output folder, which a CI job may restore
from a shared cache: whoever can write there must not be able to run code in
the next build, as a pickle would let them. So cache entries are JSON, and
this small codec says how each kind of value is written:

* ``None``, booleans, integers, strings and lists as themselves; a float as
  itself, or ``{"$float": "nan"}`` (and ``inf``, ``-inf``);
* tuples, sets and frozensets as ``{"$tuple": [...]}``, ``{"$set": [...]}``,
  ``{"$frozenset": [...]}`` (sets sorted, so equal values give equal text);
* dicts as ``{"$dict": [[key, value], ...]}``, so keys may be any of these;
* dates and datetimes as ``{"$date": "2021-10-06"}``, ``{"$datetime": ...}``;
* a dataclass or pydantic model as ``{"$object": "module:Name", "fields": {...}}``.

Reading back builds only what this list names. A class is one of briefgen's
own (its module is ``briefgen`` or under it), and must still be a dataclass
or a pydantic model with exactly the stored fields; it is rebuilt field by
field, without calling its ``__init__`` or validators, so the value read is
the value written. Anything else is an ``UnknownValue`` error, never a guess.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import json
import math
from typing import Any, NoReturn

from pydantic import BaseModel

_PACKAGE = "briefgen"


class UnknownValue(ValueError):
    """A value this codec cannot write, or text that is not one it wrote."""


def dumps(value: Any) -> bytes:
    """``value`` as compact JSON text (UTF-8); ``UnknownValue`` for what has no form here."""
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes) -> Any:
    """The value ``dumps`` wrote; ``UnknownValue`` for anything else."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise UnknownValue(f"not JSON: {e}") from e
    try:
        return _decode(raw)
    except RecursionError as e:
        raise UnknownValue("nested too deep") from e


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        kind = "$frozenset" if isinstance(value, frozenset) else "$set"
        items = [_encode(v) for v in value]
        return {kind: sorted(items, key=lambda v: json.dumps(v, sort_keys=True))}
    if isinstance(value, dict):
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, BaseModel):
        names = type(value).model_fields
        return {
            "$object": _class_name(type(value)),
            "fields": {name: _encode(getattr(value, name)) for name in names},
            "set": sorted(value.model_fields_set),
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return {
            "$object": _class_name(type(value)),
            "fields": {f.name: _encode(getattr(value, f.name)) for f in fields},
        }
    raise UnknownValue(f"cannot store a {type(value).__qualname__}")


def _class_name(cls: type) -> str:
    if not (cls.__module__ == _PACKAGE or cls.__module__.startswith(_PACKAGE + ".")):
        raise UnknownValue(f"cannot store a {cls.__module__}.{cls.__qualname__}: not briefgen's")
    if "<locals>" in cls.__qualname__:
        raise UnknownValue(f"cannot store a {cls.__qualname__}: a class defined in a function")
    return f"{cls.__module__}:{cls.__qualname__}"


_TAGS = {
    "$tuple": lambda items: tuple(_decode(v) for v in _list(items)),
    "$set": lambda items: {_decode(v) for v in _list(items)},
    "$frozenset": lambda items: frozenset(_decode(v) for v in _list(items)),
    "$dict": lambda pairs: {_decode(k): _decode(v) for k, v in (_pair(p) for p in _list(pairs))},
    "$date": lambda text: dt.date.fromisoformat(_text(text)),
    "$datetime": lambda text: dt.datetime.fromisoformat(_text(text)),
    "$float": lambda text: float(_text(text)) if _text(text) in ("nan", "inf", "-inf") else _bad(),
}


def _decode(raw: Any) -> Any:
    if raw is None or isinstance(raw, (bool, int, float, str)):
        return raw
    if isinstance(raw, list):
        return [_decode(v) for v in raw]
    if not isinstance(raw, dict):
        _bad()
    if "$object" in raw:
        return _object(raw)
    if len(raw) != 1:
        _bad()
    [(tag, body)] = raw.items()
    if tag not in _TAGS:
        _bad()
    try:
        return _TAGS[tag](body)
    except (TypeError, ValueError) as e:
        raise UnknownValue(f"a bad {tag}: {e}") from e


def _object(raw: dict[str, Any]) -> Any:
    cls = _class(_text(raw["$object"]))
    fields = raw.get("fields")
    if not isinstance(fields, dict):
        _bad()
    values = {str(name): _decode(value) for name, value in fields.items()}
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        if set(values) != set(cls.model_fields):
            raise UnknownValue(f"{cls.__qualname__}: its fields have changed")
        fields_set = raw.get("set", [])
        if not isinstance(fields_set, list) or not set(fields_set) <= set(values):
            _bad()
        return cls.model_construct(_fields_set=set(fields_set), **values)
    names = [f.name for f in dataclasses.fields(cls)]
    if set(values) != set(names):
        raise UnknownValue(f"{cls.__qualname__}: its fields have changed")
    obj = object.__new__(cls)
    for name in names:  # as a frozen dataclass's own __init__ does
        object.__setattr__(obj, name, values[name])
    return obj


def _class(name: str) -> Any:
    module_name, _, qualname = name.partition(":")
    if not (module_name == _PACKAGE or module_name.startswith(_PACKAGE + ".")) or not qualname:
        raise UnknownValue(f"{name!r} is not one of briefgen's classes")
    try:
        target: Any = importlib.import_module(module_name)
    except ImportError as e:
        raise UnknownValue(f"{name!r}: no such module") from e
    for part in qualname.split("."):
        target = getattr(target, part, None)
    if getattr(target, "__module__", None) != module_name:  # imported there, not defined there
        raise UnknownValue(f"{name!r} is not one of briefgen's classes")
    is_model = isinstance(target, type) and issubclass(target, BaseModel)
    if not (is_model or (isinstance(target, type) and dataclasses.is_dataclass(target))):
        raise UnknownValue(f"{name!r} is not a dataclass or model of briefgen's")
    return target


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        _bad()
    return value


def _pair(value: Any) -> tuple[Any, Any]:
    if not (isinstance(value, list) and len(value) == 2):
        _bad()
    return value[0], value[1]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        _bad()
    return value


def _bad() -> NoReturn:
    raise UnknownValue("not a value briefgen wrote")
