from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the repo's example workspace: config/ and seeds/."""
    shutil.copytree(ROOT / "config", tmp_path / "config")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path
