"""Where reports go and how the CLI talks: format from the file name, the output checked first, file
modes, closed pipes, library noise, parse tables, Markdown escaping, names and text never read as markup."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from screener.cli import main
from screener.report import SUFFIXES, Format, formatter
from screener.report.explain import print_explanation, snippet
from screener.report.output import choose_format
from screener.result import Candidate, Report, RulesInfo
from tests.conftest import REPO
from tests.hostile_recipes import CV_TEXT, pdf_with_broken_font, run_without_root_override

AS_OF = "2026-11-01"


def run(capfd: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capfd.readouterr()
    return code, out, err


@pytest.fixture
def cv(tmp_path: Path) -> Path:
    path = tmp_path / "cv.txt"
    path.write_text(CV_TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "fmt"), [("r.json", Format.json), ("r.jsonl", Format.jsonl), ("r.csv", Format.csv),
                                           ("r.md", Format.markdown), ("R.HTML", Format.html)])
def test_the_format_follows_the_output_extension(name: str, fmt: Format) -> None:
    warnings: list[str] = []
    assert choose_format(None, Path(name), warnings.append) is fmt and warnings == []
    assert choose_format(None, None, warnings.append) is Format.table


def test_a_format_that_contradicts_the_extension_is_written_with_a_warning(tmp_path: Path, cv: Path, capfd) -> None:
    code, _, err = run(capfd, "screen", str(cv), "--as-of", AS_OF, "-o", str(tmp_path / "shortlist.json"))
    assert code == 0 and json.loads((tmp_path / "shortlist.json").read_text(encoding="utf-8"))["candidates"]
    assert "warning" not in err.lower() and "suggests" not in err
    code, _, err = run(capfd, "screen", str(cv), "--as-of", AS_OF, "-f", "csv", "-o", str(tmp_path / "r.json"))
    assert code == 0 and "suggests json" in err
    assert (tmp_path / "r.json").read_text(encoding="utf-8").startswith("rank,file,")
    unknown: list[str] = []
    assert choose_format(None, Path("report.out"), unknown.append) is Format.table and "--format" in unknown[0]


def test_every_suffix_names_a_format_with_a_formatter() -> None:
    assert {fmt for fmt in Format if fmt is not Format.table} <= set(SUFFIXES.values())


@pytest.mark.parametrize("case", ["a folder", "under a file"])
def test_a_bad_output_path_fails_before_screening(tmp_path: Path, cv: Path, capfd, case: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    output = tmp_path if case == "a folder" else blocker / "sub" / "r.json"
    code, out, err = run(capfd, "screen", str(cv), "--as-of", AS_OF, "-o", str(output))
    assert code == 2 and str(output) in err and "internal error" not in err
    assert "1 file:" not in err  # stopped before the batch: no summary
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "cv.txt"]  # no temporary file left


def test_an_unwritable_folder_fails_before_screening(tmp_path: Path, cv: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        probe = run_without_root_override("-c", f"open({str(locked / 'probe')!r}, 'w')")
        if probe.returncode == 0:
            pytest.skip("a read-only folder is still writable here")
        result = run_without_root_override("-m", "screener", "screen", str(cv), "--as-of", AS_OF,
                                           "-o", str(locked / "r.json"))
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot drop the right to write anywhere: {exc}")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert str(locked / "r.json") in result.stderr and "1 file:" not in result.stderr


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_report_files_follow_the_umask(tmp_path: Path, cv: Path, capfd, umask: int) -> None:
    previous = os.umask(umask)
    try:
        code, _, _ = run(capfd, "screen", str(cv), "--as-of", AS_OF, "-o", str(tmp_path / "r.csv"))
    finally:
        os.umask(previous)
    assert code == 0 and (tmp_path / "r.csv").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    long_cv = tmp_path / "long.txt"
    long_cv.write_text(CV_TEXT + "".join(f"Note {i}: maintained the payments platform.\n" for i in range(4000)))
    process = subprocess.Popen([sys.executable, "-m", "screener", "parse", str(long_cv)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)  # like `| head -c 100`: read a little, then go away
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0 and err == ""


def test_library_warnings_show_only_with_debug(tmp_path: Path, capfd) -> None:
    pdf = tmp_path / "odd-font.pdf"
    pdf.write_bytes(pdf_with_broken_font())
    backend = ("--pdf-backend", "pdfminer")  # pdfminer's warning; pdfium reads the font without one
    code, out, err = run(capfd, "explain", str(pdf), "--as-of", AS_OF, *backend)
    assert code == 0 and "Positions" in out and err == ""
    code, _, err = run(capfd, "explain", str(pdf), "--as-of", AS_OF, "--debug", *backend)
    assert code == 0 and "Could not get FontBBox" in err


def test_parse_table_prints_tables(capfd) -> None:
    code, out, _ = run(capfd, "parse", str(REPO / "samples" / "04-overlapping-jobs.txt"), "--as-of", AS_OF,
                       "--format", "table")
    assert code == 0
    assert all(title in out for title in ("Sections", "Positions", "Skills", "Lines"))
    assert "{'" not in out and "Savanna Exchange" in out


def _report(*candidates: Candidate) -> Report:
    return Report.of(AS_OF, RulesInfo("rules.yaml", "0" * 64, "Backend <b>engineer</b>"), list(candidates), [])


def test_markdown_escapes_cells_and_keeps_error_messages() -> None:
    text = formatter(Format.markdown).render(_report(
        Candidate.failed("a|b <img src=x onerror=alert(1)>.pdf", "encrypted", "The PDF needs a password | <key>.")))
    header, _, row = text.splitlines()
    assert "error_message" in header
    assert "a\\|b &lt;img src=x onerror=alert(1)&gt;.pdf" in row and "<img" not in text
    assert "The PDF needs a password \\| &lt;key&gt;." in row
    assert row.count(" | ") == header.count(" | ")  # no cell split the row


def test_names_and_cv_text_are_never_read_as_markup(tmp_path: Path, capfd, monkeypatch) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    cv = folder / "[bold]x.txt"
    cv.write_text(CV_TEXT.replace("Senior Backend Engineer - Acme", "Senior Backend Engineer [/] [red]Lead - Acme"))
    code, out, _ = run(capfd, "screen", str(folder), "--as-of", AS_OF)
    assert code == 0 and "[bold]x.txt" in out
    monkeypatch.chdir(folder)  # a short path: a long one is wrapped to the terminal's width
    code, out, err = run(capfd, "explain", cv.name, "--as-of", AS_OF)
    assert code == 0 and "[bold]x.txt" in out and "[/] [red]Lead" in out and err == ""


def test_the_summary_line_prints_once(cv: Path, capfd) -> None:
    code, out, err = run(capfd, "screen", str(cv), "--as-of", AS_OF)
    summary = "1 file: 1 pass, 0 review, 0 fail, 0 errors, 0 skipped"
    assert code == 0 and err.count(summary) == 1 and summary not in out


def test_a_folder_without_resumes_says_so(tmp_path: Path, capfd) -> None:
    (tmp_path / "budget.xlsx").write_bytes(b"PK\x03\x04")
    code, _, err = run(capfd, "screen", str(tmp_path), "--as-of", AS_OF)
    assert code == 0 and "no résumés found" in err
    assert all(suffix in err for suffix in (".pdf", ".docx", ".txt", ".md"))


def test_snippets_centre_on_the_match_and_highlight_it() -> None:
    text = "Joined a team of twelve people working on many things for years; " * 3 + "built the Kafka consumers."
    shown = snippet(text, "Kafka", 60)
    assert shown.plain.startswith("…") and "Kafka" in shown.plain and len(shown.plain) <= 62
    middle = shown.plain.index("Kafka") + len("Kafka") / 2
    assert abs(middle - len(shown.plain) / 2) < 12 or shown.plain.endswith("consumers.")
    [span] = [s for s in shown.spans if s.style]
    assert shown.plain[span.start:span.end] == "Kafka"


def test_explain_wraps_under_a_hanging_indent(samples_report: Report) -> None:
    console = Console(width=60, record=True, color_system=None)
    strong = next(c for c in samples_report.candidates if c.file == "01-strong-fit.pdf")
    print_explanation(strong, console)
    lines = console.export_text().splitlines()
    assert max(map(len, lines)) <= 60
    evidence = [i for i, line in enumerate(lines) if line.startswith("      position 1:")]
    assert evidence and all(lines[i + 1].startswith("        ") for i in evidence)
    assert any(re.search(r"found \d+ \(needs \d+\)", line) for line in lines)
