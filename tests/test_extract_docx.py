"""DOCX extraction: reading order, text boxes, headers/footers, hidden text, and hostile files."""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from defusedxml import DTDForbidden
from docx.enum.section import WD_SECTION
from docx.shared import Pt, RGBColor

from screener.errors import ExtractError
from screener.extract import Limits, extract, extract_file
from screener.extract.docx import extract_docx
from screener.extract.sniff import sniff
from screener.extract.zipparts import Budget, parse_tree
from screener.pipeline import Screener

SHARED = Path(__file__).resolve().parents[2] / "shared"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

TEXTBOX_TEXT = "Sidebar: Kafka and Redis since 2019"
_BOX = f"<w:txbxContent><w:p><w:r><w:t>{TEXTBOX_TEXT}</w:t></w:r></w:p></w:txbxContent>"
# Word's own shape: the box as a DrawingML shape (mc:Choice) and again as VML (mc:Fallback).
TEXTBOX_RUN = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    f"<wps:wsp><wps:txbx>{_BOX}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    f'</mc:Choice><mc:Fallback><w:pict><v:shape id="box"><v:textbox>{_BOX}</v:textbox></v:shape></w:pict>'
    "</mc:Fallback></mc:AlternateContent></w:r>"
)
REVISIONS_RUNS = (
    '<w:ins w:id="1" w:author="a"><w:r><w:t>inserted words</w:t></w:r></w:ins>'
    '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted words</w:delText></w:r></w:del>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://field.example" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>field result</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info.filename))
    return out.getvalue()


def _inject(data: bytes, marker: str, xml: str) -> bytes:
    """Replace the run that holds ``marker`` with raw WordprocessingML."""
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    run = f"<w:r><w:t>{marker}</w:t></w:r>"
    assert run in document
    return _replace_part(data, "word/document.xml", document.replace(run, xml).encode())


def _cv() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jane Doe · Curriculum Vitae"
    document.sections[0].footer.paragraphs[0].text = "jane@example.com · +44 20 5555 0100"
    document.add_heading("Jane Doe", level=0)
    document.add_paragraph("Backend engineer in payments.")
    document.add_heading("Experience", level=1)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("2021-07 – present", "Senior Engineer", "Acme Payments"),
                                        ("2018-01 – 2021-06", "Backend Engineer", "Globex")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Text after the table.")
    layout = document.add_paragraph()
    layout.add_run("Go")
    layout.runs[0].add_tab()
    layout.add_run("Kafka")
    layout.runs[1].add_break()
    layout.add_run("Redis")
    hidden = document.add_paragraph("Visible words. ")
    hidden.add_run("secret keywords kafka kubernetes").font.hidden = True
    white = document.add_paragraph("Also visible. ")
    white.add_run("white keywords").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    white.add_run("tiny keywords").font.size = Pt(1)
    document.add_paragraph("TEXTBOX")
    document.add_paragraph("REVISIONS")
    # A second section whose (unlinked) header repeats the first one's text.
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Jane Doe · Curriculum Vitae"
    document.add_paragraph("Second section text.")
    out = io.BytesIO()
    document.save(out)
    data = _inject(out.getvalue(), "TEXTBOX", TEXTBOX_RUN)
    return _inject(data, "REVISIONS", REVISIONS_RUNS)


@pytest.fixture(scope="module")
def cv() -> list[str]:
    return [line.text for line in extract_docx(_cv(), Limits()).lines]


def test_body_order_puts_table_rows_between_the_paragraphs_around_them(cv: list[str]) -> None:
    """Each row is one line, its cells TAB-separated, so a date cell stays with its role and company."""
    expected = ["Backend engineer in payments.", "Experience",
                "2021-07 – present\tSenior Engineer\tAcme Payments",
                "2018-01 – 2021-06\tBackend Engineer\tGlobex", "Text after the table."]
    positions = [cv.index(text) for text in expected]
    assert positions == sorted(positions)


def test_a_one_row_table_laying_out_the_page_is_read_column_by_column() -> None:
    """A sidebar beside the main column, laid out as a table of one row: each column is read whole,
    so the main column's first heading is not glued to the sidebar's first line."""
    document = docx.Document()
    sidebar, main = document.add_table(rows=1, cols=2).rows[0].cells
    sidebar.text = "Hamid Rezaei"
    for text in ("Contact", "hamid@example.com", "Skills", "Go, Kafka"):
        sidebar.add_paragraph(text)
    main.text = "Experience"
    for text in ("Senior Backend Engineer — Caspian Pay", "Apr 2020 – Present", "Payment switch in Go."):
        main.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    lines = [line.text for line in extract_docx(out.getvalue(), Limits()).lines]
    assert lines == ["Hamid Rezaei", "Contact", "hamid@example.com", "Skills", "Go, Kafka", "Experience",
                     "Senior Backend Engineer — Caspian Pay", "Apr 2020 – Present", "Payment switch in Go."]


def _entries_table(document: docx.document.Document) -> None:
    """Two jobs as a Word CV template lays them out: a row each, [title, company and bullets | dates
    and place]; the second job's dates are broken over two lines of their cell after the dash."""
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [
            (("Senior Backend Engineer", "Acme Payments GmbH", "• Built the payment switch in Go and Kafka.",
              "• Ran the MySQL and Redis clusters."), ("Jan 2019 – Present", "Berlin, Germany")),
            (("PHP Developer", "Globex Ltd", "• Wrote Laravel services in Docker."), ("Mar 2015 –", "Dec 2018"))],
            strict=True):
        for cell, lines in zip(row.cells, cells, strict=True):
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line.removeprefix("• "), style="List Bullet" if line[0] == "•" else None)


def test_a_row_of_multi_line_cells_reads_as_one_entry_each_cell_beside_the_other(
        tmp_path: Path, screener: Screener) -> None:
    """The cells' short header lines side by side, then the bullets: a cell's second line is not read
    after the other cell's bullets, so each job keeps its dates (the second job's range is whole)."""
    document = docx.Document()
    document.add_heading("Experience", level=1)
    _entries_table(document)
    document.add_heading("Education", level=1)
    document.add_paragraph("BSc Computer Science, TU Berlin, 2010 – 2014")
    document.save(tmp_path / "cv.docx")
    outcome = screener.screen_file(tmp_path / "cv.docx")
    assert [line.text for line in outcome.document.lines][1:8] == [
        "Senior Backend Engineer\tJan 2019 – Present", "Acme Payments GmbH\tBerlin, Germany",
        "• Built the payment switch in Go and Kafka.", "• Ran the MySQL and Redis clusters.",
        "PHP Developer\tMar 2015 – Dec 2018", "Globex Ltd", "• Wrote Laravel services in Docker."]
    jobs = {p.title: (p.dates.text, p.text) for p in outcome.resume.positions}
    assert jobs["PHP Developer"][0] == "Mar 2015 – Dec 2018"
    assert "Laravel" in jobs["PHP Developer"][1] and "Laravel" not in jobs["Senior Backend Engineer"][1]
    assert outcome.experience.skills["laravel"].dated_months == 46
    assert outcome.experience.skills["kafka"].dated_months == outcome.resume.positions[0].dates.months


def test_a_heading_cell_beside_its_entries_is_read_before_them() -> None:
    """A label column ([Experience | the jobs]): the heading is its own line, not glued to a title."""
    document = docx.Document()
    label, entries = document.add_table(rows=2, cols=2).rows[0].cells
    label.paragraphs[0].add_run("Experience").bold = True
    entries.text = "Senior Backend Engineer, Acme Payments"
    entries.add_paragraph("Jan 2019 – Present")
    out = io.BytesIO()
    document.save(out)
    lines = [(line.text, line.heading) for line in extract_docx(out.getvalue(), Limits()).lines]
    assert lines == [("Experience", True), ("Senior Backend Engineer, Acme Payments", False),
                     ("Jan 2019 – Present", False)]


def test_a_sidebar_row_under_a_name_row_is_read_column_by_column() -> None:
    """A page laid out as a table of two rows (the name across, then [sidebar | main column]): the row
    whose cells hold headings of their own is columns, so no sidebar line is glued to a job's."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    top = table.rows[0].cells
    top[0].merge(top[1]).text = "Hamid Rezaei"
    sidebar, main = table.rows[1].cells
    sidebar.text = "Contact"
    for text, heading in (("hamid@example.com", False), ("Skills", True), ("Go, Kafka", False)):
        sidebar.add_paragraph(text, style="Heading 2" if heading else None)
    main.text = "Senior Backend Engineer — Caspian Pay"
    for text in ("Apr 2020 – Present", "Payment switch in Go.", "Experience before"):
        main.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    lines = [line.text for line in extract_docx(out.getvalue(), Limits()).lines]
    assert lines == ["Hamid Rezaei", "Contact", "hamid@example.com", "Skills", "Go, Kafka",
                     "Senior Backend Engineer — Caspian Pay", "Apr 2020 – Present", "Payment switch in Go.",
                     "Experience before"]


def test_text_box_is_read_once_despite_its_vml_fallback(cv: list[str]) -> None:
    assert cv.count(TEXTBOX_TEXT) == 1


def test_headers_first_footers_last_and_repeated_headers_once(cv: list[str]) -> None:
    assert cv[0] == "Jane Doe · Curriculum Vitae"
    assert cv[-1] == "jane@example.com · +44 20 5555 0100"
    assert cv.count("Jane Doe · Curriculum Vitae") == 1
    assert "Second section text." in cv


def test_tabs_and_breaks(cv: list[str]) -> None:
    assert "Go\tKafka" in cv
    assert cv[cv.index("Go\tKafka") + 1] == "Redis"


def test_revisions_and_field_codes(cv: list[str]) -> None:
    text = "\n".join(cv)
    assert "inserted words" in text and "field result" in text
    assert "deleted words" not in text
    assert "HYPERLINK" not in text and "field.example" not in text


def test_hidden_white_and_tiny_text_is_excluded_and_reported() -> None:
    document = extract_docx(_cv(), Limits())
    assert "Visible words." in document.text and "Also visible." in document.text
    for word in ("secret", "white keywords", "tiny keywords"):
        assert word not in document.text
    assert "hidden text excluded: 32 characters formatted as hidden" in document.warnings
    assert any(w.startswith("white text excluded: 14 characters") for w in document.warnings)
    assert any(w.startswith("tiny text excluded: 13 characters") for w in document.warnings)


def test_white_text_on_a_shaded_cell_is_kept() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run("Sidebar heading").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    cell._tc.get_or_add_tcPr().append(docx.oxml.parse_xml(f'<w:shd xmlns:w="{W_NS}" w:val="clear" w:fill="1B4D3E"/>'))
    out = io.BytesIO()
    document.save(out)
    result = extract_docx(out.getvalue(), Limits())
    assert [line.text for line in result.lines] == ["Sidebar heading"]
    assert result.warnings == ()


def test_heading_flags() -> None:
    lines = extract_docx(_cv(), Limits()).lines
    flags = {line.text: line.heading for line in lines}
    assert flags["Jane Doe"] and flags["Experience"]  # Title and Heading 1 styles
    assert not flags["Backend engineer in payments."]
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))


def test_short_all_bold_paragraph_is_a_heading() -> None:
    document = docx.Document()
    document.add_paragraph().add_run("Work history").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Go").bold = True
    mixed.add_run(" for five years")
    out = io.BytesIO()
    document.save(out)
    assert [(line.text, line.heading) for line in extract_docx(out.getvalue(), Limits()).lines] == [
        ("Work history", True), ("Go for five years", False)]


def _styled(styles: str, paragraphs: list[tuple[str, str]]) -> bytes:
    """A DOCX with its own styles.xml and one paragraph per (style id, text); '' means no pStyle."""
    body = "".join(f'<w:p><w:pPr><w:pStyle w:val="{sid}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>' if sid
                   else f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for sid, text in paragraphs)
    data = _with_document_xml(f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    return _replace_part(data, "word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'.encode())


def _style(sid: str, based: str = "", props: str = "", name: str = "") -> str:
    return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name or sid}"/>'
            + (f'<w:basedOn w:val="{based}"/>' if based else "") + props + "</w:style>")


def test_styles_are_inherited_through_based_on_chains_and_a_cycle_ends_one() -> None:
    styles = (_style("LoopA", based="LoopB") + _style("LoopB", based="LoopA")
              + _style("Section", props='<w:pPr><w:outlineLvl w:val="0"/></w:pPr>') + _style("Subsection", "Section")
              + _style("Secret", props="<w:rPr><w:vanish/></w:rPr>") + _style("SecretNote", "Secret")
              + '<w:style w:type="paragraph" w:default="1" w:styleId="Body"><w:pPr><w:numPr>'
                '<w:numId w:val="4"/></w:numPr></w:pPr></w:style>')
    document = extract_docx(_styled(styles, [("Subsection", "Work history"), ("", "Acme Payments"),
                                             ("SecretNote", "hidden words"), ("LoopA", "Looped style text"),
                                             ("Missing", "Unknown style text")]), Limits())
    assert [(line.text, line.heading) for line in document.lines] == [
        ("Work history", True), ("• Acme Payments", False), ("Looped style text", False),
        ("Unknown style text", False)]
    assert document.warnings == ("hidden text excluded: 12 characters formatted as hidden",)


def test_each_styles_part_is_read_as_its_own_though_styles_are_remembered_across_files() -> None:
    hidden = _styled(_style("Note", props="<w:rPr><w:vanish/></w:rPr>"), [("", "Visible line"), ("Note", "Note")])
    shown = _styled(_style("Note", props="<w:rPr><w:i/></w:rPr>"), [("", "Visible line"), ("Note", "Note")])
    read = [[line.text for line in extract_docx(data, Limits()).lines] for data in (hidden, shown, hidden, shown)]
    assert read == [["Visible line"], ["Visible line", "Note"]] * 2


def test_a_style_nested_deeper_than_lxml_reads_is_still_applied() -> None:
    """styles.xml is parsed by libxml2, which refuses nesting over 256 levels; ElementTree reads it then."""
    deep = "<w:group>" * 300 + _style("Deep", name="heading 1") + "</w:group>" * 300
    document = extract_docx(_styled(deep, [("Deep", "Experience")]), Limits())
    assert [(line.text, line.heading) for line in document.lines] == [("Experience", True)]


def test_a_damaged_styles_part_is_corrupt_in_the_words_of_any_other_part() -> None:
    with pytest.raises(ExtractError) as caught:
        extract_docx(_styled("<w:style>", [("", "Experience")]), Limits())
    assert caught.value.code == "corrupt" and "mismatched tag" in caught.value.message


# --- hostile files ------------------------------------------------------------------------------


def _with_document_xml(xml: str) -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return _replace_part(out.getvalue(), "word/document.xml", xml.encode())


XXE = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_entity_declarations_are_refused(xml: str) -> None:
    data = _with_document_xml(xml)
    with pytest.raises(ExtractError) as caught:
        extract(data, "cv.docx")
    assert caught.value.code == "unsafe"
    passwd = Path("/etc/passwd").read_text().splitlines() if Path("/etc/passwd").exists() else []
    assert passwd  # the test means nothing without a file to leak
    for line in passwd:
        assert line not in str(caught.value)


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_dtd_after_a_long_comment_is_refused(part: str) -> None:
    """The DOCTYPE arrives in a later chunk of the stream, straddling a chunk boundary."""
    padded = LAUGHS.replace("?>", "?><!--" + "x" * (70 * 1024 - 3) + "-->", 1)
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(ExtractError) as caught:
        extract_docx(_replace_part(out.getvalue(), part, padded.encode()), Limits())
    assert caught.value.code == "unsafe"


def test_xxe_in_styles_is_refused() -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    data = _replace_part(out.getvalue(), "word/styles.xml", XXE.encode())
    with pytest.raises(ExtractError) as caught:
        extract_docx(data, Limits())
    assert caught.value.code == "unsafe"


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_a_doctype_inside_the_root_element_is_corrupt_and_never_read(part: str) -> None:
    """The DTD guard stops at the root's start tag: a DOCTYPE may stand only before it, so one after it is
    a damaged part for the parser proper, and its entity is never resolved."""
    root = part.split("/")[1].removesuffix(".xml")
    xml = (f'<?xml version="1.0"?><w:{root} xmlns:w="{W_NS}"><!DOCTYPE w:{root} [<!ENTITY xxe SYSTEM '
           f'"file:///etc/passwd">]><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:{root}>')
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(ExtractError) as caught:
        extract_docx(_replace_part(out.getvalue(), part, xml.encode()), Limits())
    assert caught.value.code == "corrupt"


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_an_unknown_xml_encoding_is_corrupt(part: str) -> None:
    out = io.BytesIO()
    docx.Document().save(out)
    xml = zipfile.ZipFile(out).read(part).replace(b"encoding='UTF-8'", b"encoding='no-such-encoding'", 1)
    assert b"no-such-encoding" in xml
    with pytest.raises(ExtractError) as caught:
        extract_docx(_replace_part(out.getvalue(), part, xml), Limits())
    assert caught.value.code == "corrupt"


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_the_styles_parser_refuses_a_dtd_even_past_the_guard(xml: str) -> None:
    """The guard reads the prolog first; behind it, lxml refuses a DTD too (XXE), and a part lxml gives up
    on (the billion laughs, over libxml2's entity amplification limit) goes behind the guard again."""
    with pytest.raises(DTDForbidden):
        parse_tree(xml.encode())


def test_zip_bomb_over_the_inflated_limit_is_refused_before_inflating() -> None:
    paragraph = "<w:p><w:r><w:t>Kafka Kafka Kafka Kafka</w:t></w:r></w:p>"
    data = _with_document_xml(f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph * 100_000}</w:body></w:document>')
    assert len(data) < 100_000  # ~5 MB of XML, compressed
    started = time.monotonic()
    with pytest.raises(ExtractError) as caught:
        extract_docx(data, Limits(max_inflated_bytes=1_000_000))
    assert caught.value.code == "unsafe"
    assert time.monotonic() - started < 1.0


def test_absurd_compression_ratio_is_refused_under_default_limits() -> None:
    data = _with_document_xml(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'
                              f'{"a" * 20_000_000}</w:t></w:r></w:p></w:body></w:document>')
    started = time.monotonic()
    with pytest.raises(ExtractError) as caught:
        extract_docx(data, Limits())
    assert caught.value.code == "unsafe" and "ratio" in caught.value.message
    assert time.monotonic() - started < 1.0


def test_inflated_bytes_are_counted_while_streaming() -> None:
    archive = zipfile.ZipFile(io.BytesIO(_cv()))
    budget = Budget(archive, 10_000_000)
    stream = budget.open("word/document.xml")
    assert stream is not None
    budget.left = 100  # as if earlier parts had used the rest
    with pytest.raises(ExtractError) as caught:
        stream.read(4096)
    assert caught.value.code == "unsafe"


def test_member_larger_than_its_declared_size_is_not_read_past_it() -> None:
    body = f'<w:document xmlns:w="{W_NS}"><w:body>' + "<w:p/>" * 200_000 + "</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body)
    data = bytearray(out.getvalue())
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, 22, 1000)  # local header: uncompressed size
    struct.pack_into("<I", data, central + 24, 1000)  # central directory: uncompressed size
    with pytest.raises(ExtractError) as caught:
        extract_docx(bytes(data), Limits(max_inflated_bytes=2000))
    assert caught.value.code in ("corrupt", "unsafe")


def test_not_a_zip_named_docx() -> None:
    with pytest.raises(ExtractError) as caught:
        extract_docx(b"this is not a zip archive", Limits())
    assert caught.value.code == "corrupt"
    with pytest.raises(ExtractError) as caught:
        extract(b"PK\x03\x04" + bytes(range(256)) * 4, "cv.docx")
    assert caught.value.code == "corrupt"
    with pytest.raises(ExtractError) as caught:
        extract(bytes(range(256)) * 16, "cv.docx")
    assert caught.value.code == "unsupported_format"


def test_zip_without_word_document_is_unsupported() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ExtractError) as caught:
        extract(out.getvalue(), "cv.docx")
    assert caught.value.code == "unsupported_format"


def test_pdf_bytes_named_docx_are_sniffed_as_pdf() -> None:
    assert sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "cv.docx") == "pdf"
    assert sniff(_cv(), "cv.pdf") == "docx"


@pytest.mark.parametrize(("data", "code"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unsupported_format"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
], ids=["legacy-doc", "encrypted-docx"])
def test_ole_containers(data: bytes, code: str) -> None:
    with pytest.raises(ExtractError) as caught:
        extract(data, "cv.doc")
    assert caught.value.code == code


# --- real files (read-only, not committed) -------------------------------------------------------

needs_shared = pytest.mark.skipif(not (SHARED / "devset").is_dir(), reason="shared dev set not available")


@needs_shared
def test_devset_text_box_cv() -> None:
    text = extract_file(SHARED / "devset/cvs/d06.docx").text
    assert text.count("aisha.rahman@example.my") == 1
    assert "Selat Digital Bank, Kuala Lumpur  |  09.2022 – Present" in text
    assert text.index("CONTACT") < text.index("EXPERIENCE")


@needs_shared
def test_devset_table_positions_keep_cell_order() -> None:
    lines = [line.text for line in extract_file(SHARED / "devset/cvs/d02.docx").lines]
    body = lines[lines.index("Professional Experience"):]
    order = ["Period\tRole\tCompany", "May 2026 – Present\tTech Lead, Event Platform\tBaltica Freight",
             "February 2021 – April 2026\tSenior Backend Developer\tBaltica Freight", "Education"]
    assert [body.index(text) for text in order] == sorted(body.index(text) for text in order)
    # a cell's further short line (the company's city) is read with the row's header, then the bullets
    row = body.index(order[1])
    assert body[row + 1] == "Kraków" and body[row + 2].startswith("• Leading the first Kafka rollout")


@needs_shared
def test_devset_header_tables() -> None:
    lines = [line.text for line in extract_file(SHARED / "devset/cvs/d17.docx").lines]
    at = lines.index("Senior Rust Engineer\t2021-11 – present")
    assert lines[at:at + 2] == ["Senior Rust Engineer\t2021-11 – present", "Nordlys Exchange ASA, Oslo"]


@needs_shared
def test_devset_zero_byte_docx_is_empty() -> None:
    with pytest.raises(ExtractError) as caught:
        extract_file(SHARED / "devset/cvs/d23.docx")
    assert caught.value.code == "empty"


@needs_shared
def test_docling_textbox_document_matches_its_ground_truth() -> None:
    document = extract_file(SHARED / "corpus/real/docling-textbox.docx")
    expected = (SHARED / "corpus/real/expected/docling/textbox.docx.md").read_text()
    expected = re.sub(r"^\d+\. |<!-- image -->", "", expected, flags=re.MULTILINE)  # Markdown list numbers
    words = set(re.findall(r"\w+", expected.lower()))
    assert words <= set(re.findall(r"\w+", document.text.lower()))
    assert len(document.text) > 1800  # python-docx's Document.paragraphs gives ~200
    assert document.text.count("Student falls ill") == 1
