"""Word briefs (.docx): the same sections, headings and tables as the HTML brief.

Many offices edit briefs in Word, so this is a real Word document, not a
picture of one: the title and sections use Word's own Title and Heading 1
styles (the navigation pane lists them), facts are bulleted paragraphs with
their citations, quotes use the Quote style, and People and Sources are Word
tables whose header row repeats on every page. Each citation ``[n]`` is an
internal link to row ``n`` of the Sources table.

It follows the audience as the HTML brief does: only the sections
``show(section)`` allows, in the HTML template's order (key points, meetings,
agreements, disagreements, proposals, people, timeline, sources); quotes and
citation numbers only when ``options`` has them; every fixed word from
``labels`` (the audience's language) and dates in ``options.date_format``
through ``labels.format_date``, as the templates' ``date`` filter; the
marking at the top and bottom of every page and under the title; the page
from ``options.paper``; and "N more not shown" where a limit cut a section.

It is built from the same ``BriefContext`` the templates get, in code rather
than from a template: Word's XML is not a text format a Jinja override could
edit safely. python-docx provides the package, the styles and the page; the
body is written by :mod:`briefgen.render.ooxml`. A workspace's template
overrides therefore change the Markdown, HTML and PDF briefs, not this one.
Each section is one function in ``SECTIONS``, so a new context field is one
more function in that list.

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
from docx.text.paragraph import Paragraph
from lxml import etree

from briefgen.errors import RenderError
from briefgen.model import Evidence
from briefgen.render.context import BriefContext
from briefgen.render.filters import join_names, shorten
from briefgen.render.labels import format_date
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
BULLET, BULLET_2, NUMBERED = "ListBullet", "ListBullet2", "ListNumber"
QUOTE, TABLE = "Quote", "LightList-Accent1"
# Styles the brief adds: (name, id). Word's own name for links, so its theme applies.
LINK_STYLE, SOURCE_ID_STYLE, NOTE_STYLE = "Hyperlink", "SourceID", "BriefNote"
MARKING_NAME, MARKING_STYLE = "Brief Marking", "BriefMarking"
# Every fixed word comes from the audience's labels (``Labels``), as in the
# templates; the tables name their columns by label key. (label, width in mm):
# each table fills the 174 mm between A4's margins and fits Letter's 180 mm.
PEOPLE_COLUMNS = (
    ("name", 38), ("role", 40), ("affiliation", 34), ("also_called", 40), ("cited_in", 22),
)  # fmt: skip
SOURCE_COLUMNS = (
    ("number", 12), ("outlet", 32), ("published", 25), ("author", 30), ("title", 75),
)  # fmt: skip
TIMELINE_COLUMNS = (("date", 40), ("event", 134))


def render_docx(
    context: BriefContext, *, stamp: dt.datetime | None = None, page_size: str | None = None
) -> bytes:
    """The Word brief of ``context``; the same context and ``stamp`` give the same bytes.

    ``stamp`` dates the document (its core properties and zip entries); see
    ``document_date`` for the one a build uses. The page is the audience's
    ``options.paper`` unless ``page_size`` says otherwise.
    """
    page_size = page_size or context.options.paper
    if page_size not in PAGE_SIZES:
        raise RenderError(f"unknown page size {page_size!r}: choose from {', '.join(PAGE_SIZES)}")
    document = docx.Document()
    _styles(document)
    _page_setup(document, PAGE_SIZES[page_size], context)
    set_current_word_layout(document.settings.element)
    _properties(document, context, stamp)
    for name, section in SECTIONS:
        if name is None or context.show(name):
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
        except (ValueError, OverflowError, OSError) as e:
            raise RenderError(
                f"SOURCE_DATE_EPOCH={value!r}: not a whole number of seconds since 1970;"
                " fix or unset it"
            ) from e
    if brief_date is not None:
        return dt.datetime.combine(brief_date, dt.time(), tzinfo=dt.timezone.utc)
    return None


# --- the document: page, styles, properties --------------------------------------


def _page_setup(document: Document, size: PageSize, context: BriefContext) -> None:
    """Page size and margins; the marking at the top and bottom of every page; page numbers.

    The title runs at the top of every page but the first (which shows it
    large); "Page X of Y" is in the audience's words. Needs ``_styles`` first.
    """
    section = document.sections[0]
    section.page_width, section.page_height = size.width, size.height
    (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin) = MARGINS
    section.different_first_page_header_footer = True
    marking, labels = context.info.marking, context.labels
    if marking:
        for header in (section.header, section.first_page_header):
            header.paragraphs[0].style = document.styles[MARKING_NAME]
            header.paragraphs[0].add_run(inline_text(marking))
    running = section.header.add_paragraph() if marking else section.header.paragraphs[0]
    running.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    running.add_run(inline_text(context.info.title))
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(f"{inline_text(labels.page)} ")
        add_field(paragraph, "PAGE", "1")
        paragraph.add_run(f" {inline_text(labels.page_of)} ")
        add_field(paragraph, "NUMPAGES", "1")
        if marking:
            footer.add_paragraph(inline_text(marking), style=MARKING_NAME)


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
    banner = styles.add_style(MARKING_NAME, WD_STYLE_TYPE.PARAGRAPH)
    banner.base_style = styles["Normal"]
    banner.font.bold = True
    banner.font.size = Pt(9)
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = GREY


def _properties(document: Document, context: BriefContext, stamp: dt.datetime | None) -> None:
    """Title, subject and generator in File > Info; dated by ``stamp`` only, never the clock."""
    props = document.core_properties
    props.title = _property_text(context.info.title)
    props.subject = _property_text(context.info.subject or "")
    # The tool's name only where the brief names it (the analyst brief's footer).
    named = context.options.quotes and context.options.citations
    props.author = props.last_modified_by = "briefgen" if named else ""
    props.comments = _property_text(context.labels.footer_plain.format(generator=context.generator))
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


def _none_found(document: Document, context: BriefContext) -> None:
    append_run(append_paragraph(_body(document), NORMAL), context.labels.none_found, italic=True)


def _list_end(document: Document, context: BriefContext, section: str) -> None:
    """After a list of facts: "N more not shown" if a limit cut it, "None found" if empty."""
    if getattr(context, section):
        _more(document, context, section)
    elif section in context.linked:  # all of them are under their meetings
        text = context.labels.under_meetings
        append_run(append_paragraph(_body(document), NORMAL), text, italic=True)
    else:
        _none_found(document, context)


def _more(document: Document, context: BriefContext, section: str) -> None:
    """The "N more not shown" line, where the audience's limit cut ``section`` (as in HTML)."""
    if section in context.omitted:
        text = context.labels.more_not_shown.format(count=context.omitted[section])
        append_run(append_paragraph(_body(document), NORMAL), text, italic=True)


def _date(context: BriefContext, value: dt.date) -> str:
    """``value`` as the templates' ``date`` filter shows it: the audience's format and words."""
    return format_date(value, context.options.date_format, context.labels)


def _names(context: BriefContext, values: Sequence[str]) -> str:
    """Parties joined as the templates' ``names`` filter joins them, in the audience's language."""
    labels = context.labels
    return join_names(values, labels.and_, serial=labels.lang.startswith("en"))


def _short(context: BriefContext, value: str) -> str:
    """A fact's text cut to the audience's ``truncate`` (the templates' ``shorten`` filter)."""
    return shorten(value, context.options.truncate)


def _cite(p: etree._Element, context: BriefContext, numbers: Sequence[int]) -> None:
    """`` [1] [2]`` after a fact when the audience has citations.

    Each is a link to its row of the Sources table when the brief has one.
    """
    if not context.options.citations:
        return
    linked = context.show("sources")
    for number in numbers:
        append_run(p, " ")
        if linked:
            append_internal_link(p, f"[{number}]", _anchor(number), style=LINK_STYLE)
        else:
            append_run(p, f"[{number}]")


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
    _cite(p, context, context.cite(evidence))


def _detail(document: Document, context: BriefContext, label: str, value: str) -> None:
    """One attribute of a fact (``Where: Paris``) under it, punctuated as the labels say."""
    p = append_paragraph(_body(document), BULLET_2)
    append_run(p, label + context.labels.colon, bold=True)
    append_run(p, " " + value)


def _quotes(parent: etree._Element, context: BriefContext, evidence: Sequence[Evidence]) -> None:
    """Each quote of ``evidence`` in the Quote style, with its source's number (if any quotes)."""
    if not context.options.quotes:
        return
    for e in evidence:
        p = append_paragraph(parent, QUOTE)
        append_run(p, e.quote)
        _cite(p, context, [context.citation_numbers[e.source]])


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


def _columns(context: BriefContext, columns: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """(label key, width) as (the label in the audience's language, width)."""
    return [(getattr(context.labels, key), width) for key, width in columns]


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
    """Title, the marking, subject, and a line with the date, audience and number of sources."""
    info, labels, body = context.info, context.labels, _body(document)
    append_run(append_paragraph(body, TITLE), info.title)
    if info.marking:
        append_run(append_paragraph(body, MARKING_STYLE), info.marking)
    if info.subject:
        append_run(append_paragraph(body, SUBTITLE), info.subject)
    meta = []
    if info.date:
        meta.append(f"{labels.date}{labels.colon} {_date(context, info.date)}")
    if info.audience and info.audience != "default":
        meta.append(f"{labels.audience}{labels.colon} {labels.audience_name(info.audience)}")
    meta.append(labels.source_count(context.source_count))
    append_run(append_paragraph(body, NORMAL), " · ".join(meta))
    if context.options.contents:
        # A TOC field of the Heading 1 paragraphs: Word fills it in when the
        # document is opened (settings' updateFields) or on F9.
        _heading(document, labels.contents)
        paragraph = Paragraph(append_paragraph(body, NORMAL), document._body)
        add_field(paragraph, 'TOC \\o "1-1" \\h \\z \\u', labels.contents)
        _update_fields_on_open(document)


# Elements that follow w:updateFields in w:settings (ECMA-376 CT_Settings order):
# Word refuses a settings part whose children are out of order.
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip


def _update_fields_on_open(document: Document) -> None:
    """Ask Word to compute the fields (the table of contents) when it opens the file."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    update = etree.Element(qn("w:updateFields"))
    update.set(qn("w:val"), "true")
    later = {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}
    successor = next((child for child in settings if child.tag in later), None)
    if successor is None:
        settings.append(update)
    else:
        successor.addprevious(update)


def key_points_section(document: Document, context: BriefContext) -> None:
    """The facts most sources state, one numbered line each, with their citations."""
    _heading(document, context.labels.key_points)
    for k in context.key_points:
        p = append_paragraph(_body(document), NUMBERED)
        append_run(p, k.text)
        _cite(p, context, k.citations)
    if not context.key_points:
        _none_found(document, context)


def meetings_section(document: Document, context: BriefContext) -> None:
    """Who met, with where, when, occasion, format and duration under each meeting."""
    labels = context.labels
    _heading(document, labels.meetings)
    for m in context.meetings:
        lead = _names(context, m.participants)
        if getattr(m, "status", None) == "planned":
            lead = f"{lead} ({labels.planned})"
        _fact(document, context, lead, None, m.evidence)
        day = context.when(m)
        when = _date(context, day) if day else None
        if when and context.when_words(m):
            when = f"{when} ({context.when_words(m)})"
        details = [
            (labels.where, m.location),
            (labels.when, when or m.when),
            (labels.occasion, m.occasion and _short(context, m.occasion)),
            (labels.format, m.format and labels.meeting_format(m.format)),
            (labels.duration, m.duration),
        ]
        for label, value in details:
            if value:
                _detail(document, context, label, value)
        _quotes(_body(document), context, m.evidence)
        for outcome in context.outcomes(m).all():
            p = append_paragraph(_body(document), BULLET_2)
            append_run(p, context.said(outcome, m))
            _cite(p, context, context.cite(outcome.evidence))
            _quotes(_body(document), context, outcome.evidence)
    _list_end(document, context, "meetings")


def agreements_section(document: Document, context: BriefContext) -> None:
    """Who agreed, and to what."""
    _heading(document, context.labels.agreements)
    for a in context.agreements:
        what = _short(context, a.what)
        _fact(document, context, _names(context, a.parties), what, a.evidence)
        _quotes(_body(document), context, a.evidence)
    _list_end(document, context, "agreements")


def disagreements_section(document: Document, context: BriefContext) -> None:
    """Who disagreed, on what, and each side's position."""
    _heading(document, context.labels.disagreements)
    for d in context.disagreements:
        topic = d.topic and _short(context, d.topic)
        lead = _names(context, d.parties)
        if not topic and not d.positions:  # "A and B disagree": nothing else to say
            lead = context.labels.disagreement_no_topic.format(parties=lead)
        _fact(document, context, lead, topic, d.evidence)
        for p in d.positions:
            _detail(document, context, p.party, _short(context, p.position))
        _quotes(_body(document), context, d.evidence)
    _list_end(document, context, "disagreements")


def proposals_section(document: Document, context: BriefContext) -> None:
    """Who proposed what ("Unattributed" when no text says who)."""
    _heading(document, context.labels.proposals)
    for p in context.proposals:
        by = p.by or context.labels.unattributed
        _fact(document, context, by, _short(context, p.what), p.evidence)
        _quotes(_body(document), context, p.evidence)
    _list_end(document, context, "proposals")


def people_section(document: Document, context: BriefContext) -> None:
    """A table of people; each person's quotes in a row spanning the table under them."""
    _heading(document, context.labels.people)
    if not context.people:
        _none_found(document, context)
        return
    citations, quotes = context.options.citations, context.options.quotes
    columns = PEOPLE_COLUMNS if citations else _widen_first(PEOPLE_COLUMNS[:-1], 174)
    table = _table(document, _columns(context, columns))
    seen: set[str] = set()
    for p in context.people:
        fresh = [e for e in p.evidence if e.quote not in seen]
        seen.update(e.quote for e in fresh)
        values = ["", p.role or "", p.affiliation or "", ", ".join(p.aliases)]
        row = _add_row(table, [*values, ""] if citations else values)
        append_run(row[0], p.name, bold=True)
        _cite(row[-1], context, context.cite(p.evidence))
        if quotes and fresh:  # a quote already under an earlier person is not repeated
            for paragraph in row:  # a person's row on the page where their quotes start
                keep_with_next(paragraph)
            (cell,) = append_row(table.tbl, table.widths, span=True)
            _quotes(cell, context, fresh)
    _more(document, context, "people")


def _widen_first(columns: Sequence[tuple[str, int]], total: int) -> tuple[tuple[str, int], ...]:
    """``columns`` with the first made wide enough for the table to fill ``total`` mm."""
    (key, width), *rest = columns
    return ((key, width + total - sum(w for _, w in columns)), *rest)


def timeline_section(document: Document, context: BriefContext) -> None:
    """The meetings by date, each with its citations; a date from its first report says so."""
    _heading(document, context.labels.timeline)
    if not context.timeline:
        _none_found(document, context)
        return
    table = _table(document, _columns(context, TIMELINE_COLUMNS))
    for t in context.timeline:
        when, event = _add_row(table, [_date(context, t.date), t.text])
        if t.reported:
            append_line_break(when)
            append_run(when, context.labels.reported, italic=True)
        _cite(event, context, t.citations)
    _more(document, context, "timeline")


def sources_section(document: Document, context: BriefContext) -> None:
    """Numbered sources: outlet, date, author, title and id; each row is a citation's target."""
    _heading(document, context.labels.sources)
    if not context.sources:
        _none_found(document, context)
        return
    table = _table(document, _columns(context, SOURCE_COLUMNS))
    untitled = f"({context.labels.untitled})"
    for cited in context.sources:
        s = cited.source
        published = _date(context, s.published) if s.published else ""
        number, *_, title = _add_row(
            table, [f"[{cited.number}]", context.outlet(s) or "", published, s.author or "", ""]
        )
        add_bookmark(number, _anchor(cited.number), cited.number)
        append_run(title, s.title or untitled)
        url = context.web(s.url)
        if url:  # as text: an article's URL never becomes a link or a relationship
            append_line_break(title)
            append_run(title, url, style=SOURCE_ID_STYLE)
        append_line_break(title)
        append_run(title, s.id, style=SOURCE_ID_STYLE)


def footer_section(document: Document, context: BriefContext) -> None:
    """What extracted the facts, and how to read citations and quotes (those it has)."""
    labels, options = context.labels, context.options
    if options.citations:
        note = labels.footer_quotes if options.quotes else labels.footer_citations
    else:
        note = labels.footer_plain
    text = note.format(generator=context.generator)
    if text:
        append_run(append_paragraph(_body(document), NOTE_STYLE), text)


Section = Callable[[Document, BriefContext], None]

# The brief, top to bottom, in the HTML brief's order: (the section ``show``
# asks about, or None for always; the function of (document, context) that writes it).
SECTIONS: tuple[tuple[str | None, Section], ...] = (
    (None, header_section),
    ("key_points", key_points_section),
    ("meetings", meetings_section),
    ("agreements", agreements_section),
    ("disagreements", disagreements_section),
    ("proposals", proposals_section),
    ("people", people_section),
    ("timeline", timeline_section),
    ("sources", sources_section),
    (None, footer_section),
)
