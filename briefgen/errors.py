"""The one exception tree. The CLI turns these into a one-line message and an exit code."""

from __future__ import annotations


class BriefgenError(Exception):
    """Base of every error briefgen reports to a user.

    The message is one sentence that names the file, line or key at fault and,
    where it helps, what to do about it.
    """

    exit_code = 1


class ConfigError(BriefgenError):
    """The config file (or a CLI flag that overrides it) is invalid."""

    exit_code = 2


class InputError(BriefgenError):
    """An input article cannot be read."""


class DigestError(BriefgenError):
    """A digest file is not valid YAML or does not match the digest schema."""


class TemplateError(BriefgenError):
    """A template is missing, has a syntax error, or uses an undefined variable."""


class RenderError(BriefgenError):
    """An output format could not be produced."""


class StrictError(BriefgenError):
    """The run worked but warned about its inputs, and ``--strict`` makes any warning fatal.

    Its own exit code lets CI tell "the inputs need a look" from "briefgen failed".
    """

    exit_code = 3


class DigestEditedError(DigestError):
    """The build's digest was changed by hand since briefgen wrote it."""


class CorrectionsError(BriefgenError):
    """The corrections file cannot be read or does not match its schema."""


class GoldError(BriefgenError):
    """A gold file is missing or malformed."""


class OutputLockedError(BriefgenError):
    """Another briefgen run kept the output folder locked for longer than we would wait."""
