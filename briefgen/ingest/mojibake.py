"""Repairing mojibake: UTF-8 that was once decoded as Windows-1252 or Latin-1.

Scraped and re-saved news often carries ``PiquÃ©`` for ``Piqué`` and
``â€œ`` for ``“``: the file is valid UTF-8, so no decoder can notice, and
the name would reach the brief garbled (and fail to match the same person's
name in other articles). ftfy is the maintained library for undoing exactly
this; its ``fix_encoding`` only changes text it can show to be mojibake, and
leaves everything else (curly quotes, accents that are right) alone.

ftfy is slow on long text (seconds per 10 MB), so it only sees the lines
that could be mojibake at all: those with a lead character of a two- or
three-byte UTF-8 sequence read as Windows-1252 (``Ã``, ``â``, ...) followed by
what a continuation byte becomes. Clean text costs one regex scan.
"""

from __future__ import annotations

import regex

from briefgen.ingest.notices import warn

# U+00C2..U+00F4 are the lead bytes of 2-4 byte UTF-8 sequences as Latin-1 /
# Windows-1252; a continuation byte (0x80-0xBF) becomes U+0080..U+00BF in
# Latin-1 or one of these Windows-1252 characters.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_SUSPECT = regex.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
_WORD = regex.compile(r"\S+")


def repair_mojibake(text: str, name: str) -> str:
    """``text`` with mojibake undone where ftfy is sure of it; a ``repaired`` notice if any was."""
    if _SUSPECT.search(text) is None:
        return text
    from ftfy import fix_encoding  # only when there is something to fix

    parts: list[str] = []
    example: tuple[str, str] | None = None
    for line in text.split("\n"):
        fixed = fix_encoding(line) if _SUSPECT.search(line) else line
        if fixed != line and example is None:
            example = _first_change(line, fixed)
        parts.append(fixed)
    if example is None:
        return text
    before, after = example
    warn(name, "repaired", f"mojibake repaired ({before!r} became {after!r})")
    return "\n".join(parts)


def _first_change(line: str, fixed: str) -> tuple[str, str]:
    """The first word that changed, before and after, for the warning."""
    for m in _WORD.finditer(line):
        if _SUSPECT.search(m[0]):
            return m[0][:40], _fix_word(m[0])[:40]
    return line[:40], fixed[:40]


def _fix_word(word: str) -> str:
    from ftfy import fix_encoding

    return str(fix_encoding(word))
