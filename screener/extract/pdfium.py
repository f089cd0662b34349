"""The pdfium backend (pypdfium2): PDF bytes → pages of positioned glyphs (:class:`RawPage`).

It feeds the same glyph data as the pdfminer backend: the loose character box (advance width by
font ascent and descent, as pdfminer's LTChar), the baseline origin, the font size, weight and
name, the fill or stroke colour, the text rendering mode, and the dark fills and images under the
text, so hidden-text detection and the line rebuild in :mod:`screener.extract.pdf` are shared.
"""

from __future__ import annotations

import ctypes
import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import pypdfium2 as pdfium
import pypdfium2.raw as c

from screener.errors import ExtractError
from screener.extract.pdf_backend import BOLD, DINGBATS, Box, Glyph, RawPage

if TYPE_CHECKING:
    from screener.extract.limits import Limits

_STROKED = {c.FPDF_TEXTRENDERMODE_STROKE, c.FPDF_TEXTRENDERMODE_STROKE_CLIP}
_INVISIBLE = {c.FPDF_TEXTRENDERMODE_INVISIBLE, c.FPDF_TEXTRENDERMODE_CLIP}
_WHITE = 242  # of 255: the pdfminer backend's 0.95


class PdfiumOpenError(ExtractError):
    """pdfium could not open the file at all; ``format_error`` when its syntax is damaged (where a
    more lenient parser may still read it), not when it parsed but has no usable page tree."""

    def __init__(self, message: str, format_error: bool) -> None:
        super().__init__("corrupt", message)
        self.format_error = format_error


class PdfiumBackend:
    """pypdfium2: about an order of magnitude faster than pdfminer's interpreter, in C++."""

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        # pdfium leaves its last error as it was when a file parses but has no usable catalog or page
        # tree; opening no file first sets it to 'file access', which a file in memory never causes.
        c.FPDF_LoadDocument(b"", None)
        try:
            doc = pdfium.PdfDocument(data, password="")
        except pdfium.PdfiumError as exc:
            raise _open_error(exc) from None
        try:
            if len(doc) > limits.max_pages:
                raise ExtractError("too_many_pages", f"the PDF has more than {limits.max_pages} pages")
            if len(doc) == 0:
                raise ExtractError("corrupt", "the PDF is damaged and could not be read (no pages found)")
            pages = []
            for number in range(1, len(doc) + 1):
                try:
                    page = doc[number - 1]
                except pdfium.PdfiumError as exc:
                    raise PdfiumOpenError(f"the PDF is damaged and could not be read (page {number}: {exc})",
                                          format_error=False) from None
                try:
                    pages.append(_page(page, number, limits.max_chars_per_page))
                finally:
                    page.close()
            return pages
        finally:
            doc.close()


def _open_error(exc: pdfium.PdfiumError) -> ExtractError:
    code = getattr(exc, "err_code", None)
    if code in (c.FPDF_ERR_PASSWORD, c.FPDF_ERR_SECURITY):
        why = "a user password is required" if code == c.FPDF_ERR_PASSWORD else "its security handler is unknown"
        return ExtractError("encrypted", f"the PDF is password-protected ({why})")
    if code in (c.FPDF_ERR_FORMAT, c.FPDF_ERR_UNKNOWN):
        return PdfiumOpenError(f"the PDF is damaged and could not be read ({exc})", format_error=True)
    return PdfiumOpenError("the PDF is damaged and could not be read (its catalog or page tree is unusable)",
                           format_error=False)


def _page(page: pdfium.PdfPage, number: int, limit: int) -> RawPage:
    left, bottom, right, top = page.get_bbox()  # the crop box; coordinates are made relative to it
    text = page.get_textpage()
    try:
        glyphs, dropped = _glyphs(text, left, bottom, limit)
    finally:
        text.close()
    return RawPage(number, right - left, top - bottom, glyphs, _dark_boxes(page, left, bottom), dropped)


class _Style(NamedTuple):
    """What every character of one text object shares: the last five fields of its :class:`Glyph`."""

    size: float
    bold: bool
    upright: bool
    white: bool
    invisible: bool


class _Styles:
    """The style of each text object on a page, read from pdfium at its first character into buffers
    allocated once; and whether its font is a dingbat (icon) font."""

    def __init__(self, tp: Any) -> None:
        self.tp, self.known = tp, cast(dict[int | None, tuple[_Style, bool]], {})
        self.matrix, self.flags, self.name = c.FS_MATRIX(), ctypes.c_int(), ctypes.create_string_buffer(128)
        self.rgba = [ctypes.c_uint() for _ in range(4)]

    def read(self, obj: int | None, i: int) -> tuple[_Style, bool]:
        tp, matrix, (r, g, b, a) = self.tp, self.matrix, self.rgba
        c.FPDFText_GetMatrix(tp, i, matrix)  # the font size is in text space; the matrix scales it
        c.FPDFText_GetFontInfo(tp, i, self.name, len(self.name), self.flags)
        bold, dingbats = _font_kind(self.name.value)
        mode = c.FPDFTextObj_GetTextRenderMode(c.FPDFText_GetTextObject(tp, i))
        colour = c.FPDFText_GetStrokeColor if mode in _STROKED else c.FPDFText_GetFillColor
        self.known[obj] = style = _Style(
            c.FPDFText_GetFontSize(tp, i) * math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)),
            bold or c.FPDFText_GetFontWeight(tp, i) >= 600,
            matrix.a > 0 and matrix.d > 0 and abs(matrix.b) < 1e-6 and abs(matrix.c) < 1e-6,
            bool(colour(tp, i, r, g, b, a)) and min(r.value, g.value, b.value) >= _WHITE,
            mode in _INVISIBLE), dingbats
        return style


@lru_cache(maxsize=1024)
def _font_kind(name: bytes) -> tuple[bool, bool]:
    """Whether a font's name says bold, and whether it is a dingbat font."""
    font = name.decode("latin-1")
    return bool(BOLD.search(font)), bool(DINGBATS.search(font))


def _unchecked(function: Any, restype: Any = ctypes.c_int) -> Any:
    """A pdfium function called without ctypes' conversion of each argument (its argtypes), which costs
    as much as the call itself: for the calls made once per character, with only C ints (the index)
    and ctypes pointers (the text page, ``byref`` of the outputs) as arguments."""
    return ctypes.CFUNCTYPE(restype)(cast(int, ctypes.cast(function, ctypes.c_void_p).value))


_unicode = _unchecked(c.FPDFText_GetUnicode, ctypes.c_uint)
_generated = _unchecked(c.FPDFText_IsGenerated)
_hyphen = _unchecked(c.FPDFText_IsHyphen)
_unmapped = _unchecked(c.FPDFText_HasUnicodeMapError)
_box = _unchecked(c.FPDFText_GetLooseCharBox)
_origin = _unchecked(c.FPDFText_GetCharOrigin)
_text_object = _unchecked(c.FPDFText_GetTextObject, ctypes.c_void_p)  # its address: an int, a dict key
_new = tuple.__new__  # a Glyph from one tuple, without NamedTuple's keyword-taking constructor


def _glyphs(textpage: pdfium.PdfTextPage, dx: float, dy: float, limit: int) -> tuple[list[Glyph], int]:
    """The page's glyphs, with as few calls into pdfium per character as give the same data: a page
    has thousands of characters, and each call costs a few hundred nanoseconds. pdfium marks the spaces and
    line breaks it generates (its char type ``kGenerated``) only on U+0020, CR and LF, and a hyphen
    that ends a line (``kHyphen``) only on U+0002, so the type is asked for on those codes alone."""
    tp = textpage.raw
    rect, ox, oy = c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    at_rect, at_x, at_y = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    unicode, generated, hyphen, unmapped, box, origin, text_object = (
        _unicode, _generated, _hyphen, _unmapped, _box, _origin, _text_object)
    styles = _Styles(tp)
    known = styles.known  # by text object
    glyphs: list[Glyph] = []
    append = glyphs.append
    last: Glyph | None = None
    total = c.FPDFText_CountChars(tp)
    for i in range(min(total, limit)):
        code = unicode(tp, i)
        if code == 0x20 and generated(tp, i):
            # pdfium's word break where the PDF draws no space (kerned words in LaTeX output): a space
            # on the previous glyph's line, as pdfminer reads a drawn one; its line breaks (CR, LF) are
            # dropped below
            if last is not None and not last.text.isspace():
                last = _new(Glyph, (" ", last.x1, *last[2:]))
                append(last)
            continue
        if code == 0x02 and hyphen(tp, i):  # pdfium gives a hyphen that ends a line as U+0002
            code = 0x2D
        char = f"(cid:{code})" if unmapped(tp, i) == 1 else chr(code) if code else ""
        if not char or char in "\r\n":
            continue
        box(tp, i, at_rect)
        x0, x1, bottom = rect.left - dx, rect.right - dx, rect.bottom - dy
        if last is not None and last.x0 == x0 and last.x1 == x1 and last.bottom == bottom:
            # a ligature (one glyph, several characters, each given the glyph's box): one Glyph, as pdfminer
            last = glyphs[-1] = _new(Glyph, (last.text + char, *last[1:]))
            continue
        obj = text_object(tp, i)
        style, dingbats = known.get(obj) or styles.read(obj, i)
        if dingbats and char.isascii() and char.isalnum():
            char = "•"
        if style.upright:
            origin(tp, i, at_x, at_y)
            base = oy.value - dy
        else:
            base = bottom
        last = _new(Glyph, (char, x0, x1, bottom, rect.top - dy, base) + style)
        append(last)
    return glyphs, max(total - limit, 0)


def _dark_boxes(page: pdfium.PdfPage, dx: float, dy: float) -> list[Box]:
    """Filled non-white paths and images: white text drawn on them is visible."""
    boxes: list[Box] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    for obj in page.get_objects(filter=(c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_IMAGE), max_depth=2):
        if obj.type == c.FPDF_PAGEOBJ_PATH:
            c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
            if fill.value == c.FPDF_FILLMODE_NONE or (
                    c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a) and min(r.value, g.value, b.value) >= _WHITE):
                continue
        x0, y0, x1, y1 = obj.get_bounds()
        if x1 - x0 > 2 and y1 - y0 > 2:
            boxes.append((x0 - dx, y0 - dy, x1 - dx, y1 - dy))
        if len(boxes) >= 2000:
            break
    return boxes
