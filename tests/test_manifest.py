"""The output folder's one manifest: files written, and the last build's render key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.paths import MANIFEST_NAME
from briefgen.publish import publish
from briefgen.publish.manifest import (
    BuildRecord,
    Manifest,
    load_manifest,
    read_manifest,
    render_key,
    sha256,
    up_to_date,
)


def _key(digest: bytes = b"D", config: str = "{}", dirs: list[Path] | None = None) -> str:
    return render_key(digest=digest, config=config, template_dirs=dirs or [])


def test_a_build_with_a_key_is_up_to_date_until_an_output_changes(tmp_path: Path):
    publish({"a/brief.md": b"A", "digest.yaml": b"D"}, tmp_path, render_key="k1")
    assert up_to_date(tmp_path, "k1")
    assert not up_to_date(tmp_path, "k2")
    (tmp_path / "a" / "brief.md").write_bytes(b"edited")
    assert not up_to_date(tmp_path, "k1")
    (tmp_path / "a" / "brief.md").unlink()
    assert not up_to_date(tmp_path, "k1")


def test_a_publish_without_a_key_keeps_the_last_builds_record(tmp_path: Path):
    """``briefgen render`` replaces a brief: the build's record still holds the build's hashes."""
    publish({"a/brief.md": b"A", "digest.yaml": b"D"}, tmp_path, render_key="k1")
    publish({"a/brief.md": b"rendered by hand"}, tmp_path)
    manifest = load_manifest(tmp_path)
    assert manifest.build == BuildRecord(
        "k1", {"a/brief.md": sha256(b"A"), "digest.yaml": sha256(b"D")}
    )
    assert manifest.files["a/brief.md"] == sha256(b"rendered by hand")
    assert not up_to_date(tmp_path, "k1")  # so the next build renders again


def test_the_manifest_is_one_file_with_no_clock(tmp_path: Path):
    publish({"digest.yaml": b"D"}, tmp_path / "one", render_key="k")
    publish({"digest.yaml": b"D"}, tmp_path / "two", render_key="k")
    one = (tmp_path / "one" / MANIFEST_NAME).read_bytes()
    assert one == (tmp_path / "two" / MANIFEST_NAME).read_bytes()
    assert json.loads(one) == {
        "version": 2,
        "files": {"digest.yaml": sha256(b"D")},
        "build": {"key": "k", "files": {"digest.yaml": sha256(b"D")}},
    }
    assert not (tmp_path / "one" / ".cache").exists()


def test_a_version_1_manifest_gives_its_files_and_no_build(tmp_path: Path):
    (tmp_path / MANIFEST_NAME).write_text(
        json.dumps({"version": 1, "files": {"digest.yaml": "abc"}})
    )
    assert load_manifest(tmp_path) == Manifest({"digest.yaml": "abc"}, None)
    assert not up_to_date(tmp_path, "anything")


def test_a_damaged_manifest_counts_as_none(tmp_path: Path):
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    assert read_manifest(tmp_path) == {} and load_manifest(tmp_path).build is None
    (tmp_path / MANIFEST_NAME).write_text(json.dumps({"files": [], "build": {"key": 3}}))
    assert load_manifest(tmp_path) == Manifest()
    assert read_manifest(tmp_path / "missing") == {}


def test_the_render_key_follows_the_digest_the_config_and_every_template(tmp_path: Path):
    templates = tmp_path / "templates"
    templates.mkdir()
    base = _key(dirs=[templates])
    assert base == _key(dirs=[templates])
    assert base != _key(digest=b"other", dirs=[templates])
    assert base != _key(config='{"a": 1}', dirs=[templates])
    (templates / "brief.md.j2").write_text("x")
    assert base != _key(dirs=[templates])
    # The parts are length-prefixed: moving a byte from one part to the next changes the key.
    assert _key(digest=b"ab", config="c") != _key(digest=b"b", config="ca")


def test_the_render_key_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch):
    """The PDF and Word files are dated by it: a build with another renders again."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    unset = _key()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert _key() != unset
    assert _key() == _key()
