"""The two PDF backends feed one layout: the same lines and the same hidden-text findings; ``auto``
reads with pdfium and falls back to pdfminer only where pdfium cannot parse the file's syntax."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from screener.cli import main
from screener.errors import ExtractError
from screener.extract import Limits
from screener.extract.pdf import extract_pdf
from screener.extract.pdf_backend import AutoBackend, PdfminerBackend, RawPage
from screener.extract.pdfium import PdfiumBackend, PdfiumOpenError
from tests.hostile_recipes import cv_pdf, self_kid_pdf, self_referencing_pdf
from tests.test_extract_pdf import cv_page, make_pdf, sidebar_page

BACKENDS = ["pdfminer", "pdfium"]


def lines(data: bytes, backend: str) -> list[str]:
    return [line.text for line in extract_pdf(data, Limits(pdf_backend=backend)).lines]  # type: ignore[arg-type]


def test_both_backends_give_the_same_lines_headings_and_columns() -> None:
    data = make_pdf(cv_page, sidebar_page)
    docs = [extract_pdf(data, Limits(pdf_backend=b)) for b in ("pdfminer", "pdfium")]  # type: ignore[arg-type]
    assert [(ln.text, ln.page, ln.heading) for ln in docs[0].lines] == \
        [(ln.text, ln.page, ln.heading) for ln in docs[1].lines]
    assert "Backend Engineer 3, Acme 3\tJan 2013 – Dec 2013" in lines(data, "pdfium")


def broken_lines_page(canvas: Canvas) -> None:
    text = canvas.beginText(50, 700)
    text.setFont("Helvetica", 10)
    text.textLine("Built a data pipe-")  # pdfium marks this hyphen as one that ends a line (U+0002)
    text.textLine("line for billing")  # and generates a line break before this line
    for word, x in (("Senior", 50), ("Backend", 90), ("Engineer", 140)):  # words placed apart, no space
        text.setTextOrigin(x, 650)  # drawn between them: pdfium generates one
        text.textOut(word)
    canvas.drawText(text)


def test_pdfiums_line_end_hyphens_and_generated_breaks_read_as_drawn() -> None:
    """The pdfium backend asks for a character's type (generated, hyphen) only on the codes pdfium gives
    those types to; the hyphen, the words and the line breaks come out as pdfminer reads them."""
    data = make_pdf(broken_lines_page)
    assert lines(data, "pdfium") == lines(data, "pdfminer") == [
        "Built a data pipe-", "line for billing", "Senior Backend Engineer"]


def hidden_page(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 700, "Backend Engineer, Acme\tJan 2019 – Present")
    canvas.setFillColorRGB(1, 1, 1)
    canvas.drawString(50, 680, "Kafka expert")  # white on white
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    canvas.rect(300, 640, 200, 40, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.drawString(310, 650, "Sidebar Redis")  # white on a dark box: visible
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica", 1)
    canvas.drawString(50, 660, "Docker")  # 1 pt
    canvas.setFont("Helvetica", 10)
    canvas.drawString(700, 600, "MySQL")  # right of the page
    text = canvas.beginText(50, 620)
    text.setTextRenderMode(3)  # invisible
    text.textOut("Golang")
    canvas.drawText(text)


@pytest.mark.parametrize("backend", BACKENDS)
def test_white_tiny_off_page_and_invisible_text_are_found_by_each_backend(backend: str) -> None:
    doc = extract_pdf(make_pdf(hidden_page), Limits(pdf_backend=backend))  # type: ignore[arg-type]
    text = doc.text
    assert "Sidebar Redis" in text and "Backend Engineer" in text
    assert not any(word in text for word in ("Kafka", "Docker", "MySQL", "Golang"))
    assert doc.warnings == ("hidden text excluded: 11 white-on-white characters on page 1; 6 tiny-font (< 2 pt) "
                            "characters on page 1; 5 off-page characters on page 1; 6 invisible (rendering mode 3) "
                            "characters on page 1",)


@pytest.mark.parametrize("backend", BACKENDS)
def test_passwords_with_each_backend(backend: str) -> None:
    assert "JANE EXAMPLE" in lines(cv_pdf(user_password=""), backend)
    with pytest.raises(ExtractError) as err:
        lines(cv_pdf(user_password="secret"), backend)
    assert err.value.code == "encrypted"


def test_pdfium_refuses_self_references_at_once_where_pdfminer_would_loop() -> None:
    for data in (self_referencing_pdf(), self_kid_pdf()):
        started = time.perf_counter()
        with pytest.raises(ExtractError) as err:
            extract_pdf(data, Limits())
        assert err.value.code == "corrupt" and time.perf_counter() - started < 1


def test_the_self_referencing_pdf_is_a_row_within_five_seconds(tmp_path: Path) -> None:
    """Under a 5 s limit it is 'corrupt', not 'timeout' (the worker's start-up is not counted)."""
    (tmp_path / "loop.pdf").write_bytes(self_referencing_pdf())
    assert main(["screen", str(tmp_path / "loop.pdf"), "-f", "json", "-o", str(tmp_path / "r.json"),
                 "--as-of", "2026-11-01", "--jobs", "1", "--timeout", "5"]) == 0
    [row] = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["candidates"]
    assert row["error"]["code"] == "corrupt" and "damaged" in row["error"]["message"]


def test_auto_falls_back_to_pdfminer_where_pdfium_cannot_parse_the_syntax() -> None:
    damaged = cv_pdf().replace(b"%PDF-1.", b"%pdf-1.", 1)  # pdfium wants the header in capitals
    with pytest.raises(PdfiumOpenError) as err:
        PdfiumBackend().load(damaged, Limits())
    assert err.value.format_error
    pages = AutoBackend(PdfiumBackend(), PdfminerBackend()).load(damaged, Limits())
    assert "JANE EXAMPLE" in "".join(g.text for g in pages[0].glyphs)


class Refuses:
    def __init__(self, format_error: bool) -> None:
        self.format_error = format_error

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        raise PdfiumOpenError("damaged", self.format_error)


class Reads:
    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        return [RawPage(1, 595, 842, [])]


def test_auto_does_not_retry_a_file_whose_page_tree_is_unusable() -> None:
    assert AutoBackend(Refuses(format_error=True), Reads()).load(b"", Limits())[0].number == 1
    with pytest.raises(PdfiumOpenError):
        AutoBackend(Refuses(format_error=False), Reads()).load(b"", Limits())


def test_an_unknown_backend_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(cv_pdf())
    assert main(["parse", str(tmp_path / "cv.pdf"), "--pdf-backend", "poppler"]) == 2
