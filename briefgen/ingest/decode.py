"""Bytes to text: UTF-8 first, then a declared charset, then a detected one.

Most inputs are UTF-8, so it is tried first (a byte order mark is dropped).
Text pasted together from several sources is often UTF-8 with a few stray
Windows-1252 bytes (a lone ``é``); reading it all as one single-byte code page
would garble every UTF-8 character, so such files stay UTF-8 and only the
stray bytes are read as Windows-1252. Anything else is old Western news
text, saved web pages or East Asian wire copy. Web pages say their charset,
so a declaration is believed next. For the rest charset-normalizer guesses;
it cannot tell the single-byte Latin code pages apart on a few accented
names, so whenever Windows-1252 reads the bytes as well as its guess,
Windows-1252 wins: it is the code page of English and Western European text,
and what browsers use for "latin-1" too.
"""

from __future__ import annotations

import codecs
import logging

import regex
from charset_normalizer import from_bytes

from briefgen.errors import InputError
from briefgen.ingest.notices import warn

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = regex.compile(rb"""(?i)(?:charset|encoding)\s*=\s*["']?([a-z0-9_.:-]{2,40})""")
_WESTERN = "cp1252"
_UTF8_MULTIBYTE = regex.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")
_MAX_STRAY = 20
# Fewer bytes than this with a NUL among them are binary, not UTF-16 without a
# byte order mark: too few characters to tell (eight, a short headline).
_MIN_UTF16_GUESS = 16
# Control characters other than white space, and U+FFFD: in text, rare.
_NOT_TEXT = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# WHATWG: pages that say latin-1 or ascii are decoded as windows-1252.
_WESTERN_ALIASES = frozenset({"latin_1", "iso8859_1", "ascii"})


def decode(data: bytes, name: str) -> str:
    """The text of a file, with line ends normalised to ``\\n``."""
    text = _decode(data, name)
    if _binary(text):
        raise InputError(
            f"{name}: a binary file (control characters or undecodable bytes throughout), not text"
        )
    return "\n".join(text.splitlines())


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{name}: not {encoding} text, though it starts as if it were"
                ) from e
    if b"\x00" in data:
        if (text := _utf16_without_bom(data)) is not None:
            log.info("%s: UTF-16 without a byte order mark", name)
            return text
        raise InputError(f"{name}: a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass  # not UTF-8 throughout: find out what it is below
    if (text := _mostly_utf8(data)) is not None:
        warn(name, "repaired", f"UTF-8 with a few bytes that are not; read those as {_WESTERN}")
        return text
    declared = _declared(data)
    if declared is not None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            log.info("%s: not %s as it declares; detecting the encoding", name, declared)
        else:
            log.info("%s: not UTF-8; read as %s, as it declares", name, declared)
            return text
    encoding = _detected(data, name)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 text, nor {encoding} as it seems to be") from e
    log.info("%s: not UTF-8; read as %s (detected)", name, encoding)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without its byte order mark, or None.

    Text in Latin script is one NUL byte in two, all at odd offsets
    (little-endian) or all at even ones (big-endian); binary files have NUL
    bytes anywhere. What decodes must be text, not control characters.
    """
    if len(data) % 2 or len(data) < _MIN_UTF16_GUESS:
        return None  # a few bytes are no evidence of UTF-16: "\x00abc" is binary
    odd = data[1::2].count(0)
    even = data[0::2].count(0)
    enough = len(data) // 6  # a third of the characters, at least, are ASCII
    if odd >= enough and not even:
        encoding = "utf-16-le"
    elif even >= enough and not odd:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _binary(text) or "\x00" in text else text


def _binary(text: str) -> bool:
    """Whether decoded "text" is mostly not text: control characters, or undecodable."""
    sample = text[:65536]
    odd = len(_NOT_TEXT.findall(sample))
    return odd > max(2, len(sample) // 100)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray single bytes, or None if it is not that."""
    multibyte = len(_UTF8_MULTIBYTE.findall(data))
    parts: list[str] = []
    stray = 0
    while True:
        try:
            parts.append(data.decode("utf-8"))
            break
        except UnicodeDecodeError as e:
            stray += 1
            if stray > _MAX_STRAY or stray * 3 > multibyte:
                return None
            parts.append(data[: e.start].decode("utf-8"))
            parts.append(data[e.start : e.end].decode(_WESTERN, errors="replace"))
            data = data[e.end :]
    return "".join(parts)


def _declared(data: bytes) -> str | None:
    """A charset the file itself declares (``<meta charset=...>``) in its first bytes."""
    m = _DECLARED.search(data[:4096])
    if m is None:
        return None
    try:
        encoding = codecs.lookup(m[1].decode("ascii")).name
    except LookupError:
        return None
    encoding = encoding.replace("-", "_")
    if encoding in _WESTERN_ALIASES:
        return _WESTERN
    if encoding.startswith("utf_8"):
        return None  # it said UTF-8 but is not: the declaration is wrong
    return encoding


def _detected(data: bytes, name: str) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: not text: not UTF-8, and no other encoding reads it (binary?)")
    for match in matches:
        if match.chaos <= best.chaos and _WESTERN in _names(match.could_be_from_charset):
            return _WESTERN
    return best.encoding


def _names(encodings: list[str]) -> set[str]:
    return {codecs.lookup(e).name for e in encodings}
