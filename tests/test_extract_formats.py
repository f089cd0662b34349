"""HTML, ODT and RTF: sniffed from their bytes, read into lines with headings, tables as TAB-separated
cells, hidden text left out and reported, and screened with years measured. Files are generated here."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from screener.errors import ExtractError
from screener.extract import Limits, extract
from screener.pipeline import Screener

JOB = "Backend Engineer, Acme Payments"
DATES = "Jan 2019 – Dec 2022"
BULLET = "Go services with Kafka and MySQL"


def screened(tmp_path: Path, screener: Screener, data: bytes, name: str):
    (tmp_path / name).write_bytes(data)
    outcome = screener.screen_file(tmp_path / name)
    assert outcome.status == "ok", outcome.error_message
    return outcome


# --- HTML -------------------------------------------------------------------------------------------

def html(extra: str = "") -> bytes:
    return f"""<!DOCTYPE html>
<html><head><title>CV</title><style>.x {{ display: none }} p.small {{font-size:0}}</style>
<script>document.write("Kafka for 20 years")</script><link rel="stylesheet" href="http://example.invalid/a.css">
</head><body><h1>Sam Example</h1><h2>Experience</h2>
<table><tr><td>{JOB}</td><td>{DATES.replace("–", "&ndash;")}</td></tr></table>
<ul><li>Go services with <b>Kafka</b> and MySQL</li></ul>
<h2>Skills</h2><p>Docker<br>Redis</p>{extra}</body></html>""".encode()


def test_html_lines_headings_tables_and_bullets(tmp_path: Path, screener: Screener) -> None:
    outcome = screened(tmp_path, screener, html(), "cv.htm")
    doc = outcome.document
    assert doc.kind == "html" and doc.warnings == ()
    assert [(ln.text, ln.heading) for ln in doc.lines] == [
        ("Sam Example", True), ("Experience", True), (f"{JOB}\t{DATES}", False), (f"• {BULLET}", False),
        ("Skills", True), ("Docker", False), ("Redis", False)]
    assert "Kafka for 20" not in doc.text  # scripts are not text
    assert outcome.experience.skills["kafka"].dated_months == 48
    assert outcome.experience.skills["redis"].mentioned


def test_hidden_html_elements_are_left_out_and_reported(tmp_path: Path, screener: Screener) -> None:
    hidden = ('<div class="x">Rust expert</div><p class="small">Python guru</p><span hidden>Java</span>'
              '<p aria-hidden="true">Scala</p><p style="visibility:hidden">Elixir</p>'
              '<p style="display: none">Haskell</p><i class="icon" aria-hidden="true"></i>')
    outcome = screened(tmp_path, screener, html(hidden), "cv.html")
    text = outcome.document.text
    assert not any(word in text for word in ("Rust", "Python", "Java", "Scala", "Elixir", "Haskell"))
    [warning] = outcome.document.warnings
    assert warning.startswith("hidden text excluded: ")
    for why in ("display:none", "font-size:0", "the hidden attribute", 'aria-hidden="true"', "visibility:hidden"):
        assert why in warning
    assert outcome.assessment.verdict != "pass"  # hidden text: a person checks it


def test_an_html_table_row_of_block_cells_reads_as_one_entry(tmp_path: Path, screener: Screener) -> None:
    """Cells holding paragraphs and lists (a browser CV theme's table): the title beside its dates, then
    the bullets, not the dates after the bullets where no position can find them."""
    row = ("<tr><td><p><b>{}</b></p><p>{}</p><ul><li>{}</li></ul></td><td><p>{}</p><p>{}</p></td></tr>")
    body = (row.format("PHP Developer", "Globex Ltd", "Wrote Laravel services in Docker.", "Mar 2015 –", "Dec 2018")
            + row.format("Backend Engineer", "Acme Payments", "Go services with Kafka.", "Jan 2019 –", "Dec 2022"))
    page = f"<html><body><h2>Experience</h2><table>{body}</table><h2>Education</h2><p>BSc, 2010 – 2014</p>"
    outcome = screened(tmp_path, screener, page.encode(), "cv.html")
    assert [ln.text for ln in outcome.document.lines][1:7] == [
        "PHP Developer\tMar 2015 – Dec 2018", "Globex Ltd", "• Wrote Laravel services in Docker.",
        "Backend Engineer\tJan 2019 – Dec 2022", "Acme Payments", "• Go services with Kafka."]
    assert outcome.experience.skills["laravel"].dated_months == 46
    assert outcome.experience.skills["kafka"].dated_months == 48


@pytest.mark.parametrize("between", ['<i class="icon-clock"></i>', '<i class="fa fa-clock" aria-hidden="true"></i>',
                                     '<img src="clock.png" alt="">', '<svg><path d="M0 0h9"/></svg>',
                                     '<span class="sep"></span>'])
def test_an_icon_between_two_runs_sets_them_apart(tmp_path: Path, screener: Screener, between: str) -> None:
    """A theme prints a job's duration beside its dates with an icon between them, and no blank."""
    page = (f"<html><body><h2>Experience</h2><p><b>{JOB}</b></p><p><span>{DATES}</span>{between}"
            f"<span>4 years</span></p><ul><li>{BULLET}</li></ul></body></html>")
    outcome = screened(tmp_path, screener, page.encode(), "cv.html")
    assert f"{DATES} 4 years" in [ln.text for ln in outcome.document.lines]
    assert outcome.experience.skills["kafka"].dated_months == 48


def test_tabs_that_indent_the_pages_source_are_blanks_not_cells(tmp_path: Path, screener: Screener) -> None:
    """A theme's template indents with TABs inside a line's elements; only a <pre> keeps them as columns."""
    page = ("<html><body><h2>Experience</h2>\n\t<div>\n\t\t<div>Backend Engineer</div>\n\t\t<div><span>Acme"
            f"</span>\n\t\t\t<span>|\n\t\t\t\t<span>Jan 2019</span>\n\t\t\t\t<span>- Dec 2022</span></span></div>"
            f"<ul><li>{BULLET}</li></ul></div><pre>Go\t5 years</pre></body></html>")
    outcome = screened(tmp_path, screener, page.encode(), "cv.html")
    lines = [ln.text for ln in outcome.document.lines]
    assert lines[1:3] == ["Backend Engineer", "Acme | Jan 2019 - Dec 2022"] and lines[-1] == "Go\t5 years"
    [job] = outcome.experience.positions
    assert (job.title, job.organisation) == ("Backend Engineer", "Acme")


def test_html_is_sniffed_from_its_bytes_not_its_name() -> None:
    assert extract(html(), "cv.txt").kind == "html"
    assert extract(b"<p>Just a paragraph mentioning <b>Go</b></p>", "notes.html").kind == "text"


# --- ODT --------------------------------------------------------------------------------------------

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
STYLES = ('<office:automatic-styles><style:style style:name="T1" style:family="text">'
          '<style:text-properties text:display="none"/></style:style>'
          '<style:style style:name="T2" style:family="text"><style:text-properties fo:color="#ffffff"/>'
          '</style:style></office:automatic-styles>')


def odt_content(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS}>{STYLES}'
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")


BODY = (f'<text:h text:outline-level="1">Experience</text:h><table:table><table:table-row>'
        f"<table:table-cell><text:p>{JOB}</text:p></table:table-cell>"
        f"<table:table-cell><text:p>{DATES}</text:p></table:table-cell></table:table-row></table:table>"
        f"<text:list><text:list-item><text:p>Go services<text:s/>with Kafka and MySQL</text:p></text:list-item>"
        f'</text:list><text:p>Rust<text:span text:style-name="T1"> and Scala for 9 years</text:span></text:p>'
        f'<text:p text:style-name="T2">Java</text:p><text:h text:outline-level="1">Skills</text:h>'
        f"<text:p>Docker<text:line-break/>Redis</text:p>")


def odt(content: str, size: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
        if size is None:
            archive.writestr("content.xml", content)
        else:
            with archive.open("content.xml", "w", force_zip64=True) as member:
                for _ in range(size >> 20):
                    member.write(b" " * (1 << 20))
    return buffer.getvalue()


def test_odt_body_in_order_with_hidden_and_white_text_reported(tmp_path: Path, screener: Screener) -> None:
    outcome = screened(tmp_path, screener, odt(odt_content(BODY)), "cv.odt")
    doc = outcome.document
    assert doc.kind == "odt"
    assert [(ln.text, ln.heading) for ln in doc.lines] == [
        ("Experience", True), (f"{JOB}\t{DATES}", False), (f"• {BULLET}", False), ("Rust", False),
        ("Skills", True), ("Docker", False), ("Redis", False)]
    assert doc.warnings == ('hidden text excluded: 17 characters formatted as hidden (text:display="none")',
                            "hidden text excluded: 4 characters in white on a white background")
    assert outcome.experience.skills["go"].dated_months == 48


def test_an_odt_table_row_of_several_paragraphs_and_a_list_per_cell_reads_as_one_entry(
        tmp_path: Path, screener: Screener) -> None:
    """LibreOffice's CV tables: [title, company, bullets | a range broken after its dash]. Every cell's
    lines are read (its list too), the header lines side by side, so the job keeps its dates and skills."""
    def cell(*paragraphs: str, bullets: tuple[str, ...] = ()) -> str:
        items = "".join(f"<text:list-item><text:p>{b}</text:p></text:list-item>" for b in bullets)
        return ("<table:table-cell>" + "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
                + (f"<text:list>{items}</text:list>" if items else "") + "</table:table-cell>")

    body = ('<text:h text:outline-level="1">Experience</text:h><table:table><table:table-row>'
            + cell("PHP Developer", "Globex Ltd", bullets=("Wrote Laravel services in Docker.",))
            + cell("Mar 2015 –", "Dec 2018") + "</table:table-row><table:table-row>"
            + cell("Backend Engineer", "Acme Payments", bullets=("Go services with Kafka.",))
            + cell("Jan 2019 – Dec 2022") + '</table:table-row></table:table><text:h text:outline-level="1">'
            "Education</text:h><text:p>BSc Computer Science, 2010 – 2014</text:p>")
    outcome = screened(tmp_path, screener, odt(odt_content(body)), "cv.odt")
    assert [ln.text for ln in outcome.document.lines][1:7] == [
        "PHP Developer\tMar 2015 – Dec 2018", "Globex Ltd", "• Wrote Laravel services in Docker.",
        "Backend Engineer\tJan 2019 – Dec 2022", "Acme Payments", "• Go services with Kafka."]
    assert outcome.experience.skills["laravel"].dated_months == 46
    assert outcome.experience.skills["kafka"].dated_months == 48


@pytest.mark.parametrize(("prolog", "body"), [
    ('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "<text:p>&e;</text:p>"),
    ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', "<text:p>&b;</text:p>")])
def test_odt_entities_are_unsafe(prolog: str, body: str) -> None:
    with pytest.raises(ExtractError) as err:
        extract(odt(odt_content(body, prolog)), "cv.odt")
    assert err.value.code == "unsafe"


def test_an_odt_in_an_unknown_xml_encoding_is_corrupt() -> None:
    with pytest.raises(ExtractError) as err:
        extract(odt(odt_content(BODY).replace('encoding="UTF-8"', 'encoding="no-such-encoding"')), "cv.odt")
    assert err.value.code == "corrupt"


def test_an_odt_bomb_is_unsafe() -> None:
    with pytest.raises(ExtractError) as err:
        extract(odt("", size=80 << 20), "cv.odt", Limits())
    assert err.value.code == "unsafe"


# --- RTF --------------------------------------------------------------------------------------------

RTF = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}{\b EXPERIENCE}\par "
       r"\trowd\cellx4000\cellx8000 Backend Engineer, Acme Payments\cell Jan 2019 \endash  Dec 2022\cell\row "
       r"Go services with Kafka and MySQL\par {\v Rust for 12 years}\par SKILLS\par Docker, Redis, Caf\'e9\par }")


def test_rtf_lines_tables_code_page_and_hidden_text(tmp_path: Path, screener: Screener) -> None:
    outcome = screened(tmp_path, screener, RTF.encode("ascii"), "cv.doc")  # the name does not matter
    doc = outcome.document
    assert doc.kind == "rtf"
    assert [ln.text for ln in doc.lines] == ["EXPERIENCE", f"{JOB}\t{DATES}", BULLET, "SKILLS",
                                             "Docker, Redis, Café"]
    assert doc.warnings == ("hidden text excluded: 14 characters formatted as hidden",)
    assert outcome.experience.skills["mysql"].dated_months == 48


def test_a_truncated_rtf_still_gives_its_text_or_a_clear_error() -> None:
    try:
        doc = extract(RTF[:120].encode("ascii"), "cv.rtf")
    except ExtractError as err:
        assert err.code in ("corrupt", "no_text")
    else:
        assert "EXPERIENCE" in doc.text
