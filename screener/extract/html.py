"""HTML → :class:`Document`, parsed by BeautifulSoup with lxml (nothing is fetched, nothing is run).

Scripts, styles and other non-text elements are dropped. Elements a reader cannot see (``hidden``,
``aria-hidden="true"``, ``display:none``, ``visibility:hidden``, ``font-size:0``, inline or through a
simple rule of a ``<style>`` block) are left out and named in the warnings, as hidden PDF text is.
Block elements end lines, headings (``h1``–``h6``) are marked, list items get a bullet and table
rows are read as DOCX rows are (:mod:`screener.extract.cells`): cells TAB-separated, as a right-hand
column is in a PDF line.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from screener.errors import ExtractError
from screener.extract.cells import row_lines
from screener.extract.text import decode
from screener.model import Document, Line

_DROPPED = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "iframe",
            "object", "embed", "canvas", "button", "select", "input", "textarea"}
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset",
           "figcaption", "figure", "footer", "form", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
           "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption",
           "h1", "h2", "h3", "h4", "h5", "h6"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CELLS = {"td", "th"}
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|(?<![\w-])font-size\s*:\s*0(?:\.0+)?"
                     r"(?:px|pt|em|rem|%)?\s*(?:;|$|!)", re.IGNORECASE)
_RULE = re.compile(r"([^{}@]{1,500})\{([^{}]{0,2000})\}")
_SIMPLE_SELECTOR = re.compile(r"[A-Za-z0-9]*(?:[.#][\w-]+)*")


def extract_html(data: bytes) -> Document:
    soup = BeautifulSoup(decode(data), "lxml")
    hidden = _drop_hidden(soup)
    builder = _Lines()
    builder.walk(soup)
    builder.flush()
    warnings: tuple[str, ...] = ()
    if hidden:
        warnings = ("hidden text excluded: " + "; ".join(
            f"{chars} characters in elements with {why}" for why, chars in sorted(hidden.items())),)
    if not builder.lines:
        raise ExtractError("no_text", "the HTML page has no visible text" + (f" ({warnings[0]})" if hidden else ""))
    return Document("html", tuple(builder.lines), warnings=warnings)


def _drop_hidden(soup: BeautifulSoup) -> Counter[str]:
    """Remove the elements a reader cannot see; characters of text removed, by the reason."""
    found: dict[int, tuple[Tag, str]] = {}
    for sheet in soup.find_all("style"):
        for selectors, declarations in _RULE.findall(sheet.get_text()):
            if match := _HIDING.search(declarations):
                for selector in (s.strip() for s in selectors.split(",")):
                    if selector and _SIMPLE_SELECTOR.fullmatch(selector):
                        for tag in soup.select(selector):
                            found.setdefault(id(tag), (tag, _reason(match.group(0))))
    for tag in soup.find_all(True):
        style = str(tag.get("style") or "")
        if tag.has_attr("hidden"):
            found.setdefault(id(tag), (tag, "the hidden attribute"))
        elif str(tag.get("aria-hidden", "")).lower() == "true" and tag.find(string=True) is not None:
            found.setdefault(id(tag), (tag, 'aria-hidden="true"'))  # (an empty one is an icon, left in place)
        elif match := _HIDING.search(style):
            found.setdefault(id(tag), (tag, _reason(match.group(0))))
    counts: Counter[str] = Counter()
    for tag, why in found.values():
        if not tag.decomposed:  # not already removed with an ancestor
            chars = len("".join(tag.get_text().split()))
            if chars and tag.name not in _DROPPED:
                counts[why] += chars
            tag.decompose()
    return counts


def _reason(declaration: str) -> str:
    return re.sub(r"\s+", "", declaration.lower()).rstrip(";!")


class _Lines:
    """Text runs joined into lines: a block element ends a line, a table cell adds a TAB."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.heading = False
        self.pre = 0  # how many <pre> elements the walk is inside

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):  # a TAB in the page's source is a blank, not a cell
                self.parts.append(str(child) if self.pre else str(child).replace("\t", " "))
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    self.flush()
                elif name in _DROPPED or child.find(string=True) is None:
                    # an icon, an image or an empty box sets the words around it apart ('Apr 2026<i
                    # class="icon-clock"></i>5 years 2 months'): a blank, as the page shows
                    self.parts.append(" ")
                elif name == "tr":
                    self.flush()
                    self.row(child)
                elif name in _CELLS:  # a cell outside a row
                    self.parts.append("\t")
                    self.walk(child)
                elif name in _BLOCKS:
                    self.flush()
                    if name == "li":
                        self.parts.append("• ")
                    self.pre += name == "pre"  # preformatted text keeps its TABs: columns
                    self.walk(child)
                    self.pre -= name == "pre"
                    self.heading = name in _HEADINGS
                    self.flush()
                else:
                    self.walk(child)

    def row(self, tr: Tag) -> None:
        """A table row as a person reads it (:func:`screener.extract.cells.row_lines`)."""
        cells = []
        for td in tr.find_all(_CELLS, recursive=False):
            cell = _Lines()
            cell.walk(td)
            cell.flush()
            cells.append([(line.text, line.heading) for line in cell.lines])
        table = tr.find_parent("table")
        for text, heading in row_lines(cells, alone=table is not None and len(table.find_all("tr", limit=2)) == 1):
            self.add(text, heading)

    def flush(self) -> None:
        cells = [" ".join(cell.split()) for cell in "".join(self.parts).split("\t")]
        self.add("\t".join(cell for cell in cells if cell), self.heading)
        self.parts, self.heading = [], False

    def add(self, text: str, heading: bool) -> None:
        if text and text != "•":
            self.lines.append(Line(text, len(self.lines) + 1, heading=heading and "\t" not in text))
