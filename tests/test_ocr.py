"""OCR: a PNG of a CV and an image-only PDF are read by Tesseract and carry an 'ocr' warning; without
OCR they are 'no_text' and the message says how to enable it. Images are drawn here with Pillow."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from screener.errors import ExtractError
from screener.extract import extract, ocr
from screener.pipeline import Screener

LINES = ["EXPERIENCE", "Backend Engineer, Acme Payments", "Jan 2019 - Dec 2022",
         "Go services with Kafka and MySQL", "SKILLS", "Go, Kafka, MySQL, Docker"]
FONTS = sorted(Path("/usr/share/fonts").rglob("DejaVuSans.ttf")) + sorted(Path("/usr/share/fonts").rglob("*.ttf"))


def cv_png(fmt: str = "PNG") -> bytes:
    pytest.importorskip("PIL", reason="the 'ocr' extra (Pillow) is not installed")
    from PIL import Image, ImageDraw, ImageFont

    if not FONTS:
        pytest.skip("no TrueType font on this machine (Debian: fonts-dejavu-core)")
    font = ImageFont.truetype(str(FONTS[0]), 28)
    image = Image.new("RGB", (900, 60 + 45 * len(LINES)), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES):
        draw.text((30, 30 + 45 * i), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(450, 200), invariant=1)
    canvas.drawImage(ImageReader(io.BytesIO(cv_png())), 0, 0, 450, 200)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def needs_ocr() -> None:
    if (why := ocr.unavailable()) is not None:
        pytest.skip(f"OCR is not available: {why} (Debian: apt-get install tesseract-ocr)")


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_an_image_of_a_cv_is_read_with_an_ocr_warning(fmt: str) -> None:
    data = cv_png(fmt)
    needs_ocr()
    document = extract(data, "scan.bin")
    assert document.kind == "image" and document.warnings == (ocr.WARNING,)
    text = document.text
    assert "Backend Engineer, Acme Payments" in text and "Jan 2019 - Dec 2022" in text


def test_an_image_only_pdf_is_read_by_ocr_and_screened(tmp_path: Path, screener: Screener) -> None:
    data = image_only_pdf()
    needs_ocr()
    (tmp_path / "scan.pdf").write_bytes(data)
    outcome = screener.screen_file(tmp_path / "scan.pdf")
    assert outcome.status == "ok" and outcome.document.kind == "pdf"
    assert any(w.startswith("ocr:") for w in outcome.document.warnings)
    assert outcome.experience.skills["go"].dated_months == 48
    assert outcome.assessment.verdict != "pass"  # read by OCR: a person checks it


def test_without_ocr_images_and_scans_are_no_text_saying_how_to_enable_it(monkeypatch: pytest.MonkeyPatch) -> None:
    png, pdf = cv_png(), image_only_pdf()
    monkeypatch.setattr(ocr, "unavailable", lambda: "the OCR extra is not installed")
    for data in (png, pdf):
        with pytest.raises(ExtractError) as err:
            extract(data, "scan")
        assert err.value.code == "no_text"
        assert "pip install 'screener[ocr]'" in err.value.message and "tesseract-ocr" in err.value.message


def test_a_damaged_image_is_corrupt() -> None:
    needs_ocr()
    with pytest.raises(ExtractError) as err:
        extract(cv_png()[:200], "scan.png")
    assert err.value.code == "corrupt"
