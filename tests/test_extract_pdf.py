"""PDF extraction: rows by baseline, TAB before a right-hand date, sidebars kept apart, hidden text,
and every failure as an ExtractError. PDFs are drawn with reportlab inside the tests."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from screener.errors import ExtractError
from screener.extract import Limits
from screener.extract.pdf import Glyph, PdfBackend, RawPage, extract_pdf
from screener.model import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
LIPSUM = ["Designed", "and", "operated", "payment", "services", "in", "Go", "with", "Kafka", "consumers",
          "and", "MySQL", "storage,", "reviewed", "code,", "mentored", "engineers,", "wrote", "runbooks"]


def make_pdf(*pages: Callable[[Canvas], None], encrypt: StandardEncryption | None = None) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842), encrypt=encrypt, invariant=1)
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def read(data: bytes, **limits: int) -> Document:
    return extract_pdf(data, Limits(**limits))


def texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines]


def cv_page(canvas: Canvas) -> None:
    """Eight jobs, each a title with its dates flush right on the same baseline, then two bullets."""
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(50, 800, "Jane Example")
    y = 760
    for n in range(8):
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(50, y, f"Backend Engineer {n}, Acme {n}")
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(545, y, f"Jan {2010 + n} – Dec {2010 + n}")
        canvas.setFont("Helvetica", 10)
        for k in range(2):
            canvas.drawString(60, y - 14 * (k + 1), f"- bullet {n}.{k}: " + " ".join(LIPSUM[:12]))
        y -= 56


def sidebar_page(canvas: Canvas) -> None:
    """A main column of prose on the left and a dense sidebar on the right at a different leading."""
    canvas.setFont("Helvetica", 10)
    for i in range(30):
        canvas.drawString(50, 790 - 14 * i, f"main {i} " + " ".join(LIPSUM[i % 5:i % 5 + 6]))
    for i in range(22):
        canvas.drawString(420, 795 - 16.5 * i, f"side {i} Kafka Redis")


# --- layout -------------------------------------------------------------------------------------------

def test_right_aligned_date_stays_on_its_title_line_after_a_tab() -> None:
    lines = texts(read(make_pdf(cv_page)))
    for n in range(8):
        title = f"Backend Engineer {n}, Acme {n}\tJan {2010 + n} – Dec {2010 + n}"
        assert title in lines
        assert lines[lines.index(title) + 1].startswith(f"- bullet {n}.0:")
    assert not any("\t" in line for line in lines if line.startswith("-"))


def test_a_title_running_under_its_right_aligned_dates_is_not_interleaved() -> None:
    title = "Senior Software Engineer, Payments Infrastructure — Aegean Digital Payments Processing SA"

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, 700, title)
        canvas.drawRightString(545, 700, "Nov 2021 – Present")

    assert texts(read(make_pdf(page)))[0] == title + "\tNov 2021 – Present"


def test_dense_sidebar_is_a_block_of_its_own_not_interleaved() -> None:
    lines = texts(read(make_pdf(sidebar_page)))
    assert not any("main" in line and "side" in line for line in lines)
    kinds = [line.split()[0] for line in lines]
    assert kinds == ["main"] * 30 + ["side"] * 22  # the wider column first, each top to bottom
    assert [int(line.split()[1]) for line in lines[30:]] == list(range(22))


def test_a_short_sidebar_beside_a_long_work_history_is_its_own_block() -> None:
    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        for i in range(45):  # the main column runs down the whole page, at the sidebar's leading
            canvas.drawString(50, 790 - 16 * i, f"main {i} " + " ".join(LIPSUM[i % 5:i % 5 + 6]))
        for i in range(14):  # the sidebar stops after a third of it
            canvas.drawString(420, 790 - 16 * i, f"side {i} Kafka Redis")

    kinds = [line.split()[0] for line in texts(read(make_pdf(page)))]
    assert kinds == ["main"] * 45 + ["side"] * 14


@pytest.mark.parametrize(("jobs_shown", "bullets"), [(5, 4), (8, 1)], ids=["long-jobs", "more-dates-than-sidebar"])
def test_a_skills_sidebar_of_a_few_lines_beside_the_first_job_is_read_apart_from_it(jobs_shown: int,
                                                                                     bullets: int) -> None:
    """A left sidebar of six lines (a skills heading, its tags, a languages heading) sits beside the
    summary and the first job; the jobs run down the page, each company on a line of its own under its
    title, its dates flush right. The tags are the skills section's mentions, and no job takes a sidebar
    line as its company, also when the column of dates has more lines than the sidebar (its gutter,
    found first, is a date column's, and the sidebar's is tried next)."""
    from screener.parse import parse

    jobs = [("Senior Backend Engineer", "Quillmoor Freight, Leeds", "Mar 2021 – Present"),
            ("Software Engineer", "Dunlin Pay, York", "Feb 2017 – Feb 2021"),
            ("Junior Developer", "Oddlamp Studio, Hull", "Jun 2014 – Jan 2017"),
            ("Web Developer", "Marram Digital, Whitby", "Sep 2012 – May 2014"),
            ("Support Engineer", "Tern Telecom, Scarborough", "Jan 2011 – Aug 2012"),
            ("Web Developer", "Puffin Print, Filey", "Mar 2010 – Dec 2010"),
            ("Junior Developer", "Guillemot Games, Bridlington", "Jun 2009 – Feb 2010"),
            ("Trainee Developer", "Kittiwake Soft, Hornsea", "Sep 2008 – May 2009")][:jobs_shown]

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 11)
        for y, text in ((790, "Skills"), (730, "Languages")):
            canvas.drawString(40, y, text)
        canvas.setFont("Helvetica", 9)
        for y, text in ((775, "Rust, Elixir, Terraform,"), (761, "Ansible, Haskell,"), (747, "Scala"),
                        (715, "English, Welsh")):
            canvas.drawString(40, y, text)
        canvas.drawString(210, 790, "Robin Quill")
        canvas.drawString(210, 775, "Backend engineer who likes queues and boring databases.")
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(210, 745, "Work Experience")
        y = 730
        for title, company, when in jobs:
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawString(210, y, title)
            canvas.setFont("Helvetica", 9)
            canvas.drawRightString(555, y, when)
            canvas.drawString(210, y - 13, company)
            for k in range(bullets):
                canvas.drawString(210, y - 13 * (k + 2), "• " + " ".join(LIPSUM[k:k + 7]))
            y -= 13 * (bullets + 2) + 12

    doc = read(make_pdf(page))
    lines = texts(doc)
    assert not any("Rust" in line and len(line.split("\t")) > 1 for line in lines), lines
    resume = parse(doc, 2026 * 12 + 10)
    assert [(p.title, p.organisation) for p in resume.positions] == [
        (title, company.split(",")[0]) for title, company, _ in jobs]
    skills = [line.text for s in resume.sections if s.kind == "skills" for line in s.lines]
    assert "Rust, Elixir, Terraform," in skills
    assert not any("Rust" in line.text for p in resume.positions for line in p.lines)


def test_education_and_experience_side_by_side_each_entry_opened_by_its_dates() -> None:
    """Two columns of equal width, Education left and Experience right (a LaTeX two-column template):
    each entry opens with 'dates - organisation', and the current job prints only its start
    ('2019 / 04 - Saltmere Labs'); an older entry with a start alone is a course, not a period."""
    from screener.parse import parse

    education = [("2012 - 2014 - University of Tarn", "MSc Computing"),
                 ("2008 - 2012 - University of Tarn", "BSc Computing"), ("2007 / 06 - Exeter College", "A levels")]
    experience = [("2019 / 04 - Saltmere Labs", "Backend Engineer"), ("2016 - 2019 - Kelp Freight", "Go Developer"),
                  ("2015 / 03 - Brightwater Training", "Scrum Master Course"),
                  ("2014 - 2016 - Harrow Data", "Software Engineer")]

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(40, 800, "Education")
        canvas.drawString(310, 800, "Experience")
        for x, entries in ((40, education), (310, experience)):
            y = 775
            for dates_org, title in entries:
                canvas.setFont("Helvetica-Bold", 9)
                canvas.drawString(x, y, dates_org)
                canvas.setFont("Helvetica", 9)
                canvas.drawString(x, y - 12, title)
                for k in range(3):
                    canvas.drawString(x + 10, y - 12 * (k + 2), " ".join(LIPSUM[k + 3:k + 8]))
                y -= 70

    resume = parse(read(make_pdf(page)), 2026 * 12 + 10)
    assert [(p.title, p.organisation, p.dates.start, p.dates.end, p.dates.ongoing) for p in resume.positions] == [
        ("Backend Engineer", "Saltmere Labs", 2019 * 12 + 3, 2026 * 12 + 10, True),
        ("Go Developer", "Kelp Freight", 2016 * 12 + 6, 2019 * 12 + 5, False),
        ("Software Engineer", "Harrow Data", 2014 * 12 + 6, 2016 * 12 + 5, False)]


def test_dates_flush_right_in_the_main_column_stay_with_their_titles_beside_a_sidebar() -> None:
    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        y = 790
        for n in range(6):
            canvas.drawString(50, y, f"Engineer {n}, Acme {n}")
            canvas.drawRightString(380, y, f"Jan {2010 + n} – Dec {2010 + n}")
            for k in range(3):
                canvas.drawString(50, y - 16 * (k + 1), f"- bullet {n}.{k} " + " ".join(LIPSUM[:5]))
            y -= 64
        for i in range(12):
            canvas.drawString(420, 783 - 13 * i, f"side {i} Kafka")

    lines = texts(read(make_pdf(page)))
    for n in range(6):
        assert f"Engineer {n}, Acme {n}\tJan {2010 + n} – Dec {2010 + n}" in lines
    assert not any("side" in line and "Engineer" in line for line in lines)


def test_headings_line_numbers_pages_and_x0() -> None:
    def page(text: str) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            canvas.setFont("Helvetica", 18)
            canvas.drawString(50, 800, "Curriculum Vitae")
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawString(50, 770, "Experience")
            canvas.setFont("Helvetica", 10)
            canvas.drawString(72, 750, text)
            canvas.drawString(50, 736, "SKILLS")
        return draw

    doc = read(make_pdf(page("Go and Kafka for six years at Acme Payments"), page("second page body text")))
    assert doc.kind == "pdf" and doc.pages == 2
    assert [(line.number, line.page) for line in doc.lines] == [(n, 1 + (n > 4)) for n in range(1, 9)]
    assert [line.heading for line in doc.lines[:4]] == [True, True, False, True]
    assert doc.lines[2].x0 == pytest.approx(72, abs=0.5)


def test_label_column_heading_becomes_its_own_line() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        for i, label in enumerate(["EXPERIENCE", "", "", "EDUCATION", ""]):
            canvas.drawString(50, 700 - 20 * i, label)
            canvas.drawString(160, 700 - 20 * i, f"Entry {i} at Acme")

    lines = read(make_pdf(draw)).lines
    assert [(line.text, line.heading) for line in lines[:3]] == [
        ("EXPERIENCE", True), ("Entry 0 at Acme", False), ("Entry 1 at Acme", False)]


def test_justified_text_gets_spaces_not_tabs_and_superscripts_join_their_line() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.saveState()  # the text state (word spacing) lasts until restored
        text = canvas.beginText(50, 700)
        text.setFont("Helvetica", 10)
        text.setWordSpace(14)  # every word space stretched by 1.4 em, as in a loose justified line
        text.textOut("one two three four five")
        canvas.drawText(text)
        canvas.restoreState()
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, 660, "finished 1")
        canvas.setFont("Helvetica", 6)
        canvas.drawString(50 + canvas.stringWidth("finished 1", "Helvetica", 10), 664, "st")

    assert texts(read(make_pdf(draw))) == ["one two three four five", "finished 1st"]


def test_letter_spacing_is_collapsed_by_geometry() -> None:
    def draw(canvas: Canvas) -> None:
        x = 50.0
        for word in ["2020", "TO", "PRESENT"]:  # words placed one by one: no space glyphs at all
            text = canvas.beginText(x, 700)
            text.setFont("Helvetica", 8)
            text.setCharSpace(2.5)  # tracking of 0.31 em after every glyph
            text.textOut(word)
            canvas.drawText(text)
            x += canvas.stringWidth(word, "Helvetica", 8) + 2.5 * len(word) + 3  # plus a word space

    assert texts(read(make_pdf(draw))) == ["2020 TO PRESENT"]


# --- hidden text ----------------------------------------------------------------------------------------

def test_white_tiny_off_page_and_invisible_text_are_excluded_and_reported() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, 800, "Visible backend engineer with Go")
        canvas.setFillColorRGB(1, 1, 1)
        canvas.drawString(50, 780, "Kafka Kafka Kafka")  # 17 characters, 15 of them ink
        canvas.setFillColorRGB(0.1, 0.2, 0.3)
        canvas.rect(300, 600, 200, 100, fill=1, stroke=0)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.drawString(310, 650, "Sidebar Redis")  # white on a dark box: visible
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 1)
        canvas.drawString(50, 760, "MySQL")
        canvas.setFont("Helvetica", 10)
        canvas.drawString(-400, 740, "Docker")
        text = canvas.beginText(50, 720)
        text.setTextRenderMode(3)
        text.textOut("Rust")
        canvas.drawText(text)

    doc = read(make_pdf(draw))
    assert texts(doc) == ["Visible backend engineer with Go", "Sidebar Redis"]
    assert doc.warnings == (("hidden text excluded: 15 white-on-white characters on page 1; "
                             "5 tiny-font (< 2 pt) characters on page 1; 6 off-page characters on page 1; "
                             "4 invisible (rendering mode 3) characters on page 1"),)


def test_an_invisible_ocr_layer_is_kept_with_a_warning() -> None:
    def draw(canvas: Canvas) -> None:
        text = canvas.beginText(50, 700)
        text.setFont("Helvetica", 10)
        text.setTextRenderMode(3)
        text.textLine("Scanned page text from OCR")
        canvas.drawText(text)

    doc = read(make_pdf(draw))
    assert texts(doc) == ["Scanned page text from OCR"]
    assert "invisible layer" in doc.warnings[0]


def test_an_accent_drawn_over_its_letter_is_read_as_one_accented_letter() -> None:
    # pdfTeX with OT1 fonts sets 'é' as an 'e' and a '´' of its own placed over it (and 'ê' with 'ˆ');
    # the word must come out whole and accented, not cut where the accent sits
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 11)
        for y, pieces in ((700, ("Exp", ("e", "´"), "rience professionnelle")), (680, ("Compet", ("e", "ˆ"), "ncias"))):
            x = 50.0
            for piece in pieces:
                if isinstance(piece, tuple):  # the accent first, centred over the letter, as TeX's \accent does
                    piece, accent = piece
                    shift = canvas.stringWidth(piece, "Helvetica", 11) - canvas.stringWidth(accent, "Helvetica", 11)
                    canvas.drawString(x + shift / 2, y, accent)
                canvas.drawString(x, y, piece)
                x += canvas.stringWidth(piece, "Helvetica", 11)

    assert texts(read(make_pdf(draw))) == ["Expérience professionnelle", "Competências"]


class _GlyphsBackend:
    """A fake backend: one page of the given glyphs."""

    def __init__(self, glyphs: list[Glyph]) -> None:
        self.glyphs = glyphs

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        return [RawPage(1, 595, 842, self.glyphs)]


def test_a_glyph_that_maps_to_an_accent_and_its_letter_is_the_accented_letter() -> None:
    # a PDF's ToUnicode may map TeX's composite to two characters, the accent first: '´o'
    word = ["K", "r", "a", "k", "´o", "w", " ", "R", "e", "m", "o", "t", "e"]
    glyphs = [Glyph(ch, 50 + 6 * i, 55.5 + 6 * i, 698, 708, 700, 10) for i, ch in enumerate(word)]
    assert texts(extract_pdf(b"", Limits(), backend=_GlyphsBackend(glyphs))) == ["Kraków Remote"]


def test_a_job_running_over_a_page_break_is_not_cut_by_the_sidebar_beside_its_first_half() -> None:
    """Page 1: a short sidebar (skills and languages) left of a column of jobs; the last job's bullets
    go on at the top of page 2. Its page-2 lines are still the job's, not the languages section's."""
    from screener.parse import parse

    jobs = [("Platform Engineer", "Sandpiper Rail", "Apr 2022 – Present"),
            ("Backend Developer", "Gannet Insurance", "Jan 2019 – Mar 2022"),
            ("Developer", "Shag Analytics", "Jun 2016 – Dec 2018"),
            ("Junior Developer", "Puffin Print", "Aug 2014 – May 2016"),
            ("Support Developer", "Fulmar Telecom", "Sep 2011 – Jul 2014")]

    def first(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 11)
        for y, text in ((800, "Skills"), (740, "Languages")):
            canvas.drawString(40, y, text)
        canvas.setFont("Helvetica", 9)
        for y, text in ((785, "Elixir, Haskell,"), (771, "Terraform,"), (757, "Ansible"), (725, "English, Gaelic")):
            canvas.drawString(40, y, text)
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(210, 800, "Employment History")
        y = 780
        for title, company, when in jobs:
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawString(210, y, f"{title}, {company}")
            canvas.setFont("Helvetica", 9)
            canvas.drawRightString(555, y, when)
            for k in range(7):
                canvas.drawString(210, y - 13 * (k + 1), "• " + " ".join(LIPSUM[k:k + 7]))
            y -= 13 * 8 + 14

    def second(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 9)
        for k, text in enumerate(("• Ran the Kafka brokers for the billing team.", "• Kept the MySQL replicas fresh.")):
            canvas.drawString(210, 800 - 13 * k, text)

    resume = parse(read(make_pdf(first, second)), 2026 * 12 + 10)
    assert [p.organisation for p in resume.positions] == [company for _, company, _ in jobs]
    last = " ".join(line.text for line in resume.positions[-1].lines)
    assert "Kafka brokers" in last and "MySQL replicas" in last


def test_a_sidebar_line_running_into_the_gutter_does_not_join_the_sidebar_to_the_jobs() -> None:
    """A left sidebar whose tag line is too wide for it (TeX sets it overfull) runs into the gutter up to
    where the main column starts, on a baseline of its own. The sidebar is still read apart: no job
    line holds a sidebar's words."""
    jobs = [("Release Engineer, Kittiwake Maps", "Feb 2020 – Present"),
            ("Backend Developer, Guillemot Bank", "Mar 2017 – Jan 2020"),
            ("Developer, Skua Games", "May 2014 – Feb 2017")]

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 11)
        for y, text in ((795, "Skills"), (735, "Education"), (690, "Languages")):
            canvas.drawString(40, y, text)
        canvas.setFont("Helvetica", 9)
        wide = "Go Kafka Redis Docker Ruby"  # ends where the main column begins
        canvas.drawString(200 - canvas.stringWidth(wide, "Helvetica", 9) + 10, 781, wide)
        for y, text in ((769, "Erlang Lua"), (721, "BSc Physics"), (709, "Univ. of Aberdeen"),
                        (676, "English, Norwegian")):
            canvas.drawString(40, y, text)
        y = 790
        for title, when in jobs:
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawString(210, y, title)
            canvas.setFont("Helvetica", 9)
            canvas.drawRightString(555, y - 12, when)
            for k in range(5):
                canvas.drawString(210, y - 12 * (k + 2), "• " + " ".join(LIPSUM[k:k + 6]))
            y -= 12 * 8

    lines = texts(read(make_pdf(page)))
    sidebar = {"Skills", "Go Kafka Redis Docker Ruby", "Erlang Lua", "Education", "BSc Physics",
               "Univ. of Aberdeen", "Languages", "English, Norwegian"}
    assert sidebar <= set(lines), lines


def test_a_text_box_beside_the_top_of_the_page_is_read_apart_from_the_lines_it_shares_baselines_with() -> None:
    """A word processor's text box floats at the top right (skills, languages) beside the name, the
    summary and the Experience heading, on baselines of its own; the jobs below run under it to the
    page's edge. Three of its lines happen to share a baseline with the main column: they are not glued
    to the name or to the heading ('Experience<TAB>English, Spanish' hid the heading), and its skills
    are no job's text."""
    from screener.parse import parse

    side = [(710, "Skills"), (685, "Go, Kafka, MySQL,"), (666, "Redis, Docker, PHP,"), (651, "Laravel, Python,"),
            (637, "PostgreSQL"), (612, "Languages"), (587, "English, Spanish")]
    jobs = [("Go Developer, Tamgrenfal Exchange", "09.2023 – Present"),
            ("Staff Engineer, Torpolcal Labs", "11.2019 – 08.2023"),
            ("Software Engineer, Veltorzu Systems", "07.2016 – 11.2019")]

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 11)
        for y, text in ((710, "Mireille Example"), (685, "mireille@example.org · +44 20 7946 0622"),
                        (628, "Backend engineer who likes boring, reliable systems.")):
            canvas.drawString(90, y, text)
        canvas.setFont("Helvetica-Bold", 14)
        for y, text in ((644, "Profile"), (587, "Experience")):
            canvas.drawString(90, y, text)
        canvas.setFont("Helvetica", 11)
        for y, text in side:
            canvas.drawString(454, y, text)
        y = 570
        for title, when in jobs:
            canvas.drawString(90, y, title)
            canvas.drawRightString(400, y, when)
            for k in range(4):  # the details run to the right margin, under the text box
                canvas.drawString(108, y - 15 * (k + 1), "• " + " ".join(LIPSUM[k:k + 11]))
            y -= 15 * 5 + 10

    doc = read(make_pdf(page))
    lines = texts(doc)
    assert "Experience" in lines and "Mireille Example" in lines
    assert lines[-len(side):] == [text for _, text in side]
    resume = parse(doc, 2026 * 12 + 10)
    assert [p.title for p in resume.positions] == ["Go Developer", "Staff Engineer", "Software Engineer"]
    assert not any(word in p.text for p in resume.positions for word in ("Laravel", "PostgreSQL", "English"))


def test_a_table_at_the_top_of_the_page_keeps_its_cells_side_by_side() -> None:
    """Six rows of [skill | years] above the jobs: each cell on its row's baseline, so the table is not
    taken for a text box beside the page's first lines, and each skill keeps its years."""
    skills = [("Go", "6 years"), ("Kafka", "4 years in production"), ("MySQL", "8 years"),
              ("Redis", "5 years as a cache"), ("Docker", "6 years"), ("Terraform", "2 years on AWS")]

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 11)
        for k, (skill, years) in enumerate(skills):
            canvas.drawString(90, 760 - 15 * k, skill)
            canvas.drawString(454, 760 - 15 * k, years)
        for k in range(12):
            canvas.drawString(90, 650 - 15 * k, "• " + " ".join(LIPSUM[k % 5:k % 5 + 11]))

    lines = texts(read(make_pdf(page)))
    assert lines[:6] == [f"{skill}\t{years}" for skill, years in skills]


def test_a_column_of_dates_a_space_or_two_before_the_titles_is_a_cell_of_its_own() -> None:
    """A LaTeX tabular or a browser's fixed-width date column: each range ends less than a tab stop's
    width before the titles' column, so no row was split there and the dates ran into the title
    ('06/2023 – 10/2024 Software Engineer'). The titles start at the same x on every row after a
    clearly wider than usual space that follows a year: a column edge, and a TAB on each row."""
    jobs = [("11/2024 – 10/2026", "Software Engineer, Tamix Cloud"), ("06/2023 – 10/2024", "Backend Engineer, Grensol"),
            ("12/2019 – 05/2023", "Go Developer, Ostcal S.A."), ("01/2018 – 11/2019", "PHP Developer, Tortamves")]

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        column = 60 + max(canvas.stringWidth(when, "Helvetica", 10) for when, _ in jobs) + 7  # a 0.7 em gap
        y = 760
        for when, title in jobs:
            canvas.drawString(60, y, when)
            canvas.drawString(column, y, title)
            for k in range(2):
                canvas.drawString(70, y - 13 * (k + 1), "• " + " ".join(LIPSUM[k:k + 9]))
            canvas.drawString(60, y - 39, "Technologies: Go, Kafka, MySQL")
            y -= 60

    lines = texts(read(make_pdf(page)))
    assert [line for line in lines if line[:2].isdigit()] == [f"{when}\t{title}" for when, title in jobs]


def test_a_title_cell_wrapped_in_its_table_row_is_read_whole_beside_its_dates() -> None:
    """A word processor's table of [title, company | dates] whose first cell is too narrow: the company's
    last word wraps under the title ('Technologies', which alone reads as a section heading). It is put
    back into its cell; a line in another weight under a title (the role under a bold club), or under a
    whole range (the title beside it wrapped to the margin), stays a line."""
    from screener.parse import parse

    jobs = [("Senior Backend Engineer, Zurenpay", "Health", "Aug 2023 – Present"),
            ("Senior Backend Engineer, Danbrisol", "Technologies", "May 2017 – Jul 2023"),
            ("Staff Backend Engineer, Danbrisol", "Technologies", "Aug 2015 – Apr 2017")]

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(90, 760, "Experience")
        canvas.setFont("Helvetica", 11)
        cell = 90 + max(canvas.stringWidth(title, "Helvetica", 11) for title, _, _ in jobs) + 6
        y = 735
        for title, wrapped, when in jobs:
            canvas.setFont("Helvetica", 11)
            canvas.drawString(90, y, title)
            canvas.drawString(90, y - 14.7, wrapped)  # the cell's second line
            canvas.drawString(cell, y, when)  # the next cell starts where the first one ends
            for k in range(2):
                canvas.drawString(108, y - 40 - 15 * k, "• " + " ".join(LIPSUM[k:k + 8]))
            y -= 90
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(90, y, "Enactus, University of La Verne")
        canvas.setFont("Helvetica", 11)
        canvas.drawString(cell, y, "Aug 2013 – Present")
        canvas.drawString(90, y - 14.7, "Member")
        dates = "Nov 2019 – Sep 2020"  # a whole range; the title beside it wraps to the margin under it
        canvas.drawString(90, y - 60, dates)
        canvas.drawString(90 + canvas.stringWidth(dates, "Helvetica", 11) + 14, y - 60, "Polmarcal Exchange — Senior")
        canvas.drawString(90, y - 74.7, "Software Engineer")

    doc = read(make_pdf(page))
    lines = texts(doc)
    rows = [f"{title} {wrapped}\t{when}" for title, wrapped, when in jobs]
    assert [line for line in lines if "\t" in line] == [*rows, "Enactus, University of La Verne\tAug 2013 – Present",
                                                         "Nov 2019 – Sep 2020\tPolmarcal Exchange — Senior"]
    assert "Member" in lines and "Software Engineer" in lines
    resume = parse(doc, 2026 * 12 + 10)
    assert [(p.title, p.organisation) for p in resume.positions][:3] == [
        ("Senior Backend Engineer", "Zurenpay Health"), ("Senior Backend Engineer", "Danbrisol Technologies"),
        ("Staff Backend Engineer", "Danbrisol Technologies")]


# --- failures -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", os.urandom(2000), b"%PDF-1.4\n" + os.urandom(2000),
                                  make_pdf(cv_page)[:700], make_pdf(cv_page)[:-60]])
def test_random_or_truncated_bytes_are_corrupt(data: bytes) -> None:
    with pytest.raises(ExtractError) as err:
        read(data)
    assert err.value.code == "corrupt" and err.value.message.startswith("the PDF is damaged")


def test_an_empty_page_has_no_text() -> None:
    with pytest.raises(ExtractError) as err:
        read(make_pdf(lambda canvas: canvas.rect(50, 50, 100, 100, fill=1)))
    assert err.value.code == "no_text"


def test_only_hidden_text_is_no_text_and_says_why() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.drawString(50, 700, "keywords keywords")

    with pytest.raises(ExtractError) as err:
        read(make_pdf(draw))
    assert err.value.code == "no_text" and "white-on-white" in err.value.message


def test_more_pages_than_the_limit() -> None:
    data = make_pdf(*[cv_page] * 4)
    assert read(data, max_pages=4).pages == 4
    with pytest.raises(ExtractError) as err:
        read(data, max_pages=3)
    assert err.value.code == "too_many_pages"


def test_a_page_with_too_many_characters_is_truncated_with_a_warning() -> None:
    doc = read(make_pdf(cv_page), max_chars_per_page=200)
    assert len(doc.text.replace(" ", "").replace("\t", "").replace("\n", "")) <= 200
    assert doc.warnings and doc.warnings[0].startswith("page 1 has too much text")


def test_empty_user_password_opens_and_a_real_one_is_encrypted() -> None:
    open_doc = read(make_pdf(cv_page, encrypt=StandardEncryption("", ownerPassword="owner")))
    assert "Backend Engineer 0, Acme 0\tJan 2010 – Dec 2010" in texts(open_doc)
    with pytest.raises(ExtractError) as err:
        read(make_pdf(cv_page, encrypt=StandardEncryption("secret", ownerPassword="owner")))
    assert err.value.code == "encrypted" and "password" in err.value.message


def test_parser_internals_failing_become_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    from pdfminer.pdfinterp import PDFPageInterpreter

    def explode(self: object, page: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(PDFPageInterpreter, "process_page", explode)
    with pytest.raises(ExtractError) as err:
        extract_pdf(make_pdf(cv_page), Limits(pdf_backend="pdfminer"))
    assert err.value.code == "corrupt" and "nested too deep" in err.value.message


# --- the backend interface, with a fake backend ---------------------------------------------------------

class FakeBackend:
    """Glyphs laid out left to right on one baseline per line, 6 pt apart."""

    def __init__(self, *lines: list[str]) -> None:
        self.lines = lines

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        glyphs = [Glyph(text, 50 + 6 * i, 55 + 6 * i, 698, 708, 700 - 20 * n, 10)
                  for n, line in enumerate(self.lines) for i, text in enumerate(line)]
        return [RawPage(1, 595, 842, glyphs)]


def test_normalisation_ligatures_bullets_icons_digits_and_spaced_letters() -> None:
    backend: PdfBackend = FakeBackend(["\uf0b7", " ", "ﬁ", "x", " ", "۱", "۳", "۹", "۵", " ", "\ue123", "Go"],
                                      list("T O P R E S E N T"))
    assert texts(extract_pdf(b"", Limits(), backend=backend)) == ["• fix ۱۳۹۵ Go", "TOPRESENT"]


def test_cid_garbage_is_stripped_and_reported() -> None:
    doc = extract_pdf(b"", Limits(), backend=FakeBackend(["G", "o"] + ["(cid:12)"] * 6))
    assert texts(doc) == ["Go"] and "6 of 8 characters (75%)" in doc.warnings[0]
    with pytest.raises(ExtractError) as err:
        extract_pdf(b"", Limits(), backend=FakeBackend(["(cid:3)"] * 5))
    assert err.value.code == "no_text"


# --- the development set and the corpus (skipped when ../shared is absent) ------------------------------

def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def devset(name: str) -> list[str]:
    return texts(read(shared("devset", "cvs", name).read_bytes()))


def test_devset_d07_dates_sit_on_the_title_lines() -> None:
    lines = devset("d07.pdf")
    assert "Backend Engineer, Safar Ticket Co. – Tehran\tMay 2025 – present" in lines
    assert "Junior PHP Developer, Alborz Hosting – Karaj\tJan 2018 – July 2019" in lines


def test_devset_d04_dates_on_titles_and_sidebar_not_interleaved() -> None:
    lines = devset("d04.pdf")
    assert "Senior Golang Engineer\tOct. 2021 — present" in lines
    first_sidebar = lines.index("CONTACT")
    assert lines[first_sidebar - 1].startswith("• C# and SQL Server")  # the whole main column before it
    assert {"SKILLS", "EDUCATION", "Sep. 2011 — June 2015"} <= set(lines[first_sidebar:])
    assert not any("\t" in line for line in lines[first_sidebar:])


def test_devset_d11_education_dates_stay_with_the_school_and_d01_letter_spacing() -> None:
    assert "Alzahra University\t2013-09 — 2017-02" in devset("d11.pdf")
    # a CSS-uppercased line: pdfminer reads the glyphs as capitals, pdfium as the text was typed
    assert any(line.upper().startswith("2020-08-17 TO PRESENT") for line in devset("d01.pdf"))


@pytest.mark.parametrize(("name", "code"), [("d21.pdf", "no_text"), ("d22.pdf", "encrypted")])
def test_devset_unreadable_pdfs(name: str, code: str) -> None:
    with pytest.raises(ExtractError) as err:
        devset(name)
    assert err.value.code == code


CORPUS = sorted(p.relative_to(SHARED / "corpus").as_posix() for p in (SHARED / "corpus").rglob("*.pdf")) \
    if (SHARED / "corpus").exists() else ["real/missing.pdf"]


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_files_give_a_document_or_an_extract_error_quickly(name: str) -> None:
    data = shared("corpus", name).read_bytes()
    started, pages = time.perf_counter(), 1
    try:
        doc = read(data)
        assert doc.lines and all(line.text.strip() == line.text and line.text for line in doc.lines)
        pages = doc.pages
    except ExtractError as err:
        assert err.code in {"corrupt", "encrypted", "no_text", "too_many_pages"}
    assert time.perf_counter() - started < 5 * max(1, pages / 30)  # 5 s for a CV of up to 30 pages


def wrapped_range_page(cell: str, tail: str) -> Callable[[Canvas], None]:
    """A title with a right-aligned date cell that wrapped: its end is drawn flush right on the
    baseline of the entry's first detail line."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(50, 780, "Software Engineer — Acme, Liverpool")
        canvas.drawRightString(545, 780, cell)
        canvas.drawString(60, 766, "- Built payment services in Go and Kafka")
        canvas.drawRightString(545, 766, tail)
        canvas.drawString(60, 752, "- Ran MySQL")
    return draw


def test_a_range_wrapped_in_its_cell_comes_out_right_after_its_start() -> None:
    lines = texts(read(make_pdf(wrapped_range_page("September 2016 – January", "2020"))))
    assert lines[:3] == ["Software Engineer — Acme, Liverpool\tSeptember 2016 – January", "2020",
                         "- Built payment services in Go and Kafka"]


@pytest.mark.parametrize(("cell", "tail"), [("Jan 2019 – Present", "London, UK"), ("2016 – 2020", "2 years")])
def test_a_complete_range_keeps_the_cell_below_on_its_own_line(cell: str, tail: str) -> None:
    lines = texts(read(make_pdf(wrapped_range_page(cell, tail))))
    assert lines[1] == f"- Built payment services in Go and Kafka\t{tail}"
