"""Which digest a brief is compared with, for its "Since the last brief" section.

A build compares its new digest with the one it is about to replace in the
output folder (or with ``--since FILE``), and publishes, next to the new
digest:

- ``previous-digest.yaml``: the digest it compared with, byte for byte, so
  that ``briefgen render build/digest.yaml`` after a hand edit gives the same
  section and ``briefgen diff build/previous-digest.yaml build/digest.yaml``
  shows exactly what the section summarises;
- ``changes.json``: that diff, machine-readable (as ``briefgen diff --json``).

A rebuild that finds the same facts as the digest it replaces (a template
edit, a second run on the same morning) keeps comparing with the digest
before that, so the section does not go blank for want of news in the last
minute. With no previous digest the brief has no such section at all and is
exactly the brief briefgen made before this feature existed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from briefgen.config import Config
from briefgen.digest import parse_digest
from briefgen.digest.changes import Changes, compare
from briefgen.errors import DigestError
from briefgen.model import Digest
from briefgen.paths import CHANGES_NAME, DIGEST_NAME, PREVIOUS_NAME

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Previous:
    """A digest to compare with, and its file's bytes as they were."""

    path: Path
    data: bytes
    digest: Digest


def load_previous(path: Path) -> Previous:
    """A digest named by the user (``--since``): any problem with it is an error."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DigestError(f"{path}: cannot read the previous digest: {e.strerror or e}") from e
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DigestError(f"{path}: the previous digest is not UTF-8 text") from e
    return Previous(path, data, parse_digest(text, path))


def previous_for_build(
    new: Digest, config: Config, *, since: Path | None = None
) -> Previous | None:
    """``since`` if given; else, if ``brief.since_last``, the digest the build replaces."""
    if since is not None:
        return load_previous(since)
    if not config.brief.since_last:
        return None
    current = _found(config.output_dir / DIGEST_NAME)
    if current is not None and not compare(current.digest, new):
        # Nothing new since the last build: keep the comparison it made, or
        # none if it made none, so that an unchanged rebuild changes nothing.
        return _found(config.output_dir / PREVIOUS_NAME)
    return current


def kept_comparison(config: Config, new: bytes) -> dict[str, bytes] | None:
    """The comparison files the last build published, when ``new`` is the digest it wrote.

    Then ``previous_for_build`` finds nothing new and compares with the digest
    the last build compared with, which gives these same files (as long as
    they are as that build wrote them: the render manifest says so). With
    ``brief.since_last`` off there are none. None when the output folder's
    digest is not ``new``: the comparison must be made.
    """
    out_dir = config.output_dir
    try:
        if (out_dir / DIGEST_NAME).read_bytes() != new:
            return None
    except OSError:
        return None
    if not config.brief.since_last:
        return {}
    kept = {}
    for name in (PREVIOUS_NAME, CHANGES_NAME):
        try:
            kept[name] = (out_dir / name).read_bytes()
        except FileNotFoundError:
            continue
        except OSError:
            return None
    return kept


def previous_for_render(digest_path: Path, *, since: Path | None = None) -> Digest | None:
    """``since`` if given; else the ``previous-digest.yaml`` a build left beside the digest."""
    if since is not None:
        return load_previous(since).digest
    if digest_path.name != DIGEST_NAME:
        return None
    found = _found(digest_path.parent / PREVIOUS_NAME)
    if found is not None:
        log.info("comparing with %s (give --since to compare with another digest)", found.path)
    return found.digest if found else None


def since_outputs(
    previous: Previous | None, new: Digest
) -> tuple[Changes | None, dict[str, bytes]]:
    """The changes to show, and the files to publish with the digest (none without a previous)."""
    if previous is None:
        return None, {}
    changes = compare(previous.digest, new)
    return changes, {PREVIOUS_NAME: previous.data, CHANGES_NAME: changes_json(changes)}


def stale_outputs(previous: Previous | None) -> tuple[str, ...]:
    """The comparison an earlier build left, which a build without a previous digest removes.

    Otherwise ``briefgen render`` would pair the new digest with a previous
    digest it was never compared with. ``publish`` removes them in the same
    journal as it writes the new digest, so a killed build cannot leave them.
    """
    return (PREVIOUS_NAME, CHANGES_NAME) if previous is None else ()


def changes_json(changes: Changes) -> bytes:
    """The diff as JSON: sorted keys, facts in digest order, one trailing newline."""
    text = json.dumps(changes.to_dict(), indent=2, sort_keys=True, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _found(path: Path) -> Previous | None:
    """A digest the build finds on its own: a missing one is normal, a broken one a warning."""
    if not path.exists():
        return None
    try:
        return load_previous(path)
    except DigestError as e:
        log.warning("not comparing with the previous digest: %s", e)
        return None
