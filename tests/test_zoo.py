"""The layout zoo: a fixed-seed slice screened end to end, and the metamorphic property (the same
source in different layouts has the same truth and gets the same screener output)."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.layout_zoo.build import build  # noqa: E402
from benchmarks.layout_zoo.layouts import arrange, draw_choices  # noqa: E402
from benchmarks.layout_zoo.score import misses, summary  # noqa: E402
from benchmarks.layout_zoo.source import SKILLS, draw_source  # noqa: E402
from benchmarks.layout_zoo.writers import Unavailable, write  # noqa: E402
from benchmarks.zoo import screen  # noqa: E402

try:
    import typst  # noqa: F401

    _TYPST = ("pdf_typst",)
except ImportError:  # the slice then runs without it
    _TYPST = ()
FAST_WRITERS = ("txt", "md", "docx", "docx_table", "pdf_reportlab", *_TYPST)


@pytest.fixture(scope="module")
def zoo_slice(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("zoo")
    cases, _ = build(11, 28, folder, FAST_WRITERS)
    return cases, screen(folder, [c.file for c in cases])


def test_every_document_of_the_slice_is_a_screened_row(zoo_slice) -> None:
    cases, rows = zoo_slice
    assert len(cases) == 28
    assert all(rows[c.file]["status"] == "ok" for c in cases), [rows[c.file]["error"] for c in cases]


def test_the_slice_keeps_its_accuracy(zoo_slice) -> None:
    """A floor under the figures measured when the zoo was written: a fall below it is a regression
    in a mechanism some layout relies on (the benchmark's breakdown says which)."""
    cases, rows = zoo_slice
    m = summary(cases, rows)
    missed = {c.file: misses(c, rows[c.file]) for c in cases if misses(c, rows[c.file])}
    assert m["within_tol"] >= 0.90, missed
    assert m["exp_mae"] <= 0.6, missed


def _readable(rng: random.Random, writer: str) -> dict[str, str]:
    """Layout choices every writer supports and the screener is expected to read exactly."""
    c = draw_choices(rng)
    c.update(writer=writer, language="en", heading=rng.choice(("plain", "upper", "colon")),
             header=rng.choice(("after", "below", "right")), order="title_org", wrap="none", columns="single",
             date_format=rng.choice(("mon_yyyy", "month_yyyy", "mm/yyyy")), stack="none", nonjob="open_ranges")
    return c


def _readings(source, writers: tuple[str, ...], seed: int, folder: Path) -> tuple[dict, dict]:
    """The truth of ``source`` and what the screener reads from it under readable layouts, per writer."""
    rng = random.Random(seed)
    files = []
    for writer in writers:
        choices = _readable(rng, writer)
        if writer == "docx":
            choices["columns"] = "sidebar"  # the skills list in a text box
        try:
            files.append(write(arrange(source, choices, rng), folder, f"{writer}-{seed}").name)
        except Unavailable as exc:
            pytest.skip(f"{writer} cannot write here: {exc}")
    rows = screen(folder, files)
    return source.truth(), {f: (rows[f]["experience_years"], tuple(rows[f]["skills"][s]["years"] for s in SKILLS))
                            for f in files}


def _assert_same_and_true(truth: dict, readings: dict) -> None:
    assert len(set(readings.values())) == 1, readings
    experience, years = next(iter(readings.values()))
    assert abs(experience - truth["experience_years"]) <= 0.25
    assert all(abs(y - truth["skills"][s]["years"]) <= 0.25 for y, s in zip(years, SKILLS, strict=True))


@pytest.mark.parametrize("seed", [3, 8, 21])
def test_the_same_source_in_other_layouts_has_the_same_truth_and_output(seed: int, tmp_path: Path) -> None:
    source = draw_source(random.Random(seed))
    truth, readings = _readings(source, FAST_WRITERS, seed, tmp_path)
    assert source.truth() == truth  # from the source alone: rendering it changed nothing
    _assert_same_and_true(truth, readings)


def test_a_browser_printed_pdf_reads_like_the_text_file(tmp_path: Path) -> None:
    source = draw_source(random.Random(5))
    _assert_same_and_true(*_readings(source, ("txt", "pdf_chromium"), 5, tmp_path))


_TOOLCHAIN_PROGRAMS = {"pdf_latex": "pdflatex", "tex_resume": "pdflatex", "tex_moderncv": "pdflatex",
                       "pdf_libreoffice_table": "soffice", "pandoc_docx": "pandoc"}


@pytest.mark.parametrize("writer", sorted(_TOOLCHAIN_PROGRAMS))
def test_a_cv_from_a_real_toolchain_reads_like_the_text_file(writer: str, tmp_path: Path) -> None:
    """pdfLaTeX (no space glyphs, ligatures, its own templates), LibreOffice's Word export and pandoc lay
    the same source out their own way; the years read from them are the text file's, and true."""
    program = _TOOLCHAIN_PROGRAMS[writer]
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (texlive-latex-extra, libreoffice-writer-nogui or pandoc)")
    source = draw_source(random.Random(13))
    _assert_same_and_true(*_readings(source, ("txt", writer), 13, tmp_path))
