from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_GOLDEN = os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1"


@cache
def load_tool(name: str) -> ModuleType:
    """``tools/<name>.py`` imported as a module (once per test run), for tests of a tool."""
    path = ROOT / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"briefgen_tool_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "golden: compares output with tests/golden/ (refresh: make golden)"
    )


def assert_golden(name: str, produced: bytes) -> None:
    """``produced`` is ``tests/golden/<name>`` byte for byte.

    The one golden system: every golden test is marked ``golden`` and calls
    this. ``make golden`` (``BRIEFGEN_UPDATE_GOLDEN=1 scripts/dev test -m
    golden``) writes what the code produces instead; refresh only when a
    change is meant to change the output, read the diff, and say why in the
    commit (CONTRIBUTING.md). A diff you did not intend is a bug.
    """
    golden = GOLDEN / name
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert golden.is_file(), f"tests/golden/{name} is missing: run `make golden` and read the diff"
    assert produced == golden.read_bytes(), (
        f"differs from tests/golden/{name}; if the change is meant, `make golden` (CONTRIBUTING.md)"
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the repo's example workspace: config/ and seeds/."""
    shutil.copytree(ROOT / "config", tmp_path / "config")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path
