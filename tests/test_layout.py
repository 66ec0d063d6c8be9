"""The package shows its stages: no import cycle, and no import against the stage order.

Imports inside functions count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import briefgen

PACKAGE = Path(briefgen.__file__).resolve().parent
STAGES = ("ingest", "extract", "digest", "render", "publish")
# Below every stage: what all of them may use, and which uses no stage.
FOUNDATION = ("audiences", "config", "errors", "model", "paths", "runtime", "yamlsafe")
# Known exceptions, each with the reason it is still here.
ALLOWED = {
    # The feed cache's atomic write; to move with publish's file helpers (issue 11).
    ("briefgen.ingest.fetch", "briefgen.publish"),
}


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(name: str) -> bool:
    base = PACKAGE.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _imports() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
                found |= {f"{node.module}.{a.name}" for a in node.names}
        edges[_name(path)] = {n for n in found if n.startswith("briefgen") and _exists(n)}
    return edges


def _part(name: str) -> str:
    """The top-level module or stage folder ``name`` belongs to."""
    return name.split(".")[1] if "." in name else ""


def test_no_module_imports_a_later_stage_and_the_foundation_imports_none():
    wrong = []
    for module, targets in _imports().items():
        for target in targets:
            a, b = _part(module), _part(target)
            later = a in STAGES and b in STAGES and STAGES.index(b) > STAGES.index(a)
            from_foundation = a in FOUNDATION and b in STAGES
            if (later or from_foundation) and (module, target) not in ALLOWED:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_no_import_cycle_between_the_package_parts():
    graph: dict[str, set[str]] = {}
    for module, targets in _imports().items():
        for target in targets:
            if (a := _part(module)) != (b := _part(target)) and a and b:
                graph.setdefault(a, set()).add(b)
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        for after in sorted(graph.get(node, ())):
            if after in path:
                cycles.append(" -> ".join([*path[path.index(after) :], after]))
            elif after not in done:
                visit(after, [*path, after])
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    assert cycles == []


def test_the_checks_above_can_fail():
    edges = _imports()
    assert "briefgen.publish" in edges["briefgen.ingest.fetch"]  # the allowed exception is seen
    assert "briefgen.render" in edges["briefgen.render.pdfworker"]  # lazy imports are seen


def _map_of_the_package() -> tuple[set[str], set[str]]:
    """The modules CONTRIBUTING.md's map lists, as paths relative to ``briefgen/``:
    those named, and the ``__init__.py`` of each folder named (its line stands for it)."""
    text = (PACKAGE.parent / "CONTRIBUTING.md").read_text("utf-8")
    block = text.split("```\nbriefgen/\n", 1)[1].split("```", 1)[0]
    named: set[str] = set()
    packages: set[str] = set()
    folders: list[tuple[int, str]] = []  # (indent, name) of the folders above this line
    for line in block.splitlines():
        name = line.strip().split(" ", 1)[0]
        if not name or name == "#":
            continue
        indent = len(line) - len(line.lstrip())
        folders = [(i, f) for i, f in folders if i < indent]
        path = "".join(f for _, f in folders) + name
        if name.endswith("/"):
            folders.append((indent, name))
            packages.add(f"{path}__init__.py")
        else:
            named.add(path)
    return named, packages


def test_every_module_is_on_the_map_in_contributing():
    modules = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}
    named, packages = _map_of_the_package()
    assert sorted(modules - named - packages) == [], "add a line for each to CONTRIBUTING.md"
    assert sorted(named - modules) == [], "the map names modules that do not exist"
    assert "extract/facts.py" in named and "runtime/__init__.py" in packages  # it reads the tree
