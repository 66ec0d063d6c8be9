"""The name of everything briefgen keeps in the output folder, and how a path is shown.

One place, so that a reader of the output folder (``briefgen check``, the
since-comparison, the cache) and its writer (``publish``) cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

# What a build publishes beside the briefs (``<audience>/<file>``).
DIGEST_NAME = "digest.yaml"
PREVIOUS_NAME = "previous-digest.yaml"  # what "Since the last brief" compares with
CHANGES_NAME = "changes.json"  # that comparison, as ``briefgen diff --json``

# The output formats, each a brief ``<audience>/brief.<format>``, as
# ``briefgen.render.FORMATS`` names them: here too, so that the command line can
# check a format and load the config before any rendering code is imported.
FORMATS = ("md", "html", "pdf", "docx")

# The output folder's own bookkeeping (see ``briefgen.publish``).
LOCK_NAME = ".briefgen.lock"
MANIFEST_NAME = ".briefgen-manifest.json"  # files written, last build's render key
JOURNAL_NAME = ".briefgen-publish.json"

# The caches, under ``.cache/``: per-stage results, feeds.
CACHE_DIR_NAME = ".cache"
FEED_CACHE = Path(CACHE_DIR_NAME) / "feeds"
BUILD_STAMP = Path(CACHE_DIR_NAME) / "build-stamp.json"  # see publish/stamp.py

# The packaged default templates (``briefgen/templates/``).
PACKAGED_TEMPLATES = Path(__file__).resolve().parent / "templates"


def display_path(path: Path) -> str:
    """``path`` as the user would type it from where they stand, when it is below there."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
