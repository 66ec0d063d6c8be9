"""WordprocessingML written directly, and a reproducible .docx package.

python-docx opens the template, keeps styles, sections, headers and footers,
and saves the package; the body of a brief is written here, with lxml, for two
reasons. Speed: python-docx builds each element through generic machinery
(a style looked up by name scans every style of the template; each paragraph
is placed by scanning the body for its closing ``w:sectPr``; adding a table
row or merging cells walks the whole table), so the White House corpus's
12,000 paragraphs took 18 s and grew faster than the brief. And reach: a brief
needs what python-docx has no API for at all: fields (``PAGE`` and
``NUMPAGES``), bookmarks and internal hyperlinks (a citation ``[2]`` that
jumps to source 2), a header row that Word repeats on every page, rows that
do not break across pages.

Every function takes text as text: it goes into ``w:t`` elements, which lxml
escapes, after ``xml_text`` has replaced what XML cannot hold. Nothing here
turns text into markup, a field or a relationship.

Reproducibility: a .docx is a zip, and python-docx stamps each entry with the
wall clock as it writes. ``reproducible_zip`` rewrites the package with fixed
entry times, a fixed entry order (``[Content_Types].xml`` first, as Word
writes it, then by name), fixed attributes and one compression level, so the
same document gives the same bytes. Deflate output depends on zlib's version:
byte-identical holds on one machine (and any with the same zlib), which is
what a rebuild that changes nothing needs.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping, Sequence

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.text.paragraph import Paragraph
from lxml import etree

from briefgen.render.filters import drop_controls

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# The earliest time a zip entry can carry (MS-DOS dates start in 1980).
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
_ZIP_LATEST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.timezone.utc)
_FIRST_ENTRY = "[Content_Types].xml"
_COMPRESSLEVEL = 6

# Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks,
# lone surrogates, U+FFFE/U+FFFF). lxml refuses them with a ValueError, so a
# digest string that holds one would fail the whole brief.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Whitespace that would start a new line or column in Word; not the no-break space.
_SPACES = re.compile("[ \t\n\r\f\v\u2028\u2029]+")


def w(tag: str) -> str:
    """The qualified name of WordprocessingML's ``tag``."""
    return f"{{{W}}}{tag}"


def _sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, w(tag))
    for name, value in attributes.items():
        element.set(w(name), value)
    return element


def xml_text(value: object) -> str:
    """``value`` as text XML can hold: each character it cannot becomes U+FFFD.

    Control characters and bidirectional controls are left out, as in every
    other format (see ``filters.drop_controls``): an article's unterminated
    override must not reverse the brief around it.
    """
    return _NOT_XML.sub("\ufffd", str(drop_controls(str(value))))


def inline_text(value: object) -> str:
    """``value`` as one line of text: runs of whitespace, line breaks included, are one space.

    As the HTML and Markdown briefs show it: a line break inside a name or a
    quote is a slip of the source or of a hand edit, not a layout to keep.
    """
    return _SPACES.sub(" ", xml_text(value))


# --- paragraphs and runs -----------------------------------------------------------------


def append_paragraph(parent: etree._Element, style_id: str | None = None) -> etree._Element:
    """A new ``w:p`` at the end of ``parent`` (a body or a table cell), in style ``style_id``.

    In a body it goes before the closing ``w:sectPr``, found as the last
    child rather than by a search. None is the Normal style.
    """
    p = parent.makeelement(w("p"))
    last = next(parent.iterchildren(reversed=True), None)
    if last is not None and last.tag == w("sectPr"):
        last.addprevious(p)
    else:
        parent.append(p)
    if style_id is not None:
        _sub(_sub(p, "pPr"), "pStyle", val=style_id)
    return p


def keep_with_next(p: etree._Element) -> None:
    """Keep paragraph ``p`` on the same page as the next one (in a table: its row with the next)."""
    p_pr = p.find(w("pPr"))
    if p_pr is None:
        p_pr = p.makeelement(w("pPr"))
        p.insert(0, p_pr)
    style = p_pr.find(w("pStyle"))  # keepNext comes right after pStyle in the schema
    if style is not None:
        style.addnext(p_pr.makeelement(w("keepNext")))
    else:
        p_pr.insert(0, p_pr.makeelement(w("keepNext")))


def append_run(
    parent: etree._Element,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    style: str | None = None,
) -> etree._Element:
    """A run of ``text`` (made ``inline_text``) at the end of ``parent`` (a paragraph or link)."""
    r = _sub(parent, "r")
    if bold or italic or style:
        r_pr = _sub(r, "rPr")  # children in the schema's order: rStyle, b, i
        if style:
            _sub(r_pr, "rStyle", val=style)
        if bold:
            _sub(r_pr, "b")
        if italic:
            _sub(r_pr, "i")
    piece = inline_text(text)
    if piece:
        t = _sub(r, "t")
        t.text = piece
        if piece != piece.strip():
            t.set(_XML_SPACE, "preserve")
    return r


def append_line_break(p: etree._Element) -> None:
    """A line break (not a new paragraph) at the end of paragraph ``p``."""
    _sub(_sub(p, "r"), "br")


def append_internal_link(p: etree._Element, text: str, anchor: str, *, style: str) -> None:
    """``text`` as a link to the bookmark ``anchor`` in the same document.

    An internal link has a ``w:anchor`` and no relationship, so it can point
    only inside the brief: nothing is fetched or opened when it is followed.
    """
    append_run(_sub(p, "hyperlink", anchor=anchor, history="1"), text, style=style)


def add_bookmark(p: etree._Element, name: str, bookmark_id: int) -> None:
    """Bookmark the whole of paragraph ``p`` as ``name`` (the target of internal links).

    Word allows letters, digits and underscores, at most 40 characters, and
    hides names that start with an underscore; callers pass names such as
    ``source_2``.
    """
    start = p.makeelement(w("bookmarkStart"))
    start.set(w("id"), str(bookmark_id))
    start.set(w("name"), name)
    has_properties = len(p) > 0 and p[0].tag == w("pPr")
    p.insert(1 if has_properties else 0, start)
    _sub(p, "bookmarkEnd", id=str(bookmark_id))


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice compute.

    ``shown`` is the value displayed until the application updates the field;
    header and footer fields are updated on every layout, so it is rarely seen.
    """
    p = paragraph._p
    _sub(_sub(p, "r"), "fldChar", fldCharType="begin")
    instr = _sub(_sub(p, "r"), "instrText")
    instr.text = f" {instruction} "
    instr.set(_XML_SPACE, "preserve")
    _sub(_sub(p, "r"), "fldChar", fldCharType="separate")
    append_run(p, shown)
    _sub(_sub(p, "r"), "fldChar", fldCharType="end")


# --- tables ------------------------------------------------------------------------------


def append_row(
    tbl: etree._Element, widths: Sequence[int], *, span: bool = False, header: bool = False
) -> list[etree._Element]:
    """A new last row of table ``tbl``: its cells (``w:tc``), one per column or one for all.

    ``widths`` are the columns' widths in twips. A row of one cell per column
    never breaks across a page; a ``span`` row may (it holds quotes, which
    for a much-cited person can run longer than a page). A ``header`` row is
    repeated at the top of every page the table spans. Each cell needs at
    least one paragraph: the caller adds them.
    """
    tr = _sub(tbl, "tr")
    tr_pr = _sub(tr, "trPr")
    if not span:
        _sub(tr_pr, "cantSplit")
    if header:
        _sub(tr_pr, "tblHeader")
    cells = []
    for columns in [list(widths)] if span else [[width] for width in widths]:
        tc = _sub(tr, "tc")
        tc_pr = _sub(tc, "tcPr")
        _sub(tc_pr, "tcW", w=str(sum(columns)), type="dxa")
        if len(columns) > 1:
            _sub(tc_pr, "gridSpan", val=str(len(columns)))
        cells.append(tc)
    return cells


def style_header_row_only(tbl: etree._Element) -> None:
    """Apply the table style's header-row look and banded rows, not its first-column look.

    Without ``w:tblLook`` Word applies every part of a style, and the first
    column (where a row of quotes spanning the table starts) would be bold
    throughout.
    """
    tbl_pr = tbl.find(w("tblPr"))
    for old in tbl_pr.findall(w("tblLook")):
        tbl_pr.remove(old)
    flags = {"firstRow": "1", "lastRow": "0", "firstColumn": "0", "lastColumn": "0"}
    flags |= {"noHBand": "0", "noVBand": "1"}
    # "val" is the same flags as a bit mask, for Word 2007.
    _sub(tbl_pr, "tblLook", val="0420", **flags)


def set_current_word_layout(settings: etree._Element) -> None:
    """Mark the document as written for Word 2013 and later (compatibility mode 15).

    python-docx's template says 14 (Word 2010), and Word opens such a file
    in "Compatibility Mode", with older layout rules and some features off.
    """
    for setting in settings.iter(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode":
            setting.set(w("val"), "15")


# --- the package -------------------------------------------------------------------------


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_template_extras(package: object, document_part: object) -> None:
    """Remove two parts of python-docx's template that a brief is better without.

    The thumbnail is a picture of a blank page, which file browsers and
    Word's open dialog would show as the brief's preview. ``stylesWithEffects``
    is a second, 430 kB copy of the styles that only Word 2010 reads (later
    versions neither need nor write it); without it every brief is smaller
    and quicker to write.
    """
    for owner, reltype in ((package, RT.THUMBNAIL), (document_part, _STYLES_WITH_EFFECTS)):
        rels = owner.rels  # type: ignore[attr-defined]
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == reltype]:
            del rels[r_id]


def external_targets(package: object) -> list[str]:
    """Every external target the package's parts link to (web addresses, files)."""
    targets: list[str] = []
    for part in package.iter_parts():  # type: ignore[attr-defined]
        targets.extend(rel.target_ref for rel in part.rels.values() if rel.is_external)
    return targets


APP_PROPERTIES = "docProps/app.xml"


def app_properties(application: str) -> bytes:
    """The package's extended properties, naming ``application`` and nothing else.

    The template's own say "Microsoft Macintosh Word", one page and no words:
    wrong for every brief. Word recounts pages and words when it saves.
    """
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = application
    etree.SubElement(root, f"{{{ns}}}DocSecurity").text = "0"
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def zip_time(when: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    """The zip entry time for ``when`` (UTC), within what a zip can hold; 1980-01-01 for None."""
    moment = max(ZIP_EPOCH, min(when or ZIP_EPOCH, _ZIP_LATEST)).astimezone(dt.timezone.utc)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def reproducible_zip(
    data: bytes, *, when: dt.datetime | None, replace: Mapping[str, bytes] | None = None
) -> bytes:
    """``data`` (a zip) rewritten so that equal contents give equal bytes.

    Entry order is ``[Content_Types].xml``, then by name; every entry has the
    time ``when`` (the zip epoch when None), the same Unix attributes and the
    same compression. Entries named in ``replace`` get its content instead;
    each must already be in ``data`` (so the package's parts stay declared).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    for name, content in (replace or {}).items():
        if name not in entries:
            raise KeyError(f"{name}: not in the package, so not replaced")
        entries[name] = content
    stamp = zip_time(when)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda n: (n != _FIRST_ENTRY, n)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform: zipfile's default varies
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            target.writestr(info, entries[name], compresslevel=_COMPRESSLEVEL)
    return out.getvalue()
