"""ODT (OpenDocument text) → :class:`Document`: content.xml in body order, read as DOCX is.

The package is read through the same inflated-size budget and defusedxml parser as DOCX
(:mod:`screener.extract.zipparts`). Headings (``text:h``) are marked, list items get a bullet, table
rows are read as DOCX rows are (:mod:`screener.extract.cells`) and text boxes where they stand. Text a reader cannot see
(``text:display="none"``, hidden paragraphs and sections, white or sub-2 pt text set by an automatic
style) is left out and named in the warnings.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException

from screener.errors import ExtractError
from screener.extract.cells import row_lines
from screener.extract.zipparts import Budget, read_xml, unsafe
from screener.model import Document, Line

if TYPE_CHECKING:
    from screener.extract.limits import Limits

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PARAGRAPHS = {TEXT + "p", TEXT + "h"}
_SKIPPED = {TEXT + t for t in ("tracked-changes", "note", "bookmark-ref", "sequence-decls", "variable-decls",
                                "hidden-text", "hidden-paragraph")} | {OFFICE + "annotation"}


def extract_odt(data: bytes, limits: Limits) -> Document:
    """The text of an OpenDocument text file in body order; hidden, white and tiny text are reported."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = Budget(archive, limits.max_inflated_bytes).open("content.xml")
            if content is None:
                raise ExtractError("corrupt", "the ODT has no content.xml")
            root = read_xml(content)
    except DefusedXmlException as exc:
        raise unsafe(f"the ODT declares a DTD or XML entities ({type(exc).__name__}); refused") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, ParseError, NotImplementedError, ValueError,
            LookupError) as exc:  # LookupError: an XML declaration names an unknown encoding
        raise ExtractError("corrupt", f"the ODT is damaged: {exc}") from exc
    reader = _Reader(_hidden_styles(root))
    for body in root.iter(OFFICE + "text"):
        reader.blocks(body)
    if not reader.lines:
        raise ExtractError("no_text", "the ODT has no text (only images or empty paragraphs)")
    warnings = tuple(f"hidden text excluded: {n} characters {why}" for why, n in sorted(reader.excluded.items()))
    return Document("odt", tuple(Line(t, i, heading=h) for i, (t, h) in enumerate(reader.lines, 1)),
                    warnings=warnings)


def _hidden_styles(root: Element) -> dict[str, str]:
    """Automatic styles that hide text, by name → why."""
    out = {}
    for style in root.iter(STYLE + "style"):
        name = style.get(STYLE + "name")
        props = style.find(STYLE + "text-properties")
        section = style.find(STYLE + "section-properties")
        if name is None:
            continue
        if props is not None and props.get(TEXT + "display") == "none" or \
                section is not None and section.get(TEXT + "display") == "none":
            out[name] = 'formatted as hidden (text:display="none")'
        elif props is not None and (props.get(FO + "color") or "").lower() in ("#ffffff", "#fff") \
                and (props.get(FO + "background-color") or "transparent").lower() in ("transparent", "#ffffff"):
            out[name] = "in white on a white background"
        elif props is not None and (size := props.get(FO + "font-size", "")).endswith("pt") and \
                _points(size) < 2:
            out[name] = "in a font smaller than 2 pt"
    return out


def _points(size: str) -> float:
    try:
        return float(size[:-2])
    except ValueError:
        return 12.0


class _Reader:
    def __init__(self, hidden: dict[str, str]) -> None:
        self.hidden = hidden
        self.lines: list[tuple[str, bool]] = []
        self.excluded: Counter[str] = Counter()

    def _why(self, element: Element) -> str | None:
        if element.tag in (TEXT + "hidden-text", TEXT + "hidden-paragraph"):
            return "in hidden text fields"
        if element.get(TEXT + "display") == "none":
            return 'formatted as hidden (text:display="none")'
        return self.hidden.get(element.get(TEXT + "style-name") or element.get(TABLE + "style-name") or "")

    def blocks(self, element: Element, bullet: bool = False) -> None:
        """Paragraphs, headings, lists, tables and sections under ``element``, in document order."""
        for child in element:
            if (why := self._why(child)) is not None:
                self.excluded[why] += len("".join("".join(child.itertext()).split()))
            elif child.tag in _PARAGRAPHS:
                self.paragraph(child, bullet)
            elif child.tag == TEXT + "list-item":
                self.blocks(child, bullet=True)
            elif child.tag == TABLE + "table":
                self.table(child)
            elif child.tag not in _SKIPPED:
                self.blocks(child, bullet)

    def table(self, table: Element) -> None:
        """A table row by row, each read as a person reads it (:func:`screener.extract.cells.row_lines`)."""
        rows = list(_rows(table))
        for row in rows:
            cells = []
            for cell in row:
                if cell.tag == TABLE + "table-cell" and (why := self._why(cell)) is not None:
                    self.excluded[why] += len("".join("".join(cell.itertext()).split()))
                elif cell.tag == TABLE + "table-cell":
                    outer, self.lines = self.lines, []
                    self.blocks(cell)
                    cells.append(self.lines)
                    self.lines = outer
            self.lines.extend(row_lines(cells, alone=len(rows) == 1))

    def paragraph(self, element: Element, bullet: bool) -> None:
        """One paragraph (a line break inside it starts a new line), then any text box anchored in it."""
        boxes: list[Element] = []
        for i, text in enumerate(self.inline(element, boxes).split("\n")):
            if text := "\t".join(" ".join(part.split()) for part in text.split("\t")).strip("\t"):
                self.lines.append((("• " if bullet and i == 0 else "") + text, element.tag == TEXT + "h"))
        for box in boxes:
            self.blocks(box)

    def inline(self, element: Element, boxes: list[Element]) -> str:
        """The text of a paragraph's runs: spans, links, spaces (``text:s``), tabs and line breaks;
        text boxes (``draw:frame``) are collected in ``boxes``."""
        out = [element.text or ""]
        for child in element:
            if (why := self._why(child)) is not None:
                self.excluded[why] += len("".join("".join(child.itertext()).split()))
            elif child.tag == TEXT + "s":
                out.append(" " * _count(child.get(TEXT + "c")))
            elif child.tag == TEXT + "tab":
                out.append("\t")
            elif child.tag == TEXT + "line-break":
                out.append("\n")
            elif child.tag == DRAW + "frame":
                boxes.extend(child.iter(DRAW + "text-box"))
            elif child.tag not in _SKIPPED:
                out.append(self.inline(child, boxes))
            out.append(child.tail or "")
        return "".join(out)


def _rows(element: Element) -> Iterator[Element]:
    """The rows of a table, also those in header-row and row groups, not those of a table inside it."""
    for child in element:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag != TABLE + "table":
            yield from _rows(child)


def _count(value: str | None) -> int:
    return min(int(value), 100) if value and value.isdigit() else 1
