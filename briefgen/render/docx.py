"""Word briefs (.docx): the same sections, headings and tables as the HTML brief.

Many offices edit briefs in Word, so this is a real Word document, not a
picture of one: the title and sections use Word's own Title and Heading 1
styles (the navigation pane lists them), facts are bulleted paragraphs with
their citations, quotes use the Quote style, and People and Sources are Word
tables whose header row repeats on every page. Each citation ``[n]`` is an
internal link to row ``n`` of the Sources table.

It is built from the same ``BriefContext`` the templates get, in code rather
than from a template: Word's XML is not a text format a Jinja override could
edit safely. python-docx provides the package, the styles and the page; the
body is written by :mod:`briefgen.render.ooxml`. A workspace's template
overrides therefore change the Markdown, HTML and PDF briefs, not this one.
Each section is one function in ``SECTIONS``, so a new context field (key
points, a timeline) is one more function in that list.

Untrusted text: every digest string goes into a run's text, which lxml escapes
as XML; nothing from an article becomes a style, a field, a hyperlink or a
relationship, so ``<script>`` and ``[click](http://evil.example)`` are shown
as the characters they are. Characters XML cannot hold are replaced, and
line breaks inside a string are spaces, as in the HTML and Markdown briefs.

Reproducibility (``SOURCE_DATE_EPOCH``): the document's created and modified
dates are, in order of preference, ``SOURCE_DATE_EPOCH`` (the reproducible
builds convention), the brief's own date (``brief.date`` in the config, at
midnight UTC), or left out: never the wall clock. The zip entries carry the
same time (or 1980-01-01) and a fixed order; see :mod:`briefgen.render.ooxml`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor
from lxml import etree

from briefgen.errors import RenderError
from briefgen.model import Evidence
from briefgen.render.context import BriefContext
from briefgen.render.filters import join_names
from briefgen.render.ooxml import (
    APP_PROPERTIES,
    add_bookmark,
    add_field,
    app_properties,
    append_internal_link,
    append_line_break,
    append_paragraph,
    append_row,
    append_run,
    drop_template_extras,
    inline_text,
    keep_with_next,
    reproducible_zip,
    set_current_word_layout,
    style_header_row_only,
)


@dataclass(frozen=True)
class PageSize:
    width: Length
    height: Length


PAGE_SIZES: Mapping[str, PageSize] = {
    "A4": PageSize(Mm(210), Mm(297)),
    "Letter": PageSize(Mm(215.9), Mm(279.4)),
}
# As the PDF's @page rule: top, right, bottom, left.
MARGINS = (Mm(20), Mm(18), Mm(22), Mm(18))
GREY = RGBColor(0x6B, 0x72, 0x80)

# Style ids of python-docx's default template (Word's built-in styles).
TITLE, SUBTITLE, HEADING_1, NORMAL = "Title", "Subtitle", "Heading1", None
BULLET, BULLET_2, QUOTE, TABLE = "ListBullet", "ListBullet2", "Quote", "LightList-Accent1"
# Styles the brief adds: (name, id). Word's own name for links, so its theme applies.
LINK_STYLE, SOURCE_ID_STYLE, NOTE_STYLE = "Hyperlink", "SourceID", "BriefNote"
# The names of sections and fields, in one place: when the context carries
# labels (an audience's language or house style), they replace these here.
# (Table column headings, the page footer and the closing note are below.)
LABELS: Mapping[str, str] = {
    "meetings": "Meetings",
    "agreements": "Agreements",
    "disagreements": "Disagreements",
    "proposals": "Proposals",
    "people": "People",
    "sources": "Sources",
    "none_found": "None found.",
    "unattributed": "Unattributed",
    "date": "Date",
    "audience": "Audience",
    "where": "Where",
    "when": "When",
    "occasion": "Occasion",
    "format": "Format",
    "duration": "Duration",
}
FOOTNOTE = (
    "Every fact cites its sources by number, and the quotes under it are the sentences "
    "that state it, verbatim."
)
# (heading, width in mm): each table fills the 174 mm between A4's margins.
PEOPLE_COLUMNS = (
    ("Name", 38), ("Role", 40), ("Affiliation", 34), ("Also called", 40), ("Sources", 22),
)  # fmt: skip
SOURCE_COLUMNS = (
    ("No.", 12), ("Outlet", 32), ("Published", 25), ("Author", 30), ("Title and ID", 75),
)  # fmt: skip


def render_docx(
    context: BriefContext, *, page_size: str = "A4", stamp: dt.datetime | None = None
) -> bytes:
    """The Word brief of ``context``; the same context and ``stamp`` give the same bytes.

    ``stamp`` dates the document (its core properties and zip entries); see
    ``document_date`` for the one a build uses.
    """
    if page_size not in PAGE_SIZES:
        raise RenderError(f"unknown page size {page_size!r}: choose from {', '.join(PAGE_SIZES)}")
    document = docx.Document()
    _page_setup(document, PAGE_SIZES[page_size], context)
    _styles(document)
    set_current_word_layout(document.settings.element)
    _properties(document, context, stamp)
    for section in SECTIONS:
        section(document, context)
    drop_template_extras(document.part.package, document.part)
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except (ValueError, OSError) as e:
        raise RenderError(f"cannot make the Word brief: {type(e).__name__}: {e}") from e
    extras = {APP_PROPERTIES: app_properties("briefgen")}
    return reproducible_zip(buffer.getvalue(), when=stamp, replace=extras)


def document_date(
    brief_date: dt.date | None, environ: Mapping[str, str] = os.environ
) -> dt.datetime | None:
    """The date a Word brief carries: SOURCE_DATE_EPOCH, else the brief's date, else none."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        try:
            seconds = int(value)
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise RenderError(
                f"SOURCE_DATE_EPOCH={value!r}: not a whole number of seconds since 1970;"
                " fix or unset it"
            ) from None
    if brief_date is not None:
        return dt.datetime.combine(brief_date, dt.time(), tzinfo=dt.timezone.utc)
    return None


# --- the document: page, styles, properties --------------------------------------


def _page_setup(document: Document, size: PageSize, context: BriefContext) -> None:
    """Page size and margins; the title on top of every page but the first; page numbers."""
    section = document.sections[0]
    section.page_width, section.page_height = size.width, size.height
    (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin) = MARGINS
    section.different_first_page_header_footer = True
    running = section.header.paragraphs[0]
    running.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    running.add_run(inline_text(context.info.title))
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        add_field(paragraph, "PAGE", "1")
        paragraph.add_run(" of ")
        add_field(paragraph, "NUMPAGES", "1")


def _styles(document: Document) -> None:
    """The few styles the template lacks or that need a brief's look."""
    styles = document.styles
    quote = styles["Quote"]
    quote.paragraph_format.left_indent = Mm(8)
    quote.paragraph_format.right_indent = Mm(0)
    quote.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    link = styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x1D, 0x4E, 0xD8)
    source_id = styles.add_style("Source ID", WD_STYLE_TYPE.CHARACTER)
    source_id.font.size = Pt(8)
    source_id.font.color.rgb = GREY
    note = styles.add_style("Brief Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = styles["Normal"]
    note.font.size = Pt(8)
    note.paragraph_format.space_before = Pt(12)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = GREY


def _properties(document: Document, context: BriefContext, stamp: dt.datetime | None) -> None:
    """Title, subject and generator in File > Info; dated by ``stamp`` only, never the clock."""
    props = document.core_properties
    props.title = _property_text(context.info.title)
    props.subject = _property_text(context.info.subject or "")
    props.author = props.last_modified_by = "briefgen"
    props.comments = _property_text(f"Extracted by {context.generator}.")
    props.category = "Briefing"
    props.keywords = ""
    props.revision = 1
    if stamp is not None:
        props.created = props.modified = stamp
    else:
        # The template's own 2013 dates would be a false claim: leave them out.
        element = props._element
        for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
            for child in element.findall(qn(tag)):
                element.remove(child)


def _property_text(value: str) -> str:
    """``value`` cut to the 255 characters a core property may hold (python-docx refuses more)."""
    text = inline_text(value).strip()
    return text if len(text) <= 255 else text[:254] + "…"


# --- building blocks ---------------------------------------------------------------


def _body(document: Document) -> etree._Element:
    return document.element.body


def _heading(document: Document, text: str) -> None:
    append_run(append_paragraph(_body(document), HEADING_1), text)


def _none_found(document: Document) -> None:
    append_run(append_paragraph(_body(document), NORMAL), LABELS["none_found"], italic=True)


def _cite(p: etree._Element, numbers: Sequence[int]) -> None:
    """`` [1] [2]`` after a fact, each a link to its row of the Sources table."""
    for number in numbers:
        append_run(p, " ")
        append_internal_link(p, f"[{number}]", _anchor(number), style=LINK_STYLE)


def _anchor(number: int) -> str:
    return f"source_{number}"


def _fact(
    document: Document,
    context: BriefContext,
    lead: str,
    rest: str | None,
    evidence: Sequence[Evidence],
) -> None:
    """A bulleted fact: ``lead`` in bold, ``: rest``, then its citations."""
    p = append_paragraph(_body(document), BULLET)
    append_run(p, lead, bold=True)
    if rest:
        append_run(p, ": " + rest)
    _cite(p, context.cite(evidence))


def _detail(document: Document, label: str, value: str) -> None:
    """One attribute of a fact (``Where: Paris``) under it."""
    p = append_paragraph(_body(document), BULLET_2)
    append_run(p, label, bold=True)
    append_run(p, ": " + value)


def _quotes(parent: etree._Element, context: BriefContext, evidence: Sequence[Evidence]) -> None:
    """Each quote of ``evidence`` in the Quote style, followed by its source's number."""
    for e in evidence:
        p = append_paragraph(parent, QUOTE)
        append_run(p, e.quote)
        _cite(p, [context.citation_numbers[e.source]])


@dataclass(frozen=True)
class _Table:
    tbl: etree._Element
    widths: tuple[int, ...]  # twips


def _table(document: Document, columns: Sequence[tuple[str, int]]) -> _Table:
    """A table in Word's Light List style with a bold header row repeated on each page.

    ``columns`` are (heading, width in mm); the widths go in the grid, which
    LibreOffice reads, and in each cell, which Word reads.
    """
    table = document.add_table(rows=0, cols=len(columns))
    table._tbl.tblStyle_val = TABLE
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    style_header_row_only(table._tbl)
    for column, (_, width) in zip(table.columns, columns, strict=True):
        column.width = Mm(width)
    widths = tuple(Mm(width).twips for _, width in columns)
    header = append_row(table._tbl, widths, header=True)
    for cell, (title, _) in zip(header, columns, strict=True):
        append_run(append_paragraph(cell), title, bold=True)
    return _Table(table._tbl, widths)


def _add_row(table: _Table, values: Sequence[str]) -> list[etree._Element]:
    """A row of plain text cells, kept on one page; the paragraph of each cell."""
    paragraphs = []
    for cell, value in zip(append_row(table.tbl, table.widths), values, strict=True):
        p = append_paragraph(cell)
        if value:
            append_run(p, value)
        paragraphs.append(p)
    return paragraphs


# --- the sections, in order ----------------------------------------------------------


def header_section(document: Document, context: BriefContext) -> None:
    """Title, subject, and a line with the date, audience and number of sources."""
    info, body = context.info, _body(document)
    append_run(append_paragraph(body, TITLE), info.title)
    if info.subject:
        append_run(append_paragraph(body, SUBTITLE), info.subject)
    meta = []
    if info.date:
        meta.append(f"{LABELS['date']}: {info.date.isoformat()}")
    if info.audience and info.audience != "default":
        meta.append(f"{LABELS['audience']}: {info.audience}")
    count = len(context.sources)
    meta.append(f"{count} source{'' if count == 1 else 's'}")
    append_run(append_paragraph(body, NORMAL), " · ".join(meta))


def meetings_section(document: Document, context: BriefContext) -> None:
    """Who met, with where, when, occasion, format and duration under each meeting."""
    _heading(document, LABELS["meetings"])
    for m in context.meetings:
        _fact(document, context, join_names(m.participants), None, m.evidence)
        when = m.date.isoformat() if m.date else None
        if when and m.when:
            when = f"{when} ({m.when})"
        details = [
            (LABELS["where"], m.location),
            (LABELS["when"], when or m.when),
            (LABELS["occasion"], m.occasion),
            (LABELS["format"], m.format),
            (LABELS["duration"], m.duration),
        ]
        for label, value in details:
            if value:
                _detail(document, label, value)
        _quotes(_body(document), context, m.evidence)
    if not context.meetings:
        _none_found(document)


def agreements_section(document: Document, context: BriefContext) -> None:
    """Who agreed, and to what."""
    _heading(document, LABELS["agreements"])
    for a in context.agreements:
        _fact(document, context, join_names(a.parties), a.what, a.evidence)
        _quotes(_body(document), context, a.evidence)
    if not context.agreements:
        _none_found(document)


def disagreements_section(document: Document, context: BriefContext) -> None:
    """Who disagreed, on what, and each side's position."""
    _heading(document, LABELS["disagreements"])
    for d in context.disagreements:
        _fact(document, context, join_names(d.parties), d.topic, d.evidence)
        for p in d.positions:
            _detail(document, p.party, p.position)
        _quotes(_body(document), context, d.evidence)
    if not context.disagreements:
        _none_found(document)


def proposals_section(document: Document, context: BriefContext) -> None:
    """Who proposed what ("Unattributed" when no text says who)."""
    _heading(document, LABELS["proposals"])
    for p in context.proposals:
        _fact(document, context, p.by or LABELS["unattributed"], p.what, p.evidence)
        _quotes(_body(document), context, p.evidence)
    if not context.proposals:
        _none_found(document)


def people_section(document: Document, context: BriefContext) -> None:
    """A table of people; each person's quotes in a row spanning the table under them."""
    _heading(document, LABELS["people"])
    if not context.people:
        _none_found(document)
        return
    table = _table(document, PEOPLE_COLUMNS)
    for p in context.people:
        row = _add_row(table, ["", p.role or "", p.affiliation or "", ", ".join(p.aliases), ""])
        append_run(row[0], p.name, bold=True)
        _cite(row[-1], context.cite(p.evidence))
        if p.evidence:
            for paragraph in row:  # a person's row on the page where their quotes start
                keep_with_next(paragraph)
            (quotes,) = append_row(table.tbl, table.widths, span=True)
            _quotes(quotes, context, p.evidence)


def sources_section(document: Document, context: BriefContext) -> None:
    """Numbered sources: outlet, date, author, title and id; each row is a citation's target."""
    _heading(document, LABELS["sources"])
    if not context.sources:
        _none_found(document)
        return
    table = _table(document, SOURCE_COLUMNS)
    for cited in context.sources:
        s = cited.source
        published = s.published.isoformat() if s.published else ""
        number, *_, title = _add_row(
            table, [f"[{cited.number}]", s.outlet or "", published, s.author or "", ""]
        )
        add_bookmark(number, _anchor(cited.number), cited.number)
        append_run(title, s.title or "(untitled)")
        append_line_break(title)
        append_run(title, s.id, style=SOURCE_ID_STYLE)


def footer_section(document: Document, context: BriefContext) -> None:
    """What extracted the facts, and how to read citations and quotes."""
    p = append_paragraph(_body(document), NOTE_STYLE)
    append_run(p, f"Extracted by {context.generator}. {FOOTNOTE}")


Section = Callable[[Document, BriefContext], None]

# The brief, top to bottom. A new section is a function of (document, context).
SECTIONS: tuple[Section, ...] = (
    header_section,
    meetings_section,
    agreements_section,
    disagreements_section,
    proposals_section,
    people_section,
    sources_section,
    footer_section,
)
