"""The cache's code fingerprint covers every module that can change an extraction result."""

from __future__ import annotations

import ast
from pathlib import Path

import briefgen
from briefgen.runtime import cache
from briefgen.runtime.cache import FINGERPRINTED_MODULES, module_files

PACKAGE = Path(briefgen.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _file_of(name: str) -> Path | None:
    base = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[str]:
    """Every briefgen module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("briefgen")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("briefgen"):
            assert node.module is not None
            found.add(node.module)
            # ``from briefgen.extract import trained`` imports a module too.
            found |= {f"{node.module}.{a.name}" for a in node.names
                      if _file_of(f"{node.module}.{a.name}")}  # fmt: skip
    return {name for name in found if _file_of(name)}


def _closure(roots: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _file_of(name)
        assert path is not None, name
        todo.extend(_imports(path) - seen)
        # Importing a module runs its packages' __init__ first.
        todo.extend(".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1))
    return seen


def _extraction_roots() -> set[str]:
    """What runs while articles are read and extracted: every module of ``extract``
    (every backend and what they share), ingest's reading, and the pipeline's
    extraction, whose whole result is cached."""
    modules = {_module_name(p) for p in sorted((PACKAGE / "extract").rglob("*.py"))}
    return modules | {"briefgen.ingest.reading", "briefgen.runtime.run"}


def test_every_module_that_feeds_extraction_is_fingerprinted():
    covered = {_module_name(p) for name in FINGERPRINTED_MODULES for p in module_files(name)}
    # The pipeline's own later stages (render, publish, digest) are imported lazily there
    # and change no cached result; the pipeline module itself is fingerprinted.
    roots = _extraction_roots()
    needed = _closure(roots)
    assert "briefgen.extract.rules" in needed and "briefgen.ingest.nlp" in needed
    assert sorted(needed - covered) == []
    assert "briefgen.pipeline" in covered


def test_the_closure_finds_a_module_left_out(monkeypatch):
    """The check above can fail: without ``briefgen.ingest`` in the list, it would."""
    left_out = tuple(name for name in FINGERPRINTED_MODULES if name != "briefgen.ingest")
    covered = {_module_name(p) for name in left_out for p in module_files(name)}
    assert "briefgen.ingest.nlp" in _closure(_extraction_roots()) - covered


def test_editing_a_fingerprinted_module_changes_the_fingerprint(tmp_path, monkeypatch):
    before = cache.fingerprint()
    real = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = real(path)
        return data + b"\n# edited" if path.name == "merge.py" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    cache.fingerprint.cache_clear()
    try:
        assert cache.fingerprint() != before
    finally:
        monkeypatch.undo()
        cache.fingerprint.cache_clear()
    assert cache.fingerprint() == before
