"""The catalogue of bad inputs: each one fed to a real build, with its promised outcome.

Every case is a workspace with one good article and the bad one, built with
``briefgen build`` through click's runner, then built again with ``--strict``.
The outcome is one of:

* ``read``: in the digest's sources, no warning;
* ``repaired`` / ``ignored`` / ``duplicate``: read (or counted once), with a
  one-line warning naming the file and the reason;
* ``skipped``: not in the sources, with a one-line warning naming it and why;
* ``not an input``: not looked at, no warning (hidden files, other suffixes).

Any warning makes the ``--strict`` build exit 3 and write nothing. The same
table is in ``docs/bad-input.md``: change both together.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefgen.cli import cli

GOOD = "Anchor story\n\nForeign Minister Chung Eui-yong met Secretary Antony Blinken in Rome.\n"
SAMPLE = "Title\n\n“We will meet again,” said François Piqué in Zürich on Monday. It cost €5.\n"
KOREAN = "Title\n\n정의용 외교부 장관은 블링컨 국무장관과 로마에서 만났다. 똠방각하.\n"
BODY = "The ministers met in Seoul on Monday and agreed to meet again next month."


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], str]
    """Creates the bad input in the articles folder; returns its name as briefgen shows it."""
    outcome: str
    reason: str = ""
    config: str = ""
    """Extra config lines."""


def file(name: str, data: bytes | str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return f"articles/{name}"

    return make


def link(name: str, target: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        os.symlink(target, folder / name)
        return f"articles/{name}"

    return make


def fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.txt")
    return "articles/pipe.txt"


def folder_loop(folder: Path) -> str:
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    return "articles/sub/up/"


def duplicate(folder: Path) -> str:
    (folder / "a-first.txt").write_text(f"First title\n\n{BODY}\n")
    (folder / "b-again.txt").write_text(f"Another title\n\n{BODY.upper()}  \n")
    return "articles/b-again.txt"


def odd_name(raw: bytes) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        name = raw.decode("utf-8", "surrogateescape")
        (folder / name).write_text(f"Odd name\n\n{BODY}\n")
        shown = raw.decode("utf-8", "backslashreplace").replace("\n", "\\x0a")
        return f"articles/{shown}"

    return make


def alias_bomb() -> bytes:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdef", "bcdefg", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    lines += ["title: *g", "---", BODY]
    return "\n".join(lines).encode()


CASES = [
    # Encodings: detected, not guessed as UTF-8.
    Case("utf-8", file("utf8.txt", SAMPLE), "read"),
    Case("utf-8 with BOM", file("bom.txt", SAMPLE.encode("utf-8-sig")), "read"),
    Case("utf-16 with BOM", file("utf16.txt", SAMPLE.encode("utf-16")), "read"),
    Case("utf-16-le no BOM", file("le.txt", SAMPLE.encode("utf-16-le")), "read"),
    Case("utf-16-be no BOM", file("be.txt", SAMPLE.encode("utf-16-be")), "read"),
    Case("euc-kr", file("euckr.txt", KOREAN.replace(" 똠방각하", "").encode("euc-kr")), "read"),
    Case("cp949", file("cp949.txt", KOREAN.encode("cp949")), "read"),
    Case(
        "latin-1",
        file(
            "latin1.txt",
            "Titre\n\nLe président a rencontré Zoë à Berlin. Café.\n".encode("latin-1"),
        ),
        "read",
    ),
    Case("windows-1252", file("cp1252.txt", SAMPLE.encode("cp1252")), "read"),
    Case("crlf line ends", file("crlf.txt", SAMPLE.replace("\n", "\r\n")), "read"),
    Case(
        "utf-8 with stray cp1252 bytes",
        file(
            "mixed.txt",
            "T\n\nMoon’s “end-of-war” plan.".encode() + " Piqué agreed.".encode("cp1252"),
        ),
        "repaired",
        "UTF-8 with a few bytes that are not",
    ),
    Case(
        "mojibake",
        file("mojibake.txt", "Title\n\nGerard PiquÃ© met Ã‰milie in ZÃ¼rich.\n"),
        "repaired",
        "mojibake repaired ('PiquÃ©' became 'Piqué')",
    ),
    # Not text.
    Case(
        "NUL bytes",
        file("nul.txt", b"Some text\x00with a NUL byte in it."),
        "skipped",
        "a binary file (it contains NUL bytes), not text",
    ),
    Case(
        "4 bytes starting with NUL",
        file("nul4.txt", b"\x00abc"),
        "skipped",
        "a binary file (it contains NUL bytes), not text",
    ),
    Case(
        "PNG named .txt",
        file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        "skipped",
        "binary",
    ),
    Case("binary without NUL", file("noise.txt", bytes(range(1, 256)) * 8), "skipped", "binary"),
    Case(
        "control characters",
        file("ctrl.md", "\x01\x02\x03\x04\x05\x06\x07\x08" * 100),
        "skipped",
        "binary",
    ),
    Case("empty", file("empty.txt", b""), "skipped", "no article text"),
    Case("white space only", file("blank.txt", " \n\t\n\u00a0\n"), "skipped", "no article text"),
    Case("markup only", file("tags.txt", "<p></p><div> </div>"), "skipped", "no article text"),
    Case(
        "html without an article",
        file(
            "menu.html",
            "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
        ),
        "skipped",
        "no article text found in the HTML",
    ),
    Case("empty html", file("empty.html", ""), "skipped", "no article text"),
    Case(
        "html nested 100,000 deep",
        file(
            "deep.html",
            "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>",
        ),
        "skipped",
        "no article text",
    ),
    # Markdown front matter.
    Case(
        "front matter not YAML",
        file("badfm.md", f"---\ntitle: ok\ndate: [unclosed\n---\n{BODY}\n"),
        "skipped",
        "line 3: front matter is not valid YAML",
    ),
    Case(
        "front matter never closed",
        file("open.md", f"---\ntitle: open\n{BODY}\n"),
        "skipped",
        "front matter opened with '---' is never closed",
    ),
    Case(
        "front matter a list",
        file("list.md", f"---\n- a\n- b\n---\n{BODY}\n"),
        "skipped",
        "front matter must be 'key: value' lines",
    ),
    Case(
        "title a list",
        file("title.md", f"---\ntitle: [a, b]\n---\n{BODY}\n"),
        "ignored",
        "title is a list, not text; ignored",
    ),
    Case(
        "date not a date",
        file("date.md", f"---\ndate: next Tuesday\n---\n{BODY}\n"),
        "ignored",
        "date 'next Tuesday' is not an ISO date",
    ),
    Case("YAML alias bomb", file("bomb.md", alias_bomb()), "ignored", "title is a list"),
    Case(
        "date at the calendar's edge",
        file("edge.md", "---\ndate: 0001-01-01\n---\nKim met Moon yesterday and on Tuesday.\n"),
        "read",
    ),
    Case(
        "text dated 0001-01-01",
        file("edge.txt", "date 0001-01-01\n\nEdge\n\nThe ministers met in Seoul yesterday.\n"),
        "read",
    ),
    Case(
        "quotes nested 50,000 deep",
        file("quotes.md", ">" * 50_000 + " deep\n"),
        "skipped",
        "line 1: quotes or lists nested over 50 deep",
    ),
    Case(
        "lists nested 3,000 deep",
        file("lists.md", f"# T\n\n{BODY}\n\n" + "- " * 3000 + "x\n"),
        "skipped",
        "line 5: quotes or lists nested over 50 deep",
    ),
    # Size.
    Case(
        "over the size limit",
        file("big.txt", "Big\n\n" + "word " * 1000),
        "skipped",
        "5,005 bytes is over the size limit of 1,000 bytes (limits.max_file_bytes)",
        config="limits:\n  max_file_bytes: 1000\n",
    ),
    Case(
        "size limit with units",
        file("big2.txt", "Big\n\n" + "word " * 1000),
        "skipped",
        "over the size limit of 2,000 bytes",
        config="limits:\n  max_file_bytes: 2 kB\n",
    ),
    # spaCy's tokenizer is quadratic in a token of brackets: 30,000 took minutes.
    Case("30,000 brackets in a row", file("junk.txt", f"Junk\n\n{'(' * 30_000} {BODY}\n"), "read"),
    Case(
        "run-on sentence",
        file("runon.txt", "Run on\n\n" + "Minister Kim, " * 3000 + "met.\n"),
        "read",
    ),
    # The folder itself.
    Case(
        "symlink loop",
        link("loop.txt", "loop.txt"),
        "skipped",
        "a symbolic link that loops back on itself",
    ),
    Case(
        "broken symlink",
        link("gone.txt", "missing.txt"),
        "skipped",
        "a broken symbolic link (to missing.txt, which does not exist)",
    ),
    Case("named pipe", fifo, "skipped", "a named pipe, not a regular file"),
    Case("folder link loop", folder_loop, "skipped", "a link to a folder already searched"),
    Case(
        "duplicate text", duplicate, "duplicate", "same text as articles/a-first.txt; counted once"
    ),
    Case("file name not UTF-8", odd_name(b"caf\xe9.txt"), "read"),
    Case("file name with a line break", odd_name(b"two\nlines.txt"), "read"),
    Case("other suffix", file("notes.pdf", b"%PDF-1.4"), "not an input"),
    Case("hidden file", file(".draft.txt", SAMPLE), "not an input"),
]


def _workspace(tmp_path: Path, case: Case) -> tuple[Path, str]:
    (tmp_path / "config").mkdir()
    config = "inputs: [articles/]\noutput:\n  formats: [md]\n" + case.config
    (tmp_path / "config" / "briefgen.yaml").write_text(config)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "anchor.txt").write_text(GOOD)
    return tmp_path, case.make(articles)


def _build(ws: Path, *flags: str):
    return CliRunner().invoke(cli, ["build", "--config", str(ws / "config/briefgen.yaml"), *flags])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(tmp_path, case):
    ws, name = _workspace(tmp_path, case)
    result = _build(ws)
    assert result.exit_code == 0, result.output + result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("briefgen: WARN")]
    sources = yaml.safe_load((ws / "build/digest.yaml").read_text(encoding="utf-8"))["sources"]
    paths = {s["path"] for s in sources}
    if case.outcome in ("read", "not an input"):
        assert warnings == []
        assert (name in paths) == (case.outcome == "read"), paths
        assert "warning" not in result.stdout
    else:
        prefix = "skipped " if case.outcome == "skipped" else ""
        assert warnings == [f"briefgen: WARNING: {prefix}{name}: {_reason(warnings, name)}"]
        assert case.reason in warnings[0]
        assert (name in paths) == (case.outcome in ("repaired", "ignored")), paths
        assert "1 warning about the inputs" in result.stdout

    strict = _build(ws, "--strict")
    if case.outcome in ("read", "not an input"):
        assert strict.exit_code == 0, strict.stderr
    else:
        assert strict.exit_code == 3, strict.output + strict.stderr
        assert f"briefgen: error: {case.outcome}: {name}: " in strict.stderr
        assert "1 warning about the inputs, and --strict is on: nothing written" in strict.stderr


def _reason(warnings: list[str], name: str) -> str:
    return warnings[0].split(f"{name}: ", 1)[1] if warnings else ""


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.outcome == "read" and "name" not in c.id], ids=lambda c: c.id
)
def test_read_cases_keep_their_text(tmp_path, case):
    """Read means read right: every character of the sample arrives, no BOM, no mojibake."""
    from briefgen.ingest import read_article

    ws, name = _workspace(tmp_path, case)
    article = read_article(ws / name, root=ws)
    assert "\ufeff" not in article.text and "\ufffd" not in article.text
    assert (article.title or "").isprintable()
    if case.id.startswith(("utf", "crlf", "windows")):
        assert article.title == "Title"
        assert article.text == SAMPLE.split("\n\n", 1)[1].strip()
    if case.id in ("euc-kr", "cp949"):
        assert "정의용 외교부 장관은" in article.text


def test_mojibake_is_repaired_in_the_text(tmp_path):
    from briefgen.ingest import read_article

    path = tmp_path / "m.txt"
    path.write_text("Title\n\nGerard PiquÃ© met Ã‰milie in ZÃ¼rich. “Fine” café.\n")
    article = read_article(path, root=tmp_path)
    assert article.text == "Gerard Piqué met Émilie in Zürich. “Fine” café."
    assert [n.kind for n in article.notices] == ["repaired"]


def test_strict_writes_nothing(tmp_path):
    case = next(c for c in CASES if c.id == "empty")
    ws, _ = _workspace(tmp_path, case)
    result = _build(ws, "--strict")
    assert result.exit_code == 3
    # No digest and no brief; the lock and the extraction cache may be there.
    written = [p for p in (ws / "build").rglob("*") if p.is_file()]
    assert not [p for p in written if p.name == "digest.yaml" or p.name.startswith("brief.")]


def test_strict_from_the_config(tmp_path):
    case = next(c for c in CASES if c.id == "duplicate text")
    ws, _ = _workspace(tmp_path, case)
    config = ws / "config/briefgen.yaml"
    config.write_text(config.read_text() + "strict: true\n")
    assert _build(ws).exit_code == 3


def test_extract_strict_and_size_flag(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text("Big\n\n" + "word " * 1000)
    runner = CliRunner()
    args = ["extract", "a.txt", "b.txt", "-o", "d.yaml"]
    result = runner.invoke(cli, [*args, "--max-file-bytes", "1000"])
    assert result.exit_code == 0, result.stderr
    assert "skipped b.txt: 5,005 bytes is over the size limit of 1,000 bytes" in result.stderr
    assert "1 warning about the inputs" in result.stdout
    (tmp_path / "d.yaml").unlink()
    result = runner.invoke(cli, [*args, "--max-file-bytes", "1000", "--strict"])
    assert result.exit_code == 3
    assert not (tmp_path / "d.yaml").exists()
    assert runner.invoke(cli, [*args, "--strict"]).exit_code == 0
    bad = runner.invoke(cli, [*args, "--max-file-bytes", "lots"])
    assert bad.exit_code == 2
    assert "briefgen: error: --max-file-bytes: 'lots': " in bad.stderr


def test_all_unreadable_is_a_failure_not_a_warning(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config/briefgen.yaml").write_text("inputs: [articles/]\n")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles/empty.txt").write_bytes(b"")
    result = _build(tmp_path)
    assert result.exit_code == 1
    assert "briefgen: error: no readable articles in the inputs: articles/" in result.stderr


def test_on_error_stop_stops_at_a_folder_it_cannot_search(tmp_path):
    case = next(c for c in CASES if c.id == "folder link loop")
    ws, _ = _workspace(tmp_path, case)
    config = ws / "config/briefgen.yaml"
    config.write_text(config.read_text() + "on_error: stop\n")
    result = _build(ws)
    assert result.exit_code == 1
    assert "briefgen: error: articles/sub/up/: a link to a folder already searched" in result.stderr


def test_utf16_bom_sample_is_what_the_catalogue_thinks():
    assert SAMPLE.encode("utf-16").startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


@pytest.mark.parametrize("out", ["build", "articles/out"])
def test_the_output_folder_is_never_an_input(tmp_path, out):
    """``inputs: ['.']`` (or an output folder among the articles): the second build must not
    read the first one's briefs, nor the cache, as articles."""
    (tmp_path / "config").mkdir()
    config = tmp_path / "config" / "briefgen.yaml"
    config.write_text(f"inputs: ['.']\noutput:\n  dir: {out}\n  formats: [md, html]\n")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "anchor.txt").write_text(GOOD)
    for _ in range(2):
        result = _build(tmp_path)
        assert result.exit_code == 0, result.output + result.stderr
        assert "WARNING" not in result.stderr
    sources = yaml.safe_load((tmp_path / out / "digest.yaml").read_text(encoding="utf-8"))
    assert [s["path"] for s in sources["sources"]] == ["articles/anchor.txt"]
    # Named outright, a brief in the output folder is refused, not read.
    config.write_text(f"inputs: [articles/, {out}/analyst/brief.md]\noutput:\n  dir: {out}\n")
    result = _build(tmp_path)
    assert result.exit_code == 1
    assert f"{out}/analyst/brief.md: in the output folder, whose files are never inputs" in (
        result.stderr
    )
