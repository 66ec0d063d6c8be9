"""What a run loads, and loads once: templates compiled once per process, heavy
libraries imported only by the runs that use them. Speed itself is measured in
benchmarks/; these tests check that the short cuts never change an output."""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.render.environment import _COMPILED, make_environment


def test_templates_compile_once_and_again_when_edited(tmp_path: Path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "t.md.j2").write_text("first {{ x }}\n")
    first = make_environment([folder]).get_template("t.md.j2")
    assert first.render(x=1) == "first 1\n"
    compiled = len(_COMPILED._code)
    # Another environment (another audience) loads the compiled template.
    assert make_environment([folder]).get_template("t.md.j2").render(x=2) == "first 2\n"
    assert len(_COMPILED._code) == compiled
    # An edited template is compiled again, even with the same modification time.
    stat = (folder / "t.md.j2").stat()
    (folder / "t.md.j2").write_text("second {{ x }}\n")
    os.utime(folder / "t.md.j2", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert make_environment([folder]).get_template("t.md.j2").render(x=3) == "second 3\n"
