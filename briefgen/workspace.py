"""Scaffolding a new briefing workspace (``briefgen init``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.paths import PACKAGED_TEMPLATES

TEMPLATES_README = """\
# Templates for this workspace

For an audience, briefgen looks for a template in `templates/<audience>/`
first, then here, then in its packaged defaults. `brief.md.j2` and
`brief.html.j2` here extend the packaged defaults block by block: change the
body of one block to change that part of every brief (or copy the file into
`templates/<audience>/` to change one audience's), and delete the blocks you
leave alone. `custom.css` is added after the packaged style.

    {% extends "default:brief.md.j2" %}
    {% block people %}...{% endblock %}

`briefgen templates` lists what is in effect and where each file comes from;
`briefgen check` reports template errors with their file and line. The
context and filters are documented in briefgen's docs/templates.md.
"""

# The packaged files a new workspace gets to edit: overrides that extend the
# defaults (generated, so they follow the packaged blocks), and the empty CSS.
OVERRIDABLE = ("brief.md.j2", "brief.html.j2")
COPIED = ("custom.css",)


def init_workspace(directory: Path) -> list[Path]:
    """Create config, templates/ and articles/ in ``directory``; never overwrite."""
    # The overrides are made by rendering's own template parser (they follow its blocks).
    from briefgen.render import override_stub

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
        files = {"README.md": TEMPLATES_README}
        files |= {name: override_stub(name) for name in OVERRIDABLE}
        files |= {name: (PACKAGED_TEMPLATES / name).read_text("utf-8") for name in COPIED}
        for name, text in files.items():
            target = directory / "templates" / name
            if not target.exists():
                target.write_text(text, encoding="utf-8")
                created.append(target)
    except OSError as e:
        raise BriefgenError(f"{directory}: cannot create the workspace: {e.strerror}") from e
    created.append(directory / "articles")
    return created
