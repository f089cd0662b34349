"""Parse integrity: text a reader cannot see never scores, and the candidate is flagged for review."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from screener.cli import main
from tests.conftest import REPO

STRONG = (REPO / "samples" / "04-overlapping-jobs.txt").read_text(encoding="utf-8")  # passes every minimum
STUFFING = "Rust Laravel Rust Laravel 12 years of Rust"


def pdf(lines: list[str], hidden: str) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in lines:
        c.setFont("Helvetica", 9)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(40, y, line)
        y -= 12
    c.setFillColorRGB(1, 1, 1)  # white on the white page
    c.drawString(40, 60, hidden)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica", 0.5)  # too small to read
    c.drawString(40, 40, hidden)
    c.save()
    return buffer.getvalue()


def docx_bytes(lines: list[str], hidden: str) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    run = document.add_paragraph().add_run(hidden)
    run.font.hidden = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def screen(folder: Path) -> dict:
    out = folder.parent / "report.json"
    assert main(["screen", str(folder), "--as-of", "2026-11-01", "-f", "json", "-o", str(out)]) == 0
    return {row["file"]: row for row in json.loads(out.read_text(encoding="utf-8"))["candidates"]}


def test_hidden_text_is_excluded_and_flagged(tmp_path: Path) -> None:
    lines = [line for line in STRONG.splitlines() if line.strip()]
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "plain.txt").write_text(STRONG, encoding="utf-8")
    (folder / "stuffed.pdf").write_bytes(pdf(lines, STUFFING))
    (folder / "stuffed.docx").write_bytes(docx_bytes(lines, STUFFING))
    rows = screen(folder)
    assert rows["plain.txt"]["verdict"] == "pass"
    for name in ("stuffed.pdf", "stuffed.docx"):
        row = rows[name]
        assert not row["skills"]["rust"]["mentioned"] and not row["skills"]["laravel"]["mentioned"], name
        assert row["skills"]["go"]["years"] == rows["plain.txt"]["skills"]["go"]["years"], name
        assert any("hidden" in w for w in row["warnings"]), name
        assert row["verdict"] == "review", name
        assert any("hidden" in reason for reason in row["reasons"]), name
