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
import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import (
    BaseModel,
    ByteSize,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from briefgen.audiences import AudienceName, AudienceSettings, merge_audiences, resolve_name
from briefgen.errors import ConfigError
from briefgen.yamlsafe import SafeLoader, safe_load

DEFAULT_CONFIG = Path("config") / "briefgen.yaml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BriefSettings(_Section):
    title: str = "Briefing"
    subject: str | None = Field(default=None, description="e.g. the meeting the brief prepares")
    date: dt.date | None = Field(default=None, description="the date the brief is for")
    focus: list[Annotated[str, StringConstraints(min_length=1)]] = Field(
        default_factory=list,
        description="the people, states or organisations the brief is about: facts that "
        "involve them rank first (default: the parties most present in the sources)",
    )
    audience: list[AudienceName] = Field(
        default_factory=lambda: ["analyst"],
        description="the audience(s) to build, each into <output.dir>/<audience>/",
    )
    since_last: bool = Field(
        default=True,
        description='add a "Since the last brief" section: what is new compared with '
        "the digest this build replaces (see briefgen/digest/since.py)",
    )

    @field_validator("audience", mode="before")
    @classmethod
    def _one_or_several(cls, value: Any) -> Any:
        # "analyst", "executive,press" (as --audience gives it) or a list.
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("audience")
    @classmethod
    def _at_least_one_audience(cls, names: list[str]) -> list[str]:
        if not names:
            raise ValueError("name at least one audience")
        return list(dict.fromkeys(resolve_name(name) for name in names))


class OutputSettings(_Section):
    dir: Path = Path("build")
    formats: list[str] | None = Field(
        default=None,
        description="output formats by name, from the render stage's registry "
        "(briefgen.render.RENDERERS); none: all of them",
    )
    lock_timeout: float = Field(
        default=600,
        ge=0,
        description="seconds to wait for another briefgen run writing into the same folder",
    )

    @field_validator("formats")
    @classmethod
    def _known(cls, formats: list[str] | None, info: ValidationInfo) -> list[str] | None:
        # The config knows no format: the loader is told them (load_config(formats=)),
        # so a bad one is reported with every other problem of the file.
        if formats is None:
            return None
        if not formats:
            raise ValueError("name at least one format, or leave the key out for all of them")
        known: Sequence[str] | None = (info.context or {}).get("formats")
        unknown = [f for f in formats if known is not None and f not in known]
        if known is not None and unknown:
            raise ValueError(
                f"unknown format {', '.join(map(repr, unknown))} (choose from {', '.join(known)})"
            )
        return list(dict.fromkeys(formats))


class ExtractionSettings(_Section):
    """How facts are extracted; each backend's own options sit under ``extraction.<name>:``
    (e.g. ``extraction.rules.spacy_model``), validated by that backend when it is chosen
    (see ``briefgen.extract.registry``)."""

    model_config = ConfigDict(extra="allow")

    extractor: str = Field(
        default="parse", description="name of a registered extractor (see briefgen extract)"
    )
    # How extraction runs; none of these changes the digest.
    jobs: int | None = Field(
        default=None, ge=1, description="worker processes; none means one per core"
    )
    executor: str = Field(default="local", description="local (a process pool) or dask")
    scheduler: str | None = Field(
        default=None, description="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786"
    )
    cache: bool = Field(
        default=True, description="keep per-article results in the output folder's .cache/"
    )

    @model_validator(mode="after")
    def _sections_are_mappings(self) -> ExtractionSettings:
        for name, value in (self.model_extra or {}).items():
            if name == "spacy_model":
                raise ValueError("spacy_model: now extraction.rules.spacy_model")
            if not isinstance(value, dict):
                raise ValueError(
                    f"{name}: unknown key (an extractor's options are a mapping under its name)"
                )
        return self

    def options_for(self, name: str) -> dict[str, Any]:
        """The raw ``extraction.<name>:`` section (empty when absent), for that backend."""
        section = (self.model_extra or {}).get(name, {})
        return dict(section)

    def sections(self) -> list[str]:
        """The names of the backend sections given."""
        return sorted(self.model_extra or {})


class LimitSettings(_Section):
    max_file_bytes: ByteSize = Field(
        default=ByteSize(20_000_000),
        gt=0,
        description="an input file larger than this is skipped unread; bytes, or e.g. '50 MB'",
    )

    @field_validator("max_file_bytes", mode="before")
    @classmethod
    def _size(cls, value: object) -> object:
        # ByteSize alone takes true for 1 and says "could not parse value and unit" to -1.
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValueError("a number of bytes, or a size such as '50 MB'")
        if isinstance(value, int) and value <= 0:
            raise ValueError("must be more than 0 bytes")
        return value


class FeedSettings(_Section):
    """RSS and Atom feeds whose entries are articles (see briefgen/ingest/feeds.py)."""

    sources: list[str] = Field(
        default_factory=list, description="feed URLs (http or https) or local feed files"
    )
    fetch_pages: bool = Field(
        default=True,
        description="fetch an entry's web page when the feed gives only a summary",
    )
    timeout: float = Field(
        default=20.0,
        gt=0,
        le=300,
        description="seconds for a whole request (feed or page), redirects included",
    )
    max_bytes: int = Field(default=5_000_000, gt=0, description="largest feed or page to download")
    allow_private_addresses: bool = Field(
        default=False,
        description="fetch from loopback, private and link-local addresses too (an intranet's"
        " feeds); off, a feed's links and redirects reach only public addresses",
    )

    @field_validator("sources")
    @classmethod
    def _http_or_path(cls, sources: list[str]) -> list[str]:
        for source in sources:
            url = urlsplit(source) if "://" in source else None
            web = url is not None and url.scheme.lower() in ("http", "https") and url.hostname
            if (url is not None and not web) or source.lower().startswith("file:"):
                raise ValueError(f"{source!r}: a feed is an http(s) URL or a local file path")
        return list(dict.fromkeys(sources))


class Config(_Section):
    brief: BriefSettings = Field(default_factory=BriefSettings)
    inputs: list[str] = Field(
        default_factory=list, description="files, folders or globs of articles"
    )
    feeds: FeedSettings = Field(default_factory=FeedSettings)
    output: OutputSettings = Field(default_factory=OutputSettings)
    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings)
    audiences: dict[AudienceName, AudienceSettings] = Field(
        default_factory=lambda: _builtin_audiences(),
        description="audiences by name: the built-ins (executive, analyst, press) with this "
        "config's changes laid over them, and any of its own",
    )
    on_error: Literal["skip", "stop"] = Field(
        default="skip", description="what to do with an article that cannot be read"
    )
    corrections: Path | None = Field(
        default=None,
        description="corrections applied to every build's digest; by default "
        "config/corrections.yaml when it exists",
    )
    limits: LimitSettings = Field(default_factory=LimitSettings)
    strict: bool = Field(
        default=False,
        description="fail (exit 3, nothing written) on any warning about the inputs",
    )
    # Not in the file: where it was loaded from, set by load_config.
    workspace: Path = Field(default=Path("."), exclude=True)

    @model_validator(mode="after")
    def _something_to_read(self) -> Config:
        if not self.inputs and not self.feeds.sources:
            raise ValueError("name at least one input (inputs) or feed (feeds.sources)")
        return self

    @field_validator("audiences", mode="before")
    @classmethod
    def _over_builtins(cls, value: Any) -> Any:
        return merge_audiences(value)

    @property
    def output_dir(self) -> Path:
        return self.workspace / self.output.dir


def limit_settings(*, max_file_bytes: str | None, flag: str) -> LimitSettings:
    """Limits from a CLI flag outside any workspace, reported like a bad key."""
    if max_file_bytes is None:
        return LimitSettings()
    try:
        return LimitSettings.model_validate({"max_file_bytes": max_file_bytes})
    except ValidationError as e:
        message = e.errors()[0]["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{flag}: {max_file_bytes!r}: {message}") from e


def _builtin_audiences() -> dict[str, AudienceSettings]:
    merged = merge_audiences({})
    assert isinstance(merged, dict)
    return {name: AudienceSettings.model_validate(options) for name, options in merged.items()}


def workspace_of(config_path: Path) -> Path:
    folder = config_path.resolve().parent
    return folder.parent if folder.name == "config" else folder


def load_config(
    path: Path | None = None,
    *,
    overrides: dict[str, Any] | None = None,
    missing_ok: bool = False,
    flags: dict[str, str] | None = None,
    formats: Sequence[str] | None = None,
) -> Config:
    """Read, merge CLI overrides (dotted keys such as ``output.dir``) and validate.

    With ``missing_ok`` and no config file named or found, the defaults apply
    with the current folder as the workspace (enough to render a digest).
    ``formats`` are the output formats there are (the render stage's, which
    this module cannot import); given, ``output.formats`` is checked against
    them with the rest of the file. ``flags`` names the command-line flag each
    override came from (dotted key -> ``--audience``), so a bad value is blamed
    on the flag, not the file.
    """
    if path is None and missing_ok and not DEFAULT_CONFIG.exists():
        return _validate(
            {"inputs": ["."]}, overrides, DEFAULT_CONFIG, Path.cwd(), formats=formats, flags=flags
        )
    path = path or DEFAULT_CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        hint = " (run `briefgen init DIR` to make a workspace)" if path == DEFAULT_CONFIG else ""
        raise ConfigError(f"{path}: config file not found{hint}") from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8") from e
    except OSError as e:
        raise ConfigError(f"{path}: cannot read the config file: {e}") from e
    raw = parse_yaml(text, path, error=ConfigError)
    _reject_repeated_keys(text, path)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the config must be a mapping of keys to values")
    return _validate(raw, overrides, path, workspace_of(path), formats=formats, flags=flags)


def _validate(
    raw: dict[str, Any],
    overrides: dict[str, Any] | None,
    path: Path,
    workspace: Path,
    *,
    formats: Sequence[str] | None = None,
    flags: dict[str, str] | None = None,
) -> Config:
    flags = flags or {}
    for dotted, value in (overrides or {}).items():
        _set_dotted(raw, dotted, value)
    try:
        config = Config.model_validate(raw, context={"formats": formats})
    except ValidationError as e:
        raise ConfigError(format_validation_error(path, e, flags=flags)) from e
    unknown = [name for name in config.brief.audience if name not in config.audiences]
    if unknown:
        choices = sorted(config.audiences)
        hints = "".join(_did_you_mean(name, choices) for name in unknown)
        where = flags.get("brief.audience") or f"{path}: brief.audience"
        raise ConfigError(
            f"{where}: unknown audience {', '.join(map(repr, unknown))}{hints}:"
            f" choose from {', '.join(choices)} (or define it under audiences: in {path})"
        )
    return config.model_copy(update={"workspace": workspace})


def _did_you_mean(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(name).casefold(), choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


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


def _reject_repeated_keys(text: str, path: Path) -> None:
    """A key given twice is an error: YAML would silently keep the last one.

    Only for the config, which is small and where the first value is as
    likely to be the one meant (``inputs`` written twice while editing).
    """
    nodes: list[tuple[yaml.Node | None, str]] = [(yaml.compose(text, Loader=SafeLoader), "")]
    problems = []
    # Each node once: an alias is the node it names, and following every alias of
    # an alias bomb (nine lists of nine lists of ...) would never end.
    seen_nodes: set[int] = set()
    while nodes:
        node, where = nodes.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                name = f"{where}{key.value}" if isinstance(key, yaml.ScalarNode) else where
                line = key.start_mark.line + 1
                if name in seen:
                    problems.append(
                        f"{path}:{line}: {name}: given twice (first on line {seen[name]}); "
                        "remove one"
                    )
                seen.setdefault(name, line)
                nodes.append((value, f"{name}."))
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend((item, f"{where}{i}.") for i, item in enumerate(node.value))
    if problems:
        raise ConfigError("\n".join(sorted(problems)))


def format_validation_error(
    path: Path, error: ValidationError, *, flags: dict[str, str] | None = None
) -> str:
    """Every problem as ``file: key.path: message``, one per line, all at once.

    A problem in a value a command-line flag set is ``--flag: message``
    (``flags``: dotted key -> flag). A name that must be lower case says so
    rather than quoting its pattern.
    """
    lines = []
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "unknown key"
        elif problem["type"] == "string_pattern_mismatch" and "a-z0-9" in str(
            problem.get("ctx", {}).get("pattern", "")
        ):
            value = str(problem.get("input"))
            hint = f" (did you mean {value.lower()!r}?)" if value.lower() != value else ""
            rule = "use lower-case letters, digits, - and _"
            message = f"{value!r} is not a valid name{hint}: {rule}"
        flag = next((f for dotted, f in (flags or {}).items() if key.startswith(dotted)), None)
        lines.append(f"{flag}: {message}" if flag else f"{path}: {key}: {message}")
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
