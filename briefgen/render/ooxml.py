"""The WordprocessingML that python-docx has no API for, and a reproducible package.

python-docx covers paragraphs, runs, tables and styles; a brief also needs a
few things it leaves to raw XML: fields (``PAGE`` and ``NUMPAGES`` in the
footer), bookmarks and internal hyperlinks (a citation ``[2]`` that jumps to
source 2), a table header row that Word repeats on every page, and rows that
do not break across pages. Each is one small function here, so the section
code in :mod:`briefgen.render.docx` reads as a brief, not as XML.

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

from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

# The earliest time a zip entry can carry (MS-DOS dates start in 1980).
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
_ZIP_LATEST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.timezone.utc)
_FIRST_ENTRY = "[Content_Types].xml"
_COMPRESSLEVEL = 6

# Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks,
# lone surrogates, U+FFFE/U+FFFF). lxml refuses them with a ValueError, so a
# digest string that holds one would fail the whole brief.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    """``value`` as text XML can hold: each character it cannot becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(value))


def styled_paragraph(container: Document | BlockItemContainer, style_id: str | None) -> Paragraph:
    """A new paragraph at the end of ``container`` in the style whose id is ``style_id``.

    None is the Normal style, which Word writes as no style at all.

    python-docx looks a style up by name by scanning every style of the
    template (a few milliseconds each); a brief of a thousand facts would
    spend seconds on it. The style id is written directly instead.
    """
    paragraph = container.add_paragraph()
    if style_id is not None:
        paragraph._p.style = style_id
    return paragraph


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice compute.

    ``shown`` is the value displayed until the application updates the field;
    header and footer fields are updated on every layout, so it is rarely seen.
    """
    _fld_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _fld_char(paragraph, "separate")
    paragraph.add_run(shown)
    _fld_char(paragraph, "end")


def _fld_char(paragraph: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def add_bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Bookmark the whole of ``paragraph`` as ``name`` (the target of internal links).

    Word allows letters, digits and underscores, at most 40 characters, and
    hides names that start with an underscore; callers pass names such as
    ``source_2``.
    """
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    p.insert(1 if p.pPr is not None else 0, start)
    p.append(end)


def add_internal_link(paragraph: Paragraph, text: str, anchor: str, *, style: str) -> None:
    """``text`` as a link to the bookmark ``anchor`` in the same document.

    An internal link has a ``w:anchor`` and no relationship, so it can point
    only inside the brief: nothing is fetched or opened when it is followed.
    """
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    assert isinstance(run, CT_R)
    run.style = style
    run.text = xml_text(text)
    link.append(run)
    paragraph._p.append(link)


def repeat_as_header(row: _Row) -> None:
    """Mark ``row`` as a header row: Word repeats it at the top of each page the table spans."""
    _row_flag(row, "w:tblHeader")


def style_header_row_only(table: Table) -> None:
    """Apply the table style's header-row look and banded rows, not its first-column look.

    Without ``w:tblLook`` Word applies every part of a style, and the first
    column (where a merged row of quotes starts) would be bold throughout.
    """
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblLook")):
        tbl_pr.remove(old)
    look = OxmlElement("w:tblLook")
    flags = {"firstRow": "1", "lastRow": "0", "firstColumn": "0", "lastColumn": "0"}
    flags |= {"noHBand": "0", "noVBand": "1"}
    for name, value in flags.items():
        look.set(qn(f"w:{name}"), value)
    look.set(qn("w:val"), "0420")  # the same flags as a bit mask, for Word 2007
    tbl_pr.append(look)


def keep_row_on_one_page(row: _Row) -> None:
    """Stop Word from splitting ``row`` across a page break."""
    _row_flag(row, "w:cantSplit")


def _row_flag(row: _Row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        flag = OxmlElement(tag)
        flag.set(qn("w:val"), "true")
        tr_pr.append(flag)


def drop_thumbnail(package: object) -> None:
    """Remove the template's thumbnail image, a picture of a blank page, not of the brief.

    File browsers and Word's open dialog would show it as the brief's preview.
    """
    rels = package.rels  # type: ignore[attr-defined]
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[r_id]


def external_targets(package: object) -> list[str]:
    """Every external target the package's parts link to (web addresses, files)."""
    targets: list[str] = []
    for part in package.iter_parts():  # type: ignore[attr-defined]
        targets.extend(rel.target_ref for rel in part.rels.values() if rel.is_external)
    return targets


def zip_time(when: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    """The zip entry time for ``when`` (UTC), within what a zip can hold; 1980-01-01 for None."""
    moment = max(ZIP_EPOCH, min(when or ZIP_EPOCH, _ZIP_LATEST)).astimezone(dt.timezone.utc)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def reproducible_zip(data: bytes, *, when: dt.datetime | None) -> bytes:
    """``data`` (a zip) rewritten so that equal contents give equal bytes.

    Entry order is ``[Content_Types].xml``, then by name; every entry has the
    time ``when`` (the zip epoch when None), no OS-specific attributes and the
    same compression.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
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
