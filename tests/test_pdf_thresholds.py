"""Each named threshold of the PDF layout (screener.extract.pdf_tuning) decides: glyph boxes placed
just inside a threshold and just outside it give different lines. No PDF is drawn: a fake backend
hands the layout glyphs built here."""

from __future__ import annotations

import logging

import pytest

from screener.errors import ExtractError
from screener.extract import Limits
from screener.extract.pdf import Glyph, RawPage, extract_pdf
from screener.extract.pdf_tuning import TUNING
from screener.model import Document

L = TUNING
W = 0.5  # glyph advance, em


def word(text: str, x: float, base: float, size: float = 10.0, *, bold: bool = False,
         height: float | None = None) -> list[Glyph]:
    """A word drawn from x on a baseline, each glyph half an em wide; ``height`` thins the boxes."""
    top = base + (height if height is not None else 0.8 * size)
    bottom = base if height is not None else base - 0.2 * size
    return [Glyph(ch, x + i * W * size, x + (i + 1) * W * size, bottom, top, base, size, bold)
            for i, ch in enumerate(text)]


def words(text: str, x: float, base: float, size: float = 10.0, gap_em: float = 0.3, **kw: bool) -> list[Glyph]:
    """Words with gaps of ``gap_em`` between them (no space glyphs: geometry alone decides)."""
    out: list[Glyph] = []
    for w in text.split():
        out += word(w, x, base, size, **kw)
        x = out[-1].x1 + gap_em * size
    return out


def end(glyphs: list[Glyph]) -> float:
    return glyphs[-1].x1


class Page:
    def __init__(self, glyphs: list[Glyph]) -> None:
        self.glyphs = glyphs

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        return [RawPage(1, 595, 842, self.glyphs)]


def doc(glyphs: list[Glyph]) -> Document:
    return extract_pdf(b"", Limits(), backend=Page(glyphs))


def lines(glyphs: list[Glyph]) -> list[str]:
    return [line.text for line in doc(glyphs).lines]


# --- words and column gaps --------------------------------------------------------------------------

@pytest.mark.parametrize(("delta", "expected"), [(-0.05, "Backend Engineer 2020"), (0.05, "Backend Engineer\t2020")])
def test_tab_em_separates_a_date_column_from_words(delta: float, expected: str) -> None:
    title = words("Backend Engineer", 50, 700)
    assert lines(title + word("2020", end(title) + (L.tab_em + delta) * 10, 700)) == [expected]


@pytest.mark.parametrize(("delta", "expected"), [(-0.03, "GoKafka"), (0.03, "Go Kafka")])
def test_word_em_is_a_word_space(delta: float, expected: str) -> None:
    go = word("Go", 50, 700)
    assert lines(go + word("Kafka", end(go) + (L.word_em + delta) * 10, 700)) == [expected]


@pytest.mark.parametrize(("size", "hidden"), [(L.min_font_pt - 0.1, True), (L.min_font_pt + 0.1, False)])
def test_min_font_hides_tiny_text(size: float, hidden: bool) -> None:
    result = doc(word("Visible", 50, 700) + word("Kafka", 50, 600, size))
    assert ("Kafka" in [line.text for line in result.lines]) is not hidden
    assert any("tiny-font" in w for w in result.warnings) is hidden


@pytest.mark.parametrize(("gaps", "expected"), [
    (L.justified_run, "alpha beta gamma delta"),  # evenly stretched: justified text
    (L.justified_run - 1, "alpha\tbeta\tgamma"),  # too few gaps to call it justified: columns
])
def test_justified_min_gaps(gaps: int, expected: str) -> None:
    glyphs = words(" ".join(["alpha", "beta", "gamma", "delta"][:gaps + 1]), 50, 700, gap_em=L.tab_em + 0.5)
    assert lines(glyphs) == [expected]


@pytest.mark.parametrize(("rows", "split"), [(L.shared_edge_rows, True), (L.shared_edge_rows - 1, False)])
def test_label_edge_rows_make_a_caps_label_its_own_line(rows: int, split: bool) -> None:
    glyphs = words("WORK HISTORY", 50, 700) + word("Acme", 200, 700)
    for n in range(1, rows):
        glyphs += words(f"detail {n} of the job", 200, 700 - 14 * n)
    assert (lines(glyphs)[:2] == ["WORK HISTORY", "Acme"]) is split


# --- rows from baselines and fake bold ------------------------------------------------------------

@pytest.mark.parametrize(("delta", "one_row"), [(-0.05, True), (0.05, False)])
def test_baseline_em_puts_glyphs_on_one_row(delta: float, one_row: bool) -> None:
    glyphs = word("Title", 50, 700, height=1) + word("2020", 200, 700 - (L.baseline_em + delta) * 10, height=1)
    assert (lines(glyphs) == ["Title\t2020"]) is one_row


@pytest.mark.parametrize(("delta", "expected"), [(-0.05, "Go"), (0.05, "GGo")])
def test_fake_bold_share_reads_a_double_drawn_glyph_once(delta: float, expected: str) -> None:
    g = word("G", 50, 700)[0]
    shift = (L.fake_bold_em + delta) * (g.x1 - g.x0)
    again = Glyph("G", g.x0 + shift, g.x1 + shift, g.bottom, g.top, g.base, g.size)
    assert lines([g, again, *word("o", again.x1, 700)]) == [expected]


# --- headings ---------------------------------------------------------------------------------------

def body(lines_: int = 6) -> list[Glyph]:
    return [g for n in range(lines_) for g in words("plain body text of a job line", 50, 600 - 14 * n)]


@pytest.mark.parametrize(("ratio", "heading"), [(L.heading_size + 0.02, True), (L.heading_size - 0.02, False)])
def test_heading_size_against_the_body(ratio: float, heading: bool) -> None:
    result = doc(words("Career 2010 onwards", 50, 700, 10 * ratio) + body())
    assert result.lines[0].heading is heading


@pytest.mark.parametrize(("n", "heading"), [(L.heading_max_words, True), (L.heading_max_words + 1, False)])
def test_heading_max_words_for_a_bold_line(n: int, heading: bool) -> None:
    result = doc(words(" ".join(["Work"] * n), 50, 700, bold=True) + body())
    assert result.lines[0].heading is heading


@pytest.mark.parametrize(("n", "heading"), [(L.caps_max_words, True), (L.caps_max_words + 1, False)])
def test_caps_max_words_for_an_all_caps_line(n: int, heading: bool) -> None:
    result = doc(words(" ".join(["WORK"] * n), 50, 700) + body())
    assert result.lines[0].heading is heading


# --- columns and sidebars ---------------------------------------------------------------------------

SIDE = ["Kafka", "Redis cache", "Docker", "Go", "Postgres db", "Linux", "gRPC", "MySQL 8", "Terraform",
        "AWS", "Helm charts", "Kubernetes", "CI/CD", "Python", "Bash"]


def two_columns(rows: int, *, side_lead: float = 14, side: list[str] | None = None) -> list[str]:
    """A main column of prose at 14 pt leading and a narrow right column of ragged skill words."""
    glyphs: list[Glyph] = []
    for n in range(rows):
        glyphs += words(f"main {n} built and ran payment services", 50, 780 - 14 * n)
    for n, text in enumerate(side or SIDE[:rows]):
        glyphs += words(text, 420, 780 - side_lead * n)
    return lines(glyphs)


def split_off(out: list[str]) -> bool:
    """Whether the right column came out as a block after the whole main column."""
    return not any("\t" in line for line in out) and out.index("Kafka") > max(
        i for i, line in enumerate(out) if line.startswith("main"))


@pytest.mark.parametrize(("rows", "split"), [(L.min_rows_for_columns, True), (L.min_rows_for_columns - 1, False)])
def test_min_column_rows(rows: int, split: bool) -> None:
    assert split_off(two_columns(rows)) is split


@pytest.mark.parametrize(("ratio", "split"), [(L.max_leading_ratio - 0.1, True), (L.max_leading_ratio + 0.1, False)])
def test_leading_ratio_tells_a_sidebar_from_sparse_labels(ratio: float, split: bool,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, "screener.extract.pdf"):
        out = two_columns(20, side_lead=14 * ratio, side=SIDE[:10])
    assert ("Kafka" in out and out.index("Kafka") > out.index(next(x for x in out if x.startswith("main 19")))) \
        is split
    assert split or "sparse label column" in caplog.text


@pytest.mark.parametrize(("flush", "split"), [(8, False), (7, True)])
def test_flush_right_share_marks_a_date_or_place_column(flush: int, split: bool,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    assert (flush / 10 >= L.flush_right_share) is not split
    glyphs: list[Glyph] = []
    for n in range(10):
        glyphs += words(f"main {n} built and ran payment services", 50, 780 - 14 * n)
        glyphs += word("Milton-Keyne" if n < flush else "Leeds", 440, 780 - 14 * n)  # long ones end flush right
    with caplog.at_level(logging.DEBUG, "screener.extract.pdf"):
        out = lines(glyphs)
    assert (not any("\t" in line for line in out)) is split
    assert split or "flush-right column" in caplog.text


@pytest.mark.parametrize(("dated", "split"), [(4, False), (3, True)])
def test_date_side_share_marks_a_date_column(dated: int, split: bool, caplog: pytest.LogCaptureFixture) -> None:
    assert (dated / 10 >= L.date_column_share) is not split
    side = [f"since {2010 + n}" if n < dated else SIDE[n] for n in range(10)]
    with caplog.at_level(logging.DEBUG, "screener.extract.pdf"):
        out = two_columns(10, side=side)
    assert (not any("\t" in line for line in out)) is split
    assert split or "column of dates" in caplog.text


@pytest.mark.parametrize(("main_rows", "split"), [(47, True), (48, False)])
def test_short_side_extent_lets_a_few_sidebar_lines_beside_a_page_long_column_be_a_sidebar(
        main_rows: int, split: bool, caplog: pytest.LogCaptureFixture) -> None:
    side_height, page_height = 4 * 14 + 10, (main_rows - 1) * 14 + 10  # baselines 14 pt apart, glyphs 10 pt tall
    assert (side_height / page_height >= L.short_side_extent) is split
    with caplog.at_level(logging.DEBUG, "screener.extract.pdf"):
        out = two_columns(main_rows, side=SIDE[:L.min_side_rows])
    assert split_off(out) is split
    assert split or "a few lines beside a page-long column" in caplog.text


def test_a_page_of_tiny_text_only_is_no_text() -> None:
    with pytest.raises(ExtractError) as err:
        doc(word("Kafka", 50, 700, L.min_font_pt / 2))
    assert err.value.code == "no_text"
