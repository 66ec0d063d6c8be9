"""Unit tests for the input safeguards the catalogue cannot stage through a build.

Files that change while read, files that cannot be read (the tests run as
root, where permissions do not bite, so the OS error is injected), folders
that cannot be searched, the size limit as config, notices as data, the
10 MB line's pieces, and config errors with their exit codes.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import briefgen.cli
from briefgen.cli import cli
from briefgen.config import LimitSettings, load_config
from briefgen.errors import ConfigError, InputError, StrictError
from briefgen.ingest import MAX_BYTES, files, read_article, scan_inputs
from briefgen.ingest.duplicates import drop_duplicates
from briefgen.ingest.files import display_name
from briefgen.ingest.nlp import _chunks, split_sentences
from briefgen.model import Article, Notice
from briefgen.pipeline import check_strict, read_articles

STORY = "Title\n\nForeign Minister Chung Eui-yong met Secretary Antony Blinken in Rome.\n"


def _write(folder: Path, name: str, text: str = STORY) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- Files that change while read -----------------------------------------------


def _growing(path: Path, times: int):
    """A ``read_limited`` that appends to ``path`` during its first ``times`` reads."""
    real = files.read_limited
    calls = {"n": 0}

    def read(f, limit):
        data = real(f, limit)
        calls["n"] += 1
        if calls["n"] <= times:
            with path.open("ab") as out:
                out.write(b" More text arrives.")
        return data

    return read, calls


def test_a_file_that_changes_once_is_read_again(tmp_path, monkeypatch):
    path = _write(tmp_path, "a.txt")
    read, calls = _growing(path, 1)
    monkeypatch.setattr(files, "read_limited", read)
    article = read_article(path, root=tmp_path)
    assert calls["n"] == 2
    assert article.text.endswith("More text arrives.")  # the second, complete read


def test_a_file_that_keeps_changing_is_skipped(tmp_path, monkeypatch):
    path = _write(tmp_path, "a.txt")
    read, _ = _growing(path, 5)
    monkeypatch.setattr(files, "read_limited", read)
    with pytest.raises(InputError, match=r"^a\.txt: changed while being read, twice"):
        read_article(path, root=tmp_path)


# --- Files and folders that cannot be read ---------------------------------------


def test_a_file_that_cannot_be_opened(tmp_path, monkeypatch):
    path = _write(tmp_path, "secret.txt")
    real_open = os.open

    def deny(p, flags, *args):
        if str(p).endswith("secret.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real_open(p, flags, *args)

    monkeypatch.setattr(files.os, "open", deny)
    with pytest.raises(InputError, match=r"^secret\.txt: cannot be read: permission denied$"):
        read_article(path, root=tmp_path)


def test_a_folder_that_cannot_be_searched_is_reported(tmp_path, monkeypatch):
    _write(tmp_path, "articles/a.txt")
    _write(tmp_path, "articles/locked/b.txt")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr("briefgen.ingest.inputs.os.scandir", scandir)
    scan = scan_inputs(["articles"], root=tmp_path)
    assert [p.name for p in scan.files] == ["a.txt"]
    assert scan.problems == [
        Notice("articles/locked/", "skipped", "folder cannot be searched (Permission denied)")
    ]


def test_links_to_folders_are_followed_once(tmp_path):
    _write(tmp_path, "shared/a.txt")
    _write(tmp_path, "articles/b.txt", STORY.replace("Rome", "Paris"))
    os.symlink(tmp_path / "shared", tmp_path / "articles" / "linked")
    os.symlink("..", tmp_path / "articles" / "linked" / "back")  # shared/back -> tmp_path
    scan = scan_inputs(["articles"], root=tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in scan.files]
    assert names == ["articles/b.txt", "articles/linked/a.txt"]
    assert [n.path for n in scan.problems] == [
        "articles/linked/back/articles/",
        "articles/linked/back/shared/",
    ]


def test_globs_use_the_same_walk(tmp_path):
    _write(tmp_path, "a/x.txt")
    _write(tmp_path, "a/b/y.md")
    os.symlink("..", tmp_path / "a" / "b" / "up")
    scan = scan_inputs(["**/*.md", "a/*.txt"], root=tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in scan.files] == ["a/b/y.md", "a/x.txt"]
    assert [n.path for n in scan.problems] == ["a/b/up/"]
    # Without "**" the walk goes no deeper than the pattern, so the loop is never met.
    assert scan_inputs(["a/*.txt"], root=tmp_path).problems == []


def test_a_named_pipe_named_outright_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    scan = scan_inputs(["pipe.txt"], root=tmp_path)
    with pytest.raises(InputError, match=r"^pipe\.txt: a named pipe, not a regular file$"):
        read_article(scan.files[0], root=tmp_path)


def test_a_device_is_not_read(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.txt")  # would never end
    with pytest.raises(InputError, match=r"^zero\.txt: a device, not a regular file$"):
        read_article(tmp_path / "zero.txt", root=tmp_path)


def test_display_names_are_one_printable_line():
    assert display_name("a/b.txt") == "a/b.txt"
    assert display_name("caf\udce9.txt") == "caf\\xe9.txt"
    assert display_name("two\nlines.txt") == "two\\x0alines.txt"
    assert display_name("\x1b[31mred.txt") == "\\x1b[31mred.txt"
    assert display_name("right\u202eleft.txt") == "right\\u202eleft.txt"


# --- Size ----------------------------------------------------------------------------


def test_the_size_limit_is_checked_before_and_during_the_read(tmp_path, monkeypatch):
    path = _write(tmp_path, "a.txt", STORY + "x" * 100)
    with pytest.raises(InputError, match=r"^a\.txt: 1\d\d bytes is over the size limit of 50 "):
        read_article(path, root=tmp_path, max_bytes=50)
    # A file that grows past the limit after its size was taken: the read stops at limit + 1.
    seen = []

    def read(f, limit):
        seen.append(limit)
        return b"y" * limit

    monkeypatch.setattr(files, "read_limited", read)
    with pytest.raises(InputError, match="over 1,000 bytes is over the size limit of 1,000"):
        read_article(path, root=tmp_path, max_bytes=1000)
    assert seen == [1001]


@pytest.mark.parametrize(
    ("value", "expected"), [(5000, 5000), ("50 MB", 50_000_000), ("20MiB", 20 * 2**20)]
)
def test_max_file_bytes_in_the_config(tmp_path, value, expected):
    config = _write(
        tmp_path, "config/briefgen.yaml", f"inputs: [a]\nlimits:\n  max_file_bytes: {value}\n"
    )
    assert load_config(config).limits.max_file_bytes == expected
    assert LimitSettings().max_file_bytes == MAX_BYTES


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "limits.max_file_bytes: must be more than 0 bytes"),
        ("-5", "limits.max_file_bytes: must be more than 0 bytes"),
        ("true", "limits.max_file_bytes: a number of bytes, or a size such as '50 MB'"),
        ("[1]", "limits.max_file_bytes: a number of bytes, or a size such as '50 MB'"),
        ("lots", "limits.max_file_bytes: could not parse value and unit"),
    ],
)
def test_bad_max_file_bytes(tmp_path, value, message):
    config = _write(
        tmp_path, "config/briefgen.yaml", f"inputs: [a]\nlimits:\n  max_file_bytes: {value}\n"
    )
    with pytest.raises(ConfigError, match=message):
        load_config(config)


def test_a_long_text_is_split_in_pieces_spacy_accepts():
    sentence = "The ministers met in Seoul on Monday. "
    text = (sentence * 60_000).strip()  # 2.3 million characters, one line
    pieces = _chunks(text)
    assert len(pieces) > 20
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 100_000 for start, end in pieces)
    assert all(text[end - 1] == "." for _, end in pieces[:-1])  # cut after a full stop
    spans = split_sentences(text)
    assert len(spans) == 60_000
    assert {text[s.start : s.end] for s in spans} == {sentence.strip()}


def test_long_runs_of_punctuation_keep_their_offsets_and_ends():
    text = "See " + "(" * 5000 + "x. The ministers met. Wow" + "!" * 3000 + " Next."
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == ["See " + "(" * 5000 + "x.", "The ministers met.", "Wow" + "!" * 3000, "Next."]


def test_text_without_spaces_is_cut_anywhere():
    text = "x" * 250_001
    assert _chunks(text) == [(0, 100_000), (100_000, 200_000), (200_000, 250_001)]
    assert [(s.start, s.end) for s in split_sentences(text)][-1][1] == 250_001


# --- Notices as data ------------------------------------------------------------------


def _article(path: str, text: str) -> Article:
    return Article(id=Path(path).stem, path=path, text=text)


def test_duplicates_keep_the_first_path_and_name_both():
    kept, notices = drop_duplicates(
        [
            _article("b.txt", "The ministers met, in Seoul."),
            _article("a.txt", "the Ministers  met in SEOUL"),
            _article("c.txt", "The ministers met in Busan."),
        ]
    )
    assert [a.path for a in kept] == ["a.txt", "c.txt"]
    assert notices == [Notice("b.txt", "duplicate", "same text as a.txt; counted once")]


def test_read_articles_collects_every_kind_of_notice(tmp_path):
    _write(tmp_path, "in/a.txt")
    _write(tmp_path, "in/b.txt", STORY.replace("Title", "Other title"))
    _write(tmp_path, "in/c.md", "---\ndate: soon\n---\nThe ministers met in Busan on Monday.\n")
    # f.txt is e.txt once its mojibake is repaired: a duplicate, and its repair still reported.
    _write(tmp_path, "in/e.txt", STORY.replace("Eui-yong", "Euiéyong").replace("Rome", "Oslo"))
    _write(tmp_path, "in/f.txt", STORY.replace("Eui-yong", "EuiÃ©yong").replace("Rome", "Oslo"))
    (tmp_path / "in/d.txt").write_bytes(b"")
    notices: list[Notice] = []
    articles, skipped = read_articles(["in"], root=tmp_path, notices=notices)
    assert sorted(a.path for a in articles) == ["in/a.txt", "in/c.md", "in/e.txt"]
    assert [(n.path, n.kind) for n in notices] == [
        ("in/d.txt", "skipped"),
        ("in/c.md", "ignored"),
        ("in/f.txt", "repaired"),
        ("in/b.txt", "duplicate"),
        ("in/f.txt", "duplicate"),
    ]
    assert [s.reason for s in skipped] == ["in/d.txt: no article text"]


def test_check_strict_lists_every_warning():
    check_strict([])
    with pytest.raises(StrictError) as info:
        check_strict(
            [Notice("a.txt", "skipped", "no article text"), Notice("b.txt", "duplicate", "same")]
        )
    assert str(info.value).splitlines() == [
        "skipped: a.txt: no article text",
        "duplicate: b.txt: same",
        "2 warnings about the inputs, and --strict is on: nothing written",
    ]
    assert info.value.exit_code == 3


# --- The config and exit codes ----------------------------------------------------------


def _build(config: Path, *args: str):
    return CliRunner().invoke(cli, ["build", "--config", str(config), *args])


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "inputs: [a]\noutput:\n  formats: [md\n",
            ["config/briefgen.yaml:4: invalid YAML: did not find expected ',' or ']'"],
        ),
        (
            "inputs: [a]\noutput:\n  colour: red\nlimits:\n  max_bytes: 5\nstrict: maybe\n",
            [
                "config/briefgen.yaml: output.colour: unknown key",
                "config/briefgen.yaml: limits.max_bytes: unknown key",
                "config/briefgen.yaml: strict: Input should be a valid boolean, unable to interpret input",  # noqa: E501
            ],
        ),
        ("inputs: articles\non_error: ignore\n", None),
        (
            "- just\n- a list\n",
            ["config/briefgen.yaml: the config must be a mapping of keys to values"],
        ),
        (
            "inputs: [a]\noutput:\n  dir: x\n  dir: y\ninputs: [b]\n",
            [
                "config/briefgen.yaml:4: output.dir: given twice (first on line 3); remove one",
                "config/briefgen.yaml:5: inputs: given twice (first on line 1); remove one",
            ],
        ),
        (
            "inputs: [caf\xe9]\n".encode("latin-1"),
            ["config/briefgen.yaml: not UTF-8 text (byte 12); save it as UTF-8"],
        ),
    ],
)
def test_config_errors_exit_2_with_their_line_or_key(tmp_path, monkeypatch, text, lines):
    config = tmp_path / "config/briefgen.yaml"
    config.parent.mkdir()
    config.write_bytes(text if isinstance(text, bytes) else text.encode())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 2, result.stderr
    errors = [line.removeprefix("briefgen: error: ") for line in result.stderr.splitlines()]
    if lines is None:
        assert errors == [
            "config/briefgen.yaml: inputs: Input should be a valid list",
            "config/briefgen.yaml: on_error: Input should be 'skip' or 'stop'",
        ]
    else:
        assert errors == lines
    assert config.exists()


def _documented_exit_codes() -> list[int]:
    """The codes of the table in the CLI's docstring (what ``briefgen --help`` users read)."""
    table = (briefgen.cli.__doc__ or "").split("Exit codes:")[1]
    return [int(code) for code in re.findall(r"^\s+(\d+)  \S", table, re.MULTILINE)]


def test_every_documented_exit_code_is_the_one_the_cli_returns(tmp_path, monkeypatch):
    import briefgen.pipeline

    _write(tmp_path, "articles/a.txt")
    config = _write(
        tmp_path, "config/briefgen.yaml", "inputs: [articles]\noutput:\n  formats: [md]\n"
    )
    returned = {0: _build(config).exit_code}  # success
    not_a_digest = _write(tmp_path, "bad.yaml", "people: [")
    render = ["render", str(not_a_digest), "--config", str(config)]
    returned[1] = CliRunner().invoke(cli, render).exit_code  # the run failed
    returned[2] = _build(config, "--jobs", "0").exit_code  # usage error
    _write(tmp_path, "articles/empty.txt", "\n")  # skipped: no article text
    returned[3] = _build(config, "--strict").exit_code  # warned, and --strict

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(briefgen.pipeline, "build", interrupted)
    returned[130] = _build(config).exit_code
    documented = _documented_exit_codes()
    assert documented == [0, 1, 2, 3, 130]
    assert returned == {code: code for code in documented}


def test_usage_errors_exit_2(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--strict=yes"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["extract"])
    assert result.exit_code == 2


def test_a_clean_build_under_strict_exits_0(tmp_path):
    _write(tmp_path, "articles/a.txt")
    config = _write(
        tmp_path, "config/briefgen.yaml", "inputs: [articles]\noutput:\n  formats: [md]\n"
    )
    result = _build(config, "--strict")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "warning" not in result.stdout
