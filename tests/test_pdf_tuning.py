"""The PDF layout thresholds, each tested through a fake backend: glyphs placed where a test says."""

from __future__ import annotations

import inspect
from dataclasses import fields, replace

from screener.extract import pdf_tuning
from screener.extract.limits import Limits
from screener.extract.pdf import extract_pdf
from screener.extract.pdf_backend import Glyph, RawPage
from screener.extract.pdf_tuning import TUNING, LayoutTuning

ADVANCE = 5.0  # pt per character of the fake font (size 10)


def glyphs(text: str, x: float, base: float, size: float = 10.0) -> list[Glyph]:
    """A string set from x on one baseline; a space is a space glyph."""
    return [Glyph(ch, x + ADVANCE * i, x + ADVANCE * (i + 1) - 0.5, base - 2, base + size - 2, base, size)
            for i, ch in enumerate(text)]


class Placed:
    """A fake backend: one page of strings at given positions."""

    def __init__(self, *strings: tuple[str, float, float] | tuple[str, float, float, float]) -> None:
        self.strings = strings

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        return [RawPage(1, 595, 842, [g for s in self.strings for g in glyphs(*s)])]


def lines(backend: Placed, tuning: LayoutTuning = TUNING) -> list[str]:
    return [line.text for line in extract_pdf(b"", Limits(), backend=backend, tuning=tuning).lines]


JOBS = ["Backend Engineer, Acme 2019 - 2022", "Built billing services.", "Wrote the ledger.",
        "Software Engineer, Beta 2016 - 2019", "Ran the search team.", "Moved to new queues.",
        "Developer, Gamma 2014 - 2016", "Kept the lights on.", "Fixed the reports.", "Wrote docs."]
TAGS = ["Go", "Kafka", "Redis", "MySQL", "Docker", "Rust", "PHP", "Lua", "Bash", "SQL"]


def sidebar_page() -> Placed:
    """A main column of jobs at x=40 and a tag cloud at x=420 on the same baselines."""
    strings = [(job, 40.0, 780.0 - 14 * n) for n, job in enumerate(JOBS)]
    strings += [(tag, 420.0, 780.0 - 14 * n) for n, tag in enumerate(TAGS)]
    return Placed(*strings)


def test_every_threshold_has_a_name_a_unit_and_a_reason() -> None:
    source = inspect.getsource(pdf_tuning).splitlines()
    for f in fields(LayoutTuning):
        line = next(x for x in source if x.strip().startswith(f"{f.name}:"))
        unit, _, reason = line.split("#", 1)[1].partition(":")
        assert unit.split()[0] in ("em", "pt", "share", "rows", "runs", "levels", "words", "chars", "×"), f.name
        assert len(reason.split()) >= 4, f.name


def test_a_sidebar_tag_cloud_is_read_apart_from_the_jobs_beside_it() -> None:
    out = lines(sidebar_page())
    assert out[:len(JOBS)] == JOBS  # no tag glued to a job line
    assert out[len(JOBS):] == TAGS


def test_too_few_rows_for_a_sidebar_keeps_the_rows_whole() -> None:
    out = lines(sidebar_page(), replace(TUNING, min_side_rows=len(JOBS) + 1))
    assert out[0] == JOBS[0] + "\t" + TAGS[0]


def test_a_gap_wider_than_tab_em_separates_cells() -> None:
    backend = Placed(("Engineer", 40.0, 700.0), ("2020 - 2021", 40.0 + 8 * ADVANCE + 10.0, 700.0))
    assert lines(backend) == ["Engineer 2020 - 2021"]  # a 10.5 pt gap is under 1.2 em: a word space
    assert lines(backend, replace(TUNING, tab_em=0.8)) == ["Engineer\t2020 - 2021"]


def test_text_under_the_minimum_font_size_is_hidden_and_reported() -> None:
    backend = Placed(("Go developer", 40.0, 700.0), ("Kafka", 40.0, 680.0, 1.5))
    doc = extract_pdf(b"", Limits(), backend=backend)
    assert [x.text for x in doc.lines] == ["Go developer"] and "tiny-font" in doc.warnings[0]
    assert lines(backend, replace(TUNING, min_font_pt=1.0)) == ["Go developer", "Kafka"]


def test_glyphs_on_nearby_baselines_are_one_row() -> None:
    backend = Placed(("Engineer", 40.0, 700.0), ("2020", 300.0, 701.5))  # 1.5 pt higher: within 0.3 em
    assert lines(backend) == ["Engineer\t2020"]
    assert lines(backend, replace(TUNING, baseline_em=0.1, max_row_joins=0)) == ["2020", "Engineer"]


def test_a_narrow_gap_on_a_table_column_edge_shared_with_the_header_row_is_a_cell_break() -> None:
    # the row's date is long, so its gap to the role is 9.5 pt: under 1.2 em, but wider than its word gaps
    date = "11.2023 - Present"
    role_x = 40.0 + len(date) * ADVANCE + 9.0
    backend = Placed(("Period", 40.0, 700.0), ("Role", role_x, 700.0),
                     (date, 40.0, 686.0), ("Lead Engineer", role_x, 686.0),
                     ("2020 - 2023", 40.0, 672.0), ("Go Developer", role_x, 672.0))
    assert lines(backend)[1] == date + "\tLead Engineer"  # two other rows start a cell at that x
    assert lines(backend, replace(TUNING, shared_edge_rows=3))[1] == date + " Lead Engineer"
