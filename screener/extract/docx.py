"""DOCX → :class:`~screener.model.Document`: body order, text boxes, headers first and footers last.

The parts are read from the ZIP directly (not through python-docx, which misses text boxes and reads
whole parts into memory). Every part goes through one byte budget, ``Limits.max_inflated_bytes``:
a member is refused before inflating when its declared size does not fit or its compression ratio is
absurd, and inflated bytes are counted while streaming. Both give ``unsafe`` (a decompression bomb).
XML is parsed with DTDs forbidden (:mod:`screener.extract.zipparts`), so entity tricks (XXE, billion laughs) give
``unsafe`` too. document.xml is parsed incrementally: each body element is read, then dropped.
styles.xml, often the longest part (350 KB from python-docx), is parsed by lxml, and its styles are
worked out once per process for each distinct part.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import threading
import zipfile
import zlib
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException

from screener.errors import ExtractError
from screener.extract.cells import Cell, row_lines
from screener.extract.zipparts import Budget, Capped, XmlElement, iter_xml, parse_tree, read_guarded, read_xml, unsafe
from screener.model import Document, Line

if TYPE_CHECKING:
    from screener.extract.limits import Limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
VAL = W + "val"

# Never text: properties, deleted or moved-away revisions, field codes, content-control settings.
_SKIP = {W + t for t in ("pPr", "rPr", "tblPr", "trPr", "tcPr", "sectPr", "del", "moveFrom", "delText",
                         "instrText", "delInstrText", "sdtPr", "footnoteReference", "endnoteReference")}
_PIECES = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_HEADING_STYLE = re.compile(r"(heading\s*[1-9]|title)", re.IGNORECASE)
_SHORT_HEADING = 60  # an all-bold paragraph up to this length is a heading
_REASONS = {
    "hidden": "hidden text excluded: {} characters formatted as hidden",
    "white": "white text excluded: {} characters in white on a white background",
    "tiny": "tiny text excluded: {} characters in a font smaller than 2 pt",
}


@dataclass(frozen=True)
class _Style:
    heading: bool = False
    numbered: bool = False
    run: dict[str, object] = field(default_factory=dict)


@dataclass
class _Ctx:
    styles: dict[str, _Style]
    default: _Style  # the default paragraph style
    page_filled: bool = False  # a coloured page background makes white text visible
    excluded: Counter[str] = field(default_factory=Counter)


def _white(colour: str | None) -> bool:
    return (colour or "").upper().lstrip("#") in ("FFFFFF", "FFF", "WHITE")


def _paints(fill: str | None) -> bool:
    """A background colour that shows: set, not 'auto', not white."""
    return fill not in (None, "", "auto") and not _white(fill)


def _run_props(rpr: XmlElement | None) -> dict[str, object]:
    props: dict[str, object] = {}
    if rpr is None:
        return props
    for key in ("b", "vanish"):  # toggles: <w:b/> is on, <w:b w:val="0"/> off
        if (toggle := rpr.find(W + key)) is not None:
            props[key] = toggle.get(VAL, "true").lower() not in ("0", "false", "off")
    if (sz := rpr.find(W + "sz")) is not None and (sz.get(VAL) or "").isdigit():
        props["sz"] = int(sz.get(VAL) or 0)
    if (colour := rpr.find(W + "color")) is not None:
        props["color"] = colour.get(VAL)
    if (style := rpr.find(W + "rStyle")) is not None:
        props["style"] = style.get(VAL)
    shd, mark = rpr.find(W + "shd"), rpr.find(W + "highlight")
    props["filled"] = (shd is not None and _paints(shd.get(W + "fill"))) or (
        mark is not None and mark.get(VAL) not in ("none", "white"))
    return props


def _numbered(ppr: XmlElement | None) -> bool | None:
    num = None if ppr is None else ppr.find(f"{W}numPr/{W}numId")
    return None if num is None else num.get(VAL) != "0"


def _outline(ppr: XmlElement | None) -> bool:
    level = None if ppr is None else ppr.find(W + "outlineLvl")
    return level is not None and (level.get(VAL) or "9").isdigit() and int(level.get(VAL) or 9) < 9


def _styles(root: XmlElement | None) -> tuple[dict[str, _Style], _Style]:
    """Styles resolved through their basedOn chains; a cycle or missing parent ends the chain."""
    raw = {} if root is None else {s.get(W + "styleId") or "": s for s in root.iter(W + "style")}
    done: dict[str, _Style] = {}

    def resolve(sid: str, depth: int = 0) -> _Style:
        if sid in done or sid not in raw or depth > 20:
            return done.get(sid, _Style())
        el = raw[sid]
        based = el.find(W + "basedOn")
        parent = resolve(based.get(VAL) or "", depth + 1) if based is not None else _Style()
        name = el.find(W + "name")
        ppr = el.find(W + "pPr")
        done[sid] = _Style(
            heading=parent.heading or _outline(ppr)
            or bool(_HEADING_STYLE.fullmatch((name.get(VAL) if name is not None else "") or "")),
            numbered=n if (n := _numbered(ppr)) is not None else parent.numbered,
            run={**parent.run, **_run_props(el.find(W + "rPr"))})
        return done[sid]

    styles = {sid: resolve(sid) for sid in raw}
    default = next((styles[sid] for sid, el in raw.items()
                    if el.get(W + "type") == "paragraph" and el.get(W + "default") in ("1", "true", "on")),
                   _Style())
    return styles, default


_SEEN: OrderedDict[bytes, tuple[dict[str, _Style], _Style]] = OrderedDict()  # see _styles_of
_SEEN_LOCK = threading.Lock()  # a Dask worker runs tasks in threads


def _styles_of(part: bytes) -> tuple[dict[str, _Style], _Style]:
    """:func:`_styles` of a styles.xml, worked out once per process for each distinct part: CVs written
    with one tool or template (python-docx, pandoc, an agency's) share it byte for byte, and
    python-docx's is 350 KB. The last 16 parts of up to 1,000 styles are remembered by their sha256."""
    digest = hashlib.sha256(part).digest()
    with _SEEN_LOCK:
        if (seen := _SEEN.get(digest)) is not None:
            _SEEN.move_to_end(digest)
            return seen
    seen = _styles(parse_tree(part))
    if len(seen[0]) <= 1000:  # a few hundred in Word's and python-docx's templates
        with _SEEN_LOCK:
            _SEEN[digest] = seen
            if len(_SEEN) > 16:
                _SEEN.popitem(last=False)
    return seen


def _filled(el: Element) -> bool:
    """Whether el paints a non-white background under its text (white text on it is visible)."""
    props = el.find({W + "p": W + "pPr", W + "tc": W + "tcPr", W + "tbl": W + "tblPr",
                     WPS + "wsp": WPS + "spPr"}.get(el.tag, W + "-"))
    if props is not None:
        shd, fill = props.find(W + "shd"), props.find(A + "solidFill")
        if (shd is not None and _paints(shd.get(W + "fill"))) or (fill is not None and not any(
                _white(c.get("val")) or c.get("val") in ("bg1", "lt1") for c in fill)):
            return True
    return _paints(el.get("fillcolor")) and el.get("filled", "t") not in ("f", "false")  # VML shapes


def _choose(alt: Element) -> Element | None:
    """Word saves a text box twice (mc:Choice and a VML mc:Fallback): the Choice, unless it has no text."""
    choice, fallback = alt.find(MC + "Choice"), alt.find(MC + "Fallback")
    if choice is not None and (next(choice.iter(W + "t"), None) is not None or fallback is None):
        return choice
    return fallback


def _placeholder(el: Element) -> bool:
    """A content control still showing its prompt ('Click here to enter text.')."""
    return el.tag == W + "sdt" and el.find(f"{W}sdtPr/{W}showingPlcHdr") is not None


def _blocks(el: Element, ctx: _Ctx, out: list[tuple[str, bool]], filled: bool) -> None:
    """Paragraphs at or below el, in document order (tables row by row, cell by cell)."""
    if el.tag == W + "p":
        _paragraph(el, ctx, out, filled)
    elif el.tag == W + "tbl":
        rows = sum(child.tag == W + "tr" for child in el)
        for child in el:
            if child.tag == W + "tr":
                _row(child, ctx, out, filled or _filled(child), alone=rows == 1)
            else:
                _blocks(child, ctx, out, filled or _filled(child))
    elif el.tag == W + "tr":
        _row(el, ctx, out, filled)
    elif el.tag == MC + "AlternateContent":
        if (chosen := _choose(el)) is not None:
            _blocks(chosen, ctx, out, filled)
    elif el.tag not in _SKIP and not _placeholder(el):
        for child in el:
            _blocks(child, ctx, out, filled or _filled(child))


def _row(tr: Element, ctx: _Ctx, out: list[tuple[str, bool]], filled: bool, alone: bool = False) -> None:
    """A table row as a person reads it (:func:`screener.extract.cells.row_lines`)."""
    cells: list[Cell] = []
    for tc in tr:
        if tc.tag in _SKIP or _placeholder(tc):
            continue
        lines: Cell = []
        _blocks(tc, ctx, lines, filled or _filled(tc))
        cells.append(lines)
    out.extend(row_lines(cells, alone))


def _inline(el: Element, ctx: _Ctx, parts: list[tuple[str, bool]], boxes: list[tuple[str, bool]],
            props: dict[str, object], filled: bool) -> None:
    """Collects el's (text, bold) runs into parts and the lines of its text boxes into boxes."""
    for child in el:
        tag = child.tag
        if tag in _SKIP or _placeholder(child):
            continue
        if tag == W + "r":
            style = ctx.styles.get(str((rp := _run_props(child.find(W + "rPr"))).get("style")), _Style())
            _inline(child, ctx, parts, boxes, {**props, **style.run, **rp}, filled or bool(rp.get("filled")))
        elif tag == MC + "AlternateContent":
            if (chosen := _choose(child)) is not None:
                _inline(chosen, ctx, parts, boxes, props, filled)
        elif tag == W + "txbxContent":
            _blocks(child, ctx, boxes, filled)
        elif tag == W + "t" or tag in _PIECES:
            text = child.text or "" if tag == W + "t" else _PIECES[tag]
            reason = ("hidden" if props.get("vanish") else "tiny" if int(str(props.get("sz", 99))) < 4
                      else "white" if _white(str(props.get("color"))) and not filled and not ctx.page_filled
                      else None)
            if reason:
                ctx.excluded[reason] += len(text.strip())
            else:
                parts.append((text, bool(props.get("b"))))
        else:
            _inline(child, ctx, parts, boxes, props, filled or _filled(child))


def _paragraph(p: Element, ctx: _Ctx, out: list[tuple[str, bool]], filled: bool) -> None:
    ppr = p.find(W + "pPr")
    pstyle = ppr.find(W + "pStyle") if ppr is not None else None
    style = ctx.styles.get(pstyle.get(VAL) or "", _Style()) if pstyle is not None else ctx.default
    parts: list[tuple[str, bool]] = []
    boxes: list[tuple[str, bool]] = []  # emitted after the paragraph that anchors them
    _inline(p, ctx, parts, boxes, dict(style.run), filled)
    lines = [line.rstrip() for line in "".join(text for text, _ in parts).split("\n")]
    lines = [line for line in lines if line.strip()]
    bold = [b for text, b in parts if text.strip()]
    heading = style.heading or _outline(ppr) or (
        bool(bold) and all(bold) and len(" ".join(lines)) <= _SHORT_HEADING)
    numbered = n if (n := _numbered(ppr)) is not None else style.numbered
    for i, line in enumerate(lines):
        out.append(("• " + line.lstrip() if numbered and not heading and i == 0 else line, heading))
    out.extend(boxes)


def _body(stream: Capped, ctx: _Ctx) -> tuple[list[tuple[str, bool]], list[str]]:
    """Body lines and the relationship ids of the headers/footers the sections use, in order."""
    out: list[tuple[str, bool]] = []
    refs: list[str] = []
    stack: list[Element] = []
    for event, el in iter_xml(stream):
        if event == "start":
            stack.append(el)
            continue
        stack.pop()
        if el.tag in (W + "headerReference", W + "footerReference"):
            refs.append(el.get(R_ID) or "")
        elif el.tag == W + "background":
            ctx.page_filled = _paints(el.get(W + "color"))
        elif len(stack) == 2 and stack[-1].tag == W + "body":
            _blocks(el, ctx, out, False)
            stack[-1].remove(el)  # keep memory flat on long documents
    return out, refs


def _margins(budget: Budget, refs: list[str], ctx: _Ctx) -> dict[str, list[tuple[str, bool]]]:
    """Header and footer lines: each part once, in the order the sections refer to them, and each
    distinct line once (sections often repeat the same header in parts of their own)."""
    stream = budget.open("word/_rels/document.xml.rels")
    targets = {}
    for rel in [] if stream is None else read_xml(stream).iter(RELS):
        kind, target = (rel.get("Type") or "").rsplit("/", 1)[-1], rel.get("Target") or ""
        if kind in ("header", "footer") and rel.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
            targets[rel.get("Id")] = (kind, path)
    out: dict[str, list[tuple[str, bool]]] = {"header": [], "footer": []}
    for kind, name in dict.fromkeys(targets[ref] for ref in refs if ref in targets):
        if (part := budget.open(name)) is not None:
            lines: list[tuple[str, bool]] = []
            _blocks(read_xml(part), ctx, lines, False)
            out[kind].extend(line for line in dict.fromkeys(lines) if line not in out[kind])
    return out


def extract_docx(data: bytes, limits: Limits) -> Document:
    """The text of a Word document in reading order; hidden, white and tiny text are reported, not read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            budget = Budget(archive, limits.max_inflated_bytes)
            document = budget.open("word/document.xml")
            if document is None:
                raise ExtractError("corrupt", "the DOCX has no word/document.xml")
            styles_part = budget.open("word/styles.xml")
            ctx = _Ctx(*(_styles_of(read_guarded(styles_part)) if styles_part else _styles(None)))
            body, refs = _body(document, ctx)
            margins = _margins(budget, refs, ctx)
            pairs = margins["header"] + body + margins["footer"]
    except DefusedXmlException as exc:
        raise unsafe(f"the DOCX declares a DTD or XML entities ({type(exc).__name__}); refused") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, ParseError, NotImplementedError, ValueError,
            LookupError) as exc:  # LookupError: an XML declaration names an unknown encoding
        raise ExtractError("corrupt", f"the DOCX is damaged: {exc}") from exc
    if not pairs:
        raise ExtractError("no_text", "the DOCX has no text (only images or empty paragraphs)")
    lines = tuple(Line(text=text, number=i, heading=heading) for i, (text, heading) in enumerate(pairs, 1))
    warnings = tuple(_REASONS[key].format(n) for key, n in sorted(ctx.excluded.items()) if n)
    return Document(kind="docx", lines=lines, warnings=warnings)
