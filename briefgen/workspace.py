"""Scaffolding a new briefing workspace (``briefgen init``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from briefgen.errors import BriefgenError

TEMPLATES_README = """\
# Templates for this workspace

briefgen looks for a template here first and in its packaged defaults last.
To change one part of a brief, add a file of the same name that extends the
default and overrides one block, for example `brief.md.j2`:

    {% extends "default:brief.md.j2" %}
    {% block header %}...{% endblock %}

Run `briefgen check` after editing.
"""


def init_workspace(directory: Path) -> list[Path]:
    """Create config, templates/ and articles/ in ``directory``; never overwrite."""
    config = directory / "config" / "briefgen.yaml"
    if config.exists():
        raise BriefgenError(f"{config}: already exists; not overwriting a workspace")
    default = resources.files("briefgen.data").joinpath("workspace/briefgen.yaml")
    created = []
    try:
        for folder in (config.parent, directory / "templates", directory / "articles"):
            folder.mkdir(parents=True, exist_ok=True)
        config.write_text(default.read_text("utf-8"), encoding="utf-8")
        created.append(config)
        readme = directory / "templates" / "README.md"
        if not readme.exists():
            readme.write_text(TEMPLATES_README, encoding="utf-8")
            created.append(readme)
    except OSError as e:
        raise BriefgenError(f"{directory}: cannot create the workspace: {e.strerror}") from e
    created.append(directory / "articles")
    return created
