"""PDF backends: PDF bytes → pages of positioned glyphs (:class:`RawPage`), and the choice among them.

Two backends feed the same glyph data to the layout in :mod:`screener.extract.pdf`: pdfium
(:mod:`screener.extract.pdfium`, the default) and pdfminer.six (below). Only pdfminer's interpreter
runs (``laparams=None``): its layout analysis grows faster than quadratically with the text runs on
a page. ``auto`` reads with pdfium and falls back to pdfminer where pdfium cannot parse the file.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Protocol

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException

from screener.errors import ExtractError

if TYPE_CHECKING:
    from screener.extract.limits import BackendName, Limits


Box = tuple[float, float, float, float]
BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
DINGBATS = re.compile(r"dingbats|wingdings|webdings", re.IGNORECASE)  # letters there are bullets, icons
# What pdfminer raises on damaged input; it has no common base class for it.
_DAMAGED = (PDFException, PSException, RecursionError, LookupError, ValueError, TypeError, AssertionError,
            AttributeError, ArithmeticError, EOFError, NotImplementedError, zlib.error, struct.error)


class Glyph(NamedTuple):
    """One drawn character in page coordinates (points, origin bottom-left). A named tuple: a page has
    thousands, and a tuple is built several times faster than a frozen dataclass."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    base: float  # baseline y
    size: float
    bold: bool = False
    upright: bool = True
    white: bool = False  # filled in white or near-white
    invisible: bool = False  # text rendering mode 3 or 7


@dataclass
class RawPage:
    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    dark_boxes: list[Box] = field(default_factory=list)  # non-white fills and images (white text shows)
    dropped: int = 0  # characters beyond limits.max_chars_per_page, not read


class PdfBackend(Protocol):
    """Reads a PDF into positioned glyphs; raises ExtractError (encrypted, corrupt, too_many_pages)."""

    def load(self, data: bytes, limits: Limits) -> list[RawPage]: ...


def pdf_backend(name: BackendName) -> PdfBackend:
    """The backend for ``--pdf-backend``."""
    if name == "pdfminer":
        return PdfminerBackend()
    from screener.extract.pdfium import PdfiumBackend

    return PdfiumBackend() if name == "pdfium" else AutoBackend(PdfiumBackend(), PdfminerBackend())


class AutoBackend:
    """pdfium, and pdfminer where pdfium reports damaged syntax: pdfminer's lenient parser reads some
    such files. A file whose syntax pdfium parsed but whose page tree is unusable (an object that is
    a reference to itself) is not retried: pdfminer would loop on it until the worker's timeout."""

    def __init__(self, first: PdfBackend, fallback: PdfBackend) -> None:
        self.first, self.fallback = first, fallback

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        from screener.extract.pdfium import PdfiumOpenError

        try:
            return self.first.load(data, limits)
        except PdfiumOpenError as exc:
            if not exc.format_error:
                raise
            return self.fallback.load(data, limits)


# ----------------------------------------------------------------------------- pdfminer backend

class PdfminerBackend:
    """pdfminer.six without its layout analysis (``laparams=None``): the raw LTChar/LTCurve objects."""

    def load(self, data: bytes, limits: Limits) -> list[RawPage]:
        try:
            doc = PDFDocument(PDFParser(io.BytesIO(data)), password="")  # the empty user password
        except PDFPasswordIncorrect:  # its message is empty; say what it means
            raise ExtractError("encrypted", "the PDF is password-protected (a user password is required)") \
                from None
        except PDFEncryptionError as exc:
            raise ExtractError("encrypted", f"the PDF's encryption cannot be read ({exc})") from None
        except _DAMAGED as exc:
            raise _corrupt(exc) from exc
        try:
            pages = []
            for page in PDFPage.create_pages(doc):  # walks the page tree; no content is parsed yet
                pages.append(page)
                if len(pages) > limits.max_pages:
                    raise ExtractError("too_many_pages", f"the PDF has more than {limits.max_pages} pages")
            if not pages:
                raise ExtractError("corrupt", "the PDF is damaged and could not be read (no pages found)")
            rsrc = PDFResourceManager(caching=True)
            device = _Collector(rsrc, limits.max_chars_per_page)
            interpreter = PDFPageInterpreter(rsrc, device)
            out = []
            for number, page in enumerate(pages, 1):
                device.count = device.dropped = 0
                interpreter.process_page(page)
                out.append(_convert(device.get_result(), number, device.dropped))
            return out
        except _DAMAGED as exc:
            raise _corrupt(exc) from exc


def _corrupt(exc: BaseException) -> ExtractError:
    detail = type(exc).__name__ + (f": {str(exc).splitlines()[0][:80]}" if str(exc).strip() else "")
    if isinstance(exc, RecursionError):
        detail = "objects nested too deep"
    return ExtractError("corrupt", f"the PDF is damaged and could not be read ({detail})")


class _Collector(PDFPageAggregator):
    """Keeps raw layout objects, tags each char with its text rendering mode, caps chars per page."""

    def __init__(self, rsrc: PDFResourceManager, limit: int) -> None:
        super().__init__(rsrc, laparams=None)  # no pdfminer layout analysis: it is superlinear
        self.limit, self.count, self.dropped, self.mode = limit, 0, 0, 0

    def render_string(self, textstate, seq, ncs, graphicstate):  # type: ignore[no-untyped-def]
        self.mode = textstate.render
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):  # type: ignore[no-untyped-def]
        if self.count >= self.limit:  # past the limit: advance the pen, make no LTChar
            self.dropped += 1
            return float(font.char_width(cid) * fontsize * scaling)
        self.count += 1
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        if objs := getattr(self.cur_item, "_objs", None):  # pdfminer internals: tag the LTChar just added
            objs[-1].render_mode = self.mode
        return adv


def _white(color: object, space: str = "") -> bool:
    """Gray ≥ 0.95, RGB all ≥ 0.95 or CMYK all ≤ 0.05; tints, patterns and indexed colours are not judged."""
    color = (color,) if isinstance(color, (int, float)) else color
    if space in ("Separation", "DeviceN", "Indexed", "Pattern") or not isinstance(color, tuple) \
            or len(color) not in (1, 3, 4) or not all(isinstance(c, (int, float)) for c in color):
        return False
    return all(c <= 0.05 for c in color) if len(color) == 4 else all(c >= 0.95 for c in color)


def _convert(ltpage: LTPage, number: int, dropped: int) -> RawPage:
    glyphs: list[Glyph] = []
    dark: list[Box] = []
    stack = [iter(ltpage)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
        elif isinstance(obj, LTChar):
            gs, mode = obj.graphicstate, getattr(obj, "render_mode", 0)
            color, space = (gs.scolor, gs.scs) if mode in (1, 5) else (gs.ncolor, gs.ncs)  # stroke-only text
            _a, b, c, _d, _e, f = obj.matrix
            upright = bool(obj.upright) and abs(b) < 1e-6 and abs(c) < 1e-6
            text = obj.get_text()
            if len(text) == 1 and text.isascii() and text.isalnum() and DINGBATS.search(str(obj.fontname)):
                text = "•"
            glyphs.append(Glyph(text, obj.x0, obj.x1, obj.y0, obj.y1, f if upright else obj.y0,
                                obj.size, bool(BOLD.search(str(obj.fontname))), upright,
                                _white(color, space.name), mode in (3, 7)))
        elif isinstance(obj, LTImage) or isinstance(obj, LTCurve) and obj.fill and not _white(
                obj.non_stroking_color):
            if obj.width > 2 and obj.height > 2:
                dark.append(obj.bbox)
        elif isinstance(obj, LTContainer):
            stack.append(iter(obj))
    return RawPage(number, ltpage.width, ltpage.height, glyphs, dark, dropped)
