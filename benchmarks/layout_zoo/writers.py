"""Blocks → documents: TXT, Markdown, DOCX (paragraphs, tables, a text box) and PDF from reportlab, headless
Chromium (HTML) and typst; pdfLaTeX, LibreOffice and pandoc in ``toolchains``. A writer that cannot run
here raises :class:`Unavailable` with the reason."""

from __future__ import annotations

import html
import random
import shutil
import subprocess
import tempfile
import textwrap
from functools import cache
from pathlib import Path

from .layouts import Block, Layout

EXTENSIONS = {"txt": ".txt", "md": ".md", "docx": ".docx", "docx_table": ".docx", "pandoc_docx": ".docx"}
_WIDTH = {"none": 96, "narrow": 40}
CHROMIUM = "/usr/bin/chromium"


class Unavailable(Exception):
    """This writer cannot run on this machine (a missing program, package or font)."""


def _cjk(layout: Layout) -> bool:
    return layout.choices["language"] == "zh"


# --------------------------------------------------------------------------- plain text and Markdown
def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False) or [""]


def _text_lines(blocks: list[Block], c: dict[str, str], markdown: bool) -> list[str]:
    width = _WIDTH[c["wrap"]]
    out: list[str] = []
    for b in blocks:
        if b.kind == "heading":
            if markdown:
                out += ["", ("### " if b.right == "sub" else "## ") + b.text, ""]
            else:
                out += ["", b.text] + (["=" * len(b.text)] if b.right == "underlined" else [])
        elif b.kind == "line":
            out += _wrap(b.text, width)
        elif b.kind == "bullet":
            out += _wrap(("- " if markdown else "• ") + b.text, width, "  ")
        elif b.kind == "row":
            if markdown:
                out.append(f"**{b.text}** · {b.right}")
            else:
                pad = max(3, width - len(b.text) - len(b.right))
                out.append(f"{b.text}{' ' * pad}{b.right}" if width > 60 else b.text + "\t" + b.right)
        elif b.kind == "margin":
            out.append(f"{b.text:<24}{b.right}" if not markdown else f"{b.text} · {b.right}" if b.text else b.right)
        elif b.kind == "table":
            if markdown:
                out += ["| " + " | ".join(b.rows[0]) + " |", "|" + "---|" * len(b.rows[0])]
                out += ["| " + " | ".join(r) + " |" for r in b.rows[1:]]
            else:
                out += ["  |  ".join(r) for r in b.rows]
        elif b.kind == "gap":
            out.append("")
    return out


def write_text(layout: Layout, path: Path, *, markdown: bool = False) -> None:
    lines = _text_lines(layout.main + layout.side, layout.choices, markdown)
    if markdown and lines:
        lines[0] = "# " + lines[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- DOCX
def write_docx(layout: Layout, path: Path, *, tables: bool) -> None:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    doc = Document()
    main_area, side_area = doc, None
    if layout.side and tables:  # a sidebar: a two-cell table, as Word CV templates build one
        grid = doc.add_table(rows=1, cols=2)
        side_area, main_area = grid.rows[0].cells
        side_area.width, main_area.width = Cm(5), Cm(12)

    def put(area, blocks: list[Block]) -> None:
        for b in blocks:
            if b.kind == "heading":
                p = area.add_paragraph(b.text, style="Heading 2" if b.right == "sub" else "Heading 1")
            elif b.kind == "line":
                area.add_paragraph(b.text)
            elif b.kind == "bullet":
                area.add_paragraph(b.text, style="List Bullet")
            elif b.kind in ("row", "margin"):
                left, right = (b.text, b.right)
                if tables:
                    row = area.add_table(rows=1, cols=2).rows[0].cells
                    row[0].text, row[1].text = left, right
                else:
                    p = area.add_paragraph(f"{left}\t{right}")
                    if b.kind == "row":
                        p.paragraph_format.tab_stops.add_tab_stop(Cm(16 if not layout.side else 11),
                                                                  WD_TAB_ALIGNMENT.RIGHT)
            elif b.kind == "table":
                table = area.add_table(rows=len(b.rows), cols=len(b.rows[0]))
                for r, values in enumerate(b.rows):
                    for k, value in enumerate(values):
                        table.rows[r].cells[k].text = value

    put(main_area, layout.main)
    if side_area is not None:
        put(side_area, layout.side)
    elif layout.side:  # a sidebar in a text box floating beside the first paragraph
        doc.paragraphs[0]._p.append(_text_box([b.text for b in layout.side if b.text]))
    doc.save(str(path))


def _text_box(lines: list[str]):
    """A VML text box (as Word writes one for compatibility) holding ``lines`` as paragraphs."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{html.escape(t)}</w:t></w:r></w:p>' for t in lines)
    return parse_xml(f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
                     '<v:shape style="position:absolute;margin-left:360pt;margin-top:0;width:150pt;height:400pt">'
                     f"<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


# --------------------------------------------------------------------------- PDF: reportlab
@cache
def _reportlab_fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = (f"/usr/share/fonts/truetype/dejavu/DejaVuSans{v}.ttf" for v in ("", "-Bold"))
    if not Path(regular).is_file():
        return "Helvetica", "Helvetica-Bold"
    pdfmetrics.registerFont(TTFont("ZooSans", regular))
    pdfmetrics.registerFont(TTFont("ZooSans-Bold", bold if Path(bold).is_file() else regular))
    return "ZooSans", "ZooSans-Bold"


def write_reportlab(layout: Layout, path: Path) -> None:
    if _cjk(layout):
        raise Unavailable("reportlab cannot embed the CJK fonts installed here (CFF outlines)")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    regular, bold = _reportlab_fonts()
    if regular == "Helvetica" and layout.choices["language"] == "ru":
        raise Unavailable("no TrueType font with Cyrillic (DejaVu) for reportlab")
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    narrow = layout.choices["wrap"] == "narrow"
    columns = [(210.0, 555.0 if not narrow else 420.0, layout.main), (40.0, 185.0, layout.side)] if layout.side \
        else [(50.0, 545.0 if not narrow else 300.0, layout.main)]
    for x0, x1, blocks in columns:
        y = height - 50

        def line(text: str, x: float, font: str = regular, size: float = 9.5) -> None:
            nonlocal y
            if y < 50:
                pdf.showPage()
                y = height - 50
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)

        def wrapped(text: str, x: float, font: str = regular, size: float = 9.5, x1: float = x1) -> None:
            nonlocal y
            words, current = text.split(), ""
            for word in words:
                trial = f"{current} {word}".strip()
                if current and stringWidth(trial, font, size) > x1 - x:
                    line(current, x, font, size)
                    y -= size * 1.35
                    current = word
                else:
                    current = trial
            line(current, x, font, size)
            y -= size * 1.35

        for b in blocks:
            if b.kind == "heading":
                y -= 6
                wrapped(b.text, x0, bold, 12 if b.right != "sub" else 10.5)
            elif b.kind == "line":
                wrapped(b.text, x0)
            elif b.kind == "bullet":
                line("•", x0)
                wrapped(b.text, x0 + 10)
            elif b.kind == "row":
                pdf.setFont(regular, 9.5)
                pdf.drawRightString(x1, y, b.right)
                right_width = stringWidth(b.right, regular, 9.5)
                if stringWidth(b.text, bold, 9.5) > x1 - x0 - right_width - 12:
                    wrapped(b.text, x0, bold)  # too long to share its line: the dates stay on the first
                else:
                    line(b.text, x0, bold)
                    y -= 9.5 * 1.35
            elif b.kind == "margin":
                line(b.text, x0)
                line(b.right, x0 + 125, bold)
                y -= 9.5 * 1.35
            elif b.kind == "table":
                cols = len(b.rows[0])
                step = (x1 - x0) / cols
                for r in b.rows:
                    for k, value in enumerate(r):
                        line(value, x0 + k * step, bold if r is b.rows[0] else regular, 8.5)
                    y -= 8.5 * 1.4
            elif b.kind == "gap":
                y -= 6
    pdf.save()


# --------------------------------------------------------------------------- PDF: Chromium on HTML
def _html(layout: Layout) -> str:
    def render(blocks: list[Block]) -> str:
        out = []
        for b in blocks:
            t, r = html.escape(b.text), html.escape(b.right)
            if b.kind == "heading":
                out.append(f"<h3>{t}</h3>" if b.right == "sub" else f"<h2>{t}</h2>")
            elif b.kind == "line":
                out.append(f"<p>{t}</p>")
            elif b.kind == "bullet":
                out.append(f"<ul><li>{t}</li></ul>")
            elif b.kind == "row":
                out.append(f'<div class="row"><b>{t}</b><span>{r}</span></div>')
            elif b.kind == "margin":
                out.append(f'<div class="margin"><span>{t}</span><b>{r}</b></div>')
            elif b.kind == "table":
                rows = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>" for row in b.rows)
                out.append(f"<table>{rows}</table>")
        return "\n".join(out)

    style = """body{font-family:'DejaVu Sans','Noto Sans CJK SC',sans-serif;font-size:10pt;margin:0}
h2{font-size:13pt;margin:10px 0 4px}h3{font-size:11pt;margin:8px 0 2px}p{margin:2px 0}
ul{margin:2px 0 2px 16px;padding:0}
.row{display:flex;justify-content:space-between}.margin{display:grid;grid-template-columns:150px 1fr}
.page{display:grid;grid-template-columns:190px 1fr;gap:24px}.side{background:#eef}td{padding:1px 8px}"""
    main = render(layout.main)
    body = f'<div class="page"><div class="side">{render(layout.side)}</div><div>{main}</div></div>' \
        if layout.side else main
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>{body}</body></html>"


def write_chromium(layout: Layout, path: Path) -> None:
    if not Path(CHROMIUM).is_file():
        raise Unavailable(f"{CHROMIUM} is not installed")
    if _cjk(layout) and not cjk_font():
        raise Unavailable("no CJK font installed (fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "cv.html"
        page.write_text(_html(layout), encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer", f"--print-to-pdf={path}",
                        page.as_uri()], check=True, capture_output=True, timeout=90)
    if not path.is_file():
        raise Unavailable("chromium printed no PDF")


# --------------------------------------------------------------------------- PDF: typst
def _typst_source(layout: Layout) -> str:
    def s(text: str) -> str:  # a string literal: no markup is read inside it
        return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def render(blocks: list[Block]) -> str:
        out = []
        for b in blocks:
            if b.kind == "heading":
                out.append(f"#heading(level: {2 if b.right == 'sub' else 1})[{s(b.text)}]")
            elif b.kind == "line":
                out.append(f"{s(b.text)}\n")
            elif b.kind == "bullet":
                out.append(f"- {s(b.text)}")
            elif b.kind == "row":
                out.append(f"#grid(columns: (1fr, auto), [*{s(b.text)}*], [{s(b.right)}])")
            elif b.kind == "margin":
                out.append(f"#grid(columns: (110pt, 1fr), [{s(b.text)}], [*{s(b.right)}*])")
            elif b.kind == "table":
                cells = ", ".join(f"[{s(v)}]" for row in b.rows for v in row)
                out.append(f"#table(columns: {len(b.rows[0])}, {cells})")
        return "\n".join(out)

    head = ('#set page(paper: "a4", margin: 1.6cm)\n'
            '#set text(font: ("DejaVu Sans", "Noto Sans CJK SC"), size: 9.5pt)\n'
            "#show heading: set text(size: 12pt)\n")
    if layout.side:
        side, main = render(layout.side), render(layout.main)
        return head + f"#grid(columns: (30%, 70%), gutter: 14pt, [\n{side}\n], [\n{main}\n])\n"
    return head + render(layout.main) + "\n"


def write_typst(layout: Layout, path: Path) -> None:
    try:
        import typst
    except ImportError:
        raise Unavailable("the typst package is not installed") from None
    if _cjk(layout) and not cjk_font():
        raise Unavailable("no CJK font installed (fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cv.typ"
        source.write_text(_typst_source(layout), encoding="utf-8")
        typst.compile(str(source), output=str(path), font_paths=[d for d in _FONT_DIRS if Path(d).is_dir()])


_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/opentype/noto")


@cache
def cjk_font() -> bool:
    """A CJK font is installed for Chromium and typst (Debian's fonts-noto-cjk)."""
    listing = shutil.which("fc-list")
    if listing is None:
        return Path("/usr/share/fonts/opentype/noto").is_dir()
    out = subprocess.run([listing, ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    return bool(out.strip())


def write(layout: Layout, folder: Path, stem: str, reuse: bool = False) -> Path:
    """The document for ``layout`` in ``folder``; Unavailable when its writer cannot run here."""
    writer = layout.choices["writer"]
    path = folder / (stem + EXTENSIONS.get(writer, ".pdf"))
    if reuse and path.is_file():
        return path
    if writer in ("txt", "md"):
        write_text(layout, path, markdown=writer == "md")
    elif writer in ("docx", "docx_table"):
        write_docx(layout, path, tables=writer == "docx_table")
    elif writer == "pdf_reportlab":
        write_reportlab(layout, path)
    elif writer == "pdf_chromium":
        write_chromium(layout, path)
    elif writer == "pdf_typst":
        write_typst(layout, path)
    else:
        from .toolchains import write_toolchain  # it builds on this module's DOCX writer

        write_toolchain(layout, path, random.Random(stem))
    return path
