"""The workspace config: one typed model, validated once at load.

A workspace is a folder with ``config/briefgen.yaml`` in it. Relative paths in
the config (inputs, output folder) are resolved against the workspace, so a
build gives the same result whatever folder it is started from. When the
config file does not live in a folder named ``config``, its own folder is the
workspace.

CLI flags are merged into the raw YAML before validation, so a bad flag is
reported exactly like a bad key.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from briefgen.errors import ConfigError
from briefgen.yamlsafe import safe_load

DEFAULT_CONFIG = Path("config") / "briefgen.yaml"


Format = Literal["md", "html", "pdf", "docx"]
FORMATS: tuple[Format, ...] = ("md", "html", "pdf", "docx")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BriefSettings(_Section):
    title: str = "Briefing"
    subject: str | None = Field(default=None, description="e.g. the meeting the brief prepares")
    date: dt.date | None = Field(default=None, description="the date the brief is for")
    audience: str = "default"


class OutputSettings(_Section):
    dir: Path = Path("build")
    formats: list[Format] = Field(default_factory=lambda: list(FORMATS))

    @field_validator("formats")
    @classmethod
    def _at_least_one(cls, formats: list[str]) -> list[str]:
        if not formats:
            raise ValueError(f"name at least one of {', '.join(FORMATS)}")
        return list(dict.fromkeys(formats))


class ExtractionSettings(_Section):
    extractor: str = Field(default="rules", description="name of a registered extractor")
    spacy_model: str | None = Field(
        default=None,
        description="an installed trained spaCy pipeline (e.g. en_core_web_sm) whose "
        "entities add to the rules; none by default, and nothing is ever downloaded",
    )


class Config(_Section):
    brief: BriefSettings = Field(default_factory=BriefSettings)
    inputs: list[str] = Field(min_length=1, description="files, folders or globs of articles")
    output: OutputSettings = Field(default_factory=OutputSettings)
    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings)
    on_error: Literal["skip", "stop"] = Field(
        default="skip", description="what to do with an article that cannot be read"
    )
    # Not in the file: where it was loaded from, set by load_config.
    workspace: Path = Field(default=Path("."), exclude=True)

    @property
    def output_dir(self) -> Path:
        return self.workspace / self.output.dir


def workspace_of(config_path: Path) -> Path:
    folder = config_path.resolve().parent
    return folder.parent if folder.name == "config" else folder


def load_config(
    path: Path | None = None, *, overrides: dict[str, Any] | None = None, missing_ok: bool = False
) -> Config:
    """Read, merge CLI overrides (dotted keys such as ``output.dir``) and validate.

    With ``missing_ok`` and no config file named or found, the defaults apply
    with the current folder as the workspace (enough to render a digest).
    """
    if path is None and missing_ok and not DEFAULT_CONFIG.exists():
        return _validate({"inputs": ["."]}, overrides, DEFAULT_CONFIG, Path.cwd())
    path = path or DEFAULT_CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        hint = " (run `briefgen init DIR` to make a workspace)" if path == DEFAULT_CONFIG else ""
        raise ConfigError(f"{path}: config file not found{hint}") from e
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the config file: {e}") from e
    raw = parse_yaml(text, path, error=ConfigError)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the config must be a mapping of keys to values")
    return _validate(raw, overrides, path, workspace_of(path))


def _validate(
    raw: dict[str, Any], overrides: dict[str, Any] | None, path: Path, workspace: Path
) -> Config:
    for dotted, value in (overrides or {}).items():
        _set_dotted(raw, dotted, value)
    try:
        config = Config.model_validate(raw)
    except ValidationError as e:
        raise ConfigError(format_validation_error(path, e)) from e
    return config.model_copy(update={"workspace": workspace})


def parse_yaml(text: str, path: Path, *, error: type[Exception]) -> Any:
    """``yaml.safe_load`` with the file and line of a syntax error in the message."""
    try:
        return safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise error(f"{where}: invalid YAML: {e.problem}") from e
    except yaml.YAMLError as e:
        raise error(f"{path}: invalid YAML: {e}") from e


def format_validation_error(path: Path, error: ValidationError) -> str:
    """Every problem as ``file: key.path: message``, one per line, all at once."""
    lines = []
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        message = problem["msg"]
        if problem["type"] == "extra_forbidden":
            message = "unknown key"
        lines.append(f"{path}: {key}: {message}")
    return "\n".join(lines)


def _set_dotted(raw: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = raw
    for key in parents:
        child = node.get(key)
        if not isinstance(child, dict):
            child = node[key] = {}
        node = child
    node[last] = value
