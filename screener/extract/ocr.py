"""OCR: PNG/JPEG images and image-only PDFs → :class:`Document`, read by Tesseract.

Optional: the ``ocr`` extra (pytesseract, Pillow; pypdfium2 renders PDF pages) plus the ``tesseract``
program (Debian: ``tesseract-ocr``). Without them such a file stays ``no_text`` and the message says
how to enable OCR. OCR'd text can hold misreadings, so its rows carry an ``ocr`` warning.
"""

from __future__ import annotations

import io
import os
import shutil
from typing import Any

from screener.errors import ExtractError
from screener.model import Document, DocumentKind, Line

HOW_TO_ENABLE = "to read it, install OCR: pip install 'screener[ocr]' and Tesseract (apt-get install tesseract-ocr)"
WARNING = "ocr: the text was read from an image by OCR (Tesseract) and may contain misreadings"
DPI = 300  # Tesseract reads body text best at about 300 dots per inch
MAX_PIXELS = 60_000_000  # an A4 page at 600 dpi is 35 Mpx; more is a decompression bomb, not a CV


def unavailable() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    try:
        import PIL  # noqa: F401
        import pytesseract  # noqa: F401
    except ImportError:
        return "the OCR extra is not installed"
    if shutil.which("tesseract") is None:
        return "the tesseract program is not installed"
    return None


def ocr_image(data: bytes) -> Document:
    """A PNG or JPEG file's text."""
    _require("the file is an image (a scan or a photo)")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ExtractError("too_large", f"the image has {image.width}×{image.height} pixels, more than "
                                                f"a scanned page")
            image.load()
            return _document("image", [(1, _read(image))], 1, "the image has no text that OCR could read")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ExtractError("corrupt", f"the image is damaged and could not be read ({exc})") from None


def ocr_pdf(data: bytes, why: str) -> Document:
    """An image-only PDF's text: each page rendered at :data:`DPI` and read; ``why`` says why OCR is needed."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as exc:
        raise ExtractError("no_text", f"{why}; the PDF could not be rendered for OCR ({exc})") from None
    try:
        scanned = [n for n in range(len(pdf))
                   if any(True for _ in pdf[n].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))]
        if not scanned:  # no image on any page: nothing a scanner made, nothing for OCR to read
            raise ExtractError("no_text", f"{why}, and it has no images to read by OCR")
        _require(why)
        pages = []
        for number in scanned:
            page = pdf[number]
            try:
                width, height = page.get_size()
                scale = min(DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
                pages.append((number + 1, _read(page.render(scale=scale).to_pil())))
            finally:
                page.close()
        return _document("pdf", pages, len(pdf), f"{why}; OCR found no text on its pages either")
    finally:
        pdf.close()


def _require(what: str) -> None:
    if (reason := unavailable()) is not None:
        raise ExtractError("no_text", f"{what}: its text needs OCR, and {reason}; {HOW_TO_ENABLE}")


def _read(image: Any) -> list[str]:
    import pytesseract

    # Tesseract's OpenMP threads compete with the other workers, each reading a file of its own. On two
    # cores, one thread read a scanned page with 0.6 CPU seconds, its default threads with 2.3-3.4.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        text = pytesseract.image_to_string(image.convert("L"), lang="eng", config="--psm 3")
    except pytesseract.TesseractError as exc:
        raise ExtractError("corrupt", f"OCR failed on the image ({exc.message})".strip()) from None
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _document(kind: DocumentKind, pages: list[tuple[int, list[str]]], count: int, empty: str) -> Document:
    lines = [(text, page) for page, texts in pages for text in texts]
    if not lines:
        raise ExtractError("no_text", empty)
    return Document(kind, tuple(Line(text, n, page) for n, (text, page) in enumerate(lines, 1)), count, (WARNING,))
