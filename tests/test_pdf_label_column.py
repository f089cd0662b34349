"""The label-column rule of the PDF column finder, through a fake backend: a narrow column whose lines
sit on the baselines of the entries' titles, with dates, and with empty space beside the entries'
details, labels those entries (its lines stay on the titles' lines); otherwise it is a sidebar."""

from __future__ import annotations

from screener.extract.limits import Limits
from screener.extract.pdf import extract_pdf
from screener.extract.pdf_backend import Glyph, RawPage
from screener.extract.pdf_tuning import TUNING

TOP, LEAD = 780.0, 14.0
PLACES = ["Leeds", "York", "Hull", "Ely", "Bath", "Wells", "Derby", "Ripon"]


def glyphs(text: str, x: float, base: float) -> list[Glyph]:
    return [Glyph(ch, x + 5 * i, x + 5 * i + 4.5, base - 2, base + 8, base, 10.0) for i, ch in enumerate(text)]


class Placed:
    def __init__(self, strings: list[tuple[str, float, float]]) -> None:
        self.strings = strings

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        return [RawPage(1, 595, 842, [g for s in self.strings for g in glyphs(*s)])]


def page(side_rows: list[int], dated: int, shift: float = 0.0) -> list[str]:
    """A main column of 20 rows at x=200 (a title every 5th row, details between) and, at x=40, one
    narrow line beside each of ``side_rows``: the first ``dated`` are dates, the rest places; every
    other narrow line is moved ``shift`` pt off the main column's baseline."""
    strings = [(f"Engineer {n // 5}, Acme payments team" if n % 5 == 0 else f"built service {n} in Go and Kafka",
                200.0, TOP - LEAD * n) for n in range(20)]
    strings += [(f"{2010 + k}-{2012 + k}" if k < dated else PLACES[k % len(PLACES)], 40.0,
                 TOP - LEAD * n - (shift if k % 2 else 0.0)) for k, n in enumerate(side_rows)]
    return [line.text for line in extract_pdf(b"", Limits(), backend=Placed(strings)).lines]


ENTRY_HEADS = [0, 1, 5, 6, 10, 11, 15, 16]  # a date and a place beside each title and the line under it


def labelled(lines: list[str]) -> bool:
    return "2010-2012\tEngineer 0, Acme payments team" in lines


def test_dates_beside_the_titles_label_them() -> None:
    lines = page(ENTRY_HEADS, dated=TUNING.label_dated_rows)
    assert labelled(lines) and "Hull\tEngineer 1, Acme payments team" in lines


def sidebar(lines: list[str]) -> bool:
    """The narrow column came out as a block of its own, after the whole main column."""
    return lines.index("2010-2012") > lines.index("built service 19 in Go and Kafka")


def test_too_few_dated_lines_make_a_sidebar() -> None:
    assert sidebar(page(ENTRY_HEADS, dated=TUNING.label_dated_rows - 1))


def test_lines_off_the_titles_baselines_make_a_sidebar() -> None:
    inside = TUNING.baseline_em * 10 * 0.8
    outside = TUNING.baseline_em * 10 * 1.5  # half the narrow lines now miss the main baselines: 50 % < 67 %
    assert labelled(page(ENTRY_HEADS, dated=3, shift=inside))
    assert sidebar(page(ENTRY_HEADS, dated=3, shift=outside))


def test_a_narrow_column_beside_every_line_is_a_sidebar_not_labels() -> None:
    assert sidebar(page(list(range(8)), dated=3))  # no empty space beside the details: its own flow
