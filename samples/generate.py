#!/usr/bin/env python3
"""Render the bundled sample CVs and write their ground truth:  python samples/generate.py

Reads samples/src/NN-slug.md (the text of each PDF/DOCX sample) and samples/src/positions.yaml
(the hand-annotated dated positions of every sample), writes samples/NN-slug.pdf|docx and
samples/answers.yaml, and checks the annotations against the texts (checks.py). The .txt and
.md samples are hand-written and only read. Re-running gives the same bytes (reportlab
invariant=1, fixed DOCX dates). Source format: '# Name', header lines, '## Section',
'### Title | Company | Dates' entries with '- ' bullets; other lines are paragraphs.
All people and companies are invented.
"""
import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
import yaml
from checks import SKILLS, check, rendered_text  # samples/checks.py
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
AS_OF = "2026-11"  # 'Present' in every sample; the screener runs with --as-of 2026-11-01
STAMP = dt.datetime(2026, 1, 15, 9, 0, 0)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# DejaVuSans-Oblique has no Persian digits, so the DejaVu 'italic' is the upright face. reportlab
# writes '•' in Helvetica as byte 0x7F, which pdfminer prints as '(cid:127)': bullet with '–' there.
FONTS = {"helv": {"r": "Helvetica", "b": "Helvetica-Bold", "i": "Helvetica-Oblique", "mark": "–"},
         "dejavu": {"r": "DejaVuSans", "b": "DejaVuSans-Bold", "i": "DejaVuSans", "mark": "•"}}
RENDER = {  # stem -> PDF (where the dates go, font) or DOCX mode (see render_docx)
    "01-strong-fit": ("below", "helv"), "03-java-kotlin": ("right", "helv"),
    "07-golang-sidebar": ("sidebar", "helv"), "08-claims-agree": ("below", "helv"),
    "10-solar-hijri": ("below", "dejavu"), "15-php-laravel-rust": ("right", "dejavu"),
    "02-near-miss-go": "headings", "06-skills-only": "table", "11-year-only": "inline",
    "12-sre-devops": "plain",
}
SIDEBAR = {"Contact", "Skills", "Languages", "Education"}
MINIMUMS = {"backend": 5, "go": 2, "kafka": 1, "mysql": 3, "redis": 1}  # plus docker mentioned


@dataclass
class Entry:
    title: str
    org: str
    dates: str
    bullets: list = field(default_factory=list)


def parse(text: str) -> tuple[str, list[str], list[tuple[str, list]]]:
    """-> name, header lines, [(section name, [paragraph str | Entry])]"""
    name, header, sections = "", [], []
    for line in filter(None, map(str.rstrip, text.splitlines())):
        items = sections[-1][1] if sections else None
        if line.startswith("# "):
            name = line[2:]
        elif line.startswith("## "):
            sections.append((line[3:], []))
        elif items is None:
            header.append(line)
        elif line.startswith("### "):
            items.append(Entry(*[part.strip() for part in line[4:].split("|")]))
        elif line.startswith("- ") and items and isinstance(items[-1], Entry):
            items[-1].bullets.append(line[2:])
        else:
            items.append(line)
    return name, header, sections


# ---------------------------------------------------------------- PDF (reportlab)
class Pen:
    """A cursor writing wrapped lines downwards inside one column of a canvas."""

    def __init__(self, c, x: float, width: float, top: float, fonts: dict, paged=True):
        self.c, self.x, self.width, self.top, self.y = c, x, width, top, top
        self.fonts, self.paged = fonts, paged

    def need(self, height: float) -> None:
        if self.y - height < 48:
            if not self.paged:
                raise SystemExit("the sidebar layout overflows its single page")
            self.c.showPage()
            self.y = self.top

    def line(self, text, size=9.5, style="r", indent=0.0, right=None, mark=None, gap=3.0):
        """Wrapped text; `right` is drawn right-aligned on the first line, `mark` before it."""
        font, room = self.fonts[style], self.width - indent
        if right:
            room -= pdfmetrics.stringWidth(right, self.fonts["i"], size) + 10
        for n, part in enumerate(simpleSplit(text, font, size, room)):
            self.need(size + gap)
            self.y -= size + gap
            self.c.setFont(font, size)
            self.c.drawString(self.x + indent, self.y, part)
            if n == 0 and mark:
                self.c.drawString(self.x + indent - 9, self.y, mark)
            if n == 0 and right:
                self.c.setFont(self.fonts["i"], size)
                self.c.drawRightString(self.x + self.width, self.y, right)

    def heading(self, text: str, size: float) -> None:
        self.need(size + 28)
        self.y -= 8
        self.line(text, size, "b")
        self.c.setLineWidth(0.6)
        self.c.line(self.x, self.y - 4, self.x + self.width, self.y - 4)
        self.y -= 6

    def entry(self, e: Entry, dates: str) -> None:
        self.need(40)
        self.y -= 4
        if dates == "below":
            self.line(e.title, 10.5, "b")
            self.line(f"{e.org}  |  {e.dates}", 9.5, "i")
        else:  # dates right-aligned on the title line
            self.line(e.title, 10.5, "b", right=e.dates)
            self.line(e.org, 9.5, "i")
        for bullet in e.bullets:
            self.line(bullet, indent=14, mark=self.fonts["mark"])


def render_pdf(text: str, out: Path, layout: tuple[str, str]) -> None:
    dates, font = layout
    if font == "dejavu":
        for face in ("DejaVuSans", "DejaVuSans-Bold"):
            pdfmetrics.registerFont(TTFont(face, str(DEJAVU / f"{face}.ttf")))
    name, header, sections = parse(text)
    (width, height), fonts = A4, FONTS[font]
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    c.setTitle(f"{name} - CV")
    c.setAuthor(name)
    c.setCreator("samples/generate.py (reportlab)")
    if dates == "sidebar":  # a tinted left-hand sidebar, the main column to its right
        c.setFillColorRGB(0.92, 0.94, 0.97)
        c.rect(0, 0, 196, height, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        side = Pen(c, 22, 152, height - 92, fonts, paged=False)
        main = Pen(c, 220, width - 260, height - 44, fonts, paged=False)
    else:
        side = main = Pen(c, 56, width - 112, height - 50, fonts)
    main.line(name, 20, "b", gap=6)
    for line in header:
        main.line(line, 10.5)
    for section, items in sections:
        pen = side if dates == "sidebar" and section in SIDEBAR else main
        size = 9.5 if pen is main else 9
        pen.heading(section, size + 2)
        for item in items:
            pen.entry(item, "right" if dates == "sidebar" else dates) if isinstance(item, Entry) \
                else pen.line(item, size)
    c.save()


# ---------------------------------------------------------------- DOCX (python-docx)
def bold_paragraph(d, text: str, size: float) -> None:
    run = d.add_paragraph().add_run(text)
    run.bold, run.font.size = True, Pt(size)


def experience_table(d, entries: list[Entry]) -> None:
    table = d.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("Period", "Role", "Company"), strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    for e in entries:
        period, role, company = table.add_row().cells
        period.text, company.text = e.dates, e.org
        role.paragraphs[0].add_run(e.title).bold = True
        for bullet in e.bullets:
            role.add_paragraph(bullet, style="List Bullet")
    for row in table.rows:
        for cell, inches in zip(row.cells, (1.4, 3.6, 1.6), strict=True):
            cell.width = Inches(inches)


def render_docx(text: str, out: Path, mode: str) -> None:
    """headings: Heading 2 'Title — Company', dates below; inline: dates in the heading;
    table: positions in a Period | Role | Company table; plain: no Heading styles, bold runs
    and the dates after a right-aligned tab stop."""
    name, header, sections = parse(text)
    d = docx.Document()
    d.styles["Normal"].font.name, d.styles["Normal"].font.size = "Calibri", Pt(10.5)
    props = d.core_properties
    props.author = props.last_modified_by = name
    props.title, props.revision = f"{name} - CV", 1
    props.created = props.modified = props.last_printed = STAMP
    bold_paragraph(d, name, 18) if mode == "plain" else d.add_heading(name, 0)
    for line in header:
        d.add_paragraph(line)
    for section, items in sections:
        bold_paragraph(d, section.upper(), 12) if mode == "plain" else d.add_heading(section, 1)
        entries = [item for item in items if isinstance(item, Entry)]
        if mode == "table" and entries and section != "Education":
            experience_table(d, entries)
            continue
        for item in items:
            if isinstance(item, str):
                d.add_paragraph(item)
                continue
            if mode == "plain":
                p = d.add_paragraph()
                p.paragraph_format.tab_stops.add_tab_stop(Inches(6.2), WD_TAB_ALIGNMENT.RIGHT)
                p.add_run(item.title).bold = True
                p.add_run(f", {item.org}\t{item.dates}")
            elif mode == "inline":
                d.add_heading(f"{item.title}, {item.org} ({item.dates})", 2)
            else:
                d.add_heading(f"{item.title} — {item.org}", 2)
                d.add_paragraph().add_run(item.dates).italic = True
            for bullet in item.bullets:
                d.add_paragraph(*(["• " + bullet] if mode == "plain" else [bullet, "List Bullet"]))
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():  # fixed entry timestamps, so the bytes do not change between runs
            zout.writestr(zipfile.ZipInfo(info.filename, STAMP.timetuple()[:6]), zin.read(info.filename),
                          compress_type=zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------- ground truth
def month(ym: str) -> int:
    year, mon = map(int, (AS_OF if ym == "present" else ym).split("-"))
    return year * 12 + mon - 1


def years(positions: list[dict]) -> float:
    """Distinct months covered by the positions (inclusive, overlaps merged), in years."""
    months = set().union(*(range(month(p["start"]), month(p["end"]) + 1) for p in positions))
    return round(len(months) / 12, 2)


def minimums(values: dict, tolerance: dict, docker: bool) -> tuple[list, list]:
    unmet = [k for k, need in MINIMUMS.items() if values[k] < need] + ([] if docker else ["docker"])
    return unmet, [k for k, need in MINIMUMS.items() if abs(values[k] - need) <= tolerance[k]]


def truth(meta: dict) -> dict:
    ps = meta["positions"]
    groups = {"experience": ps, "backend": [p for p in ps if p["backend"]]}
    groups |= {s: [p for p in ps if s in p["uses"]] for s in SKILLS}
    values = {k: years(v) for k, v in groups.items()}
    tolerance = {k: 1.0 if any(p.get("year_only") for p in v) else 0.25 for k, v in groups.items()}
    mentioned = set(meta.get("also", [])).union(*(p["uses"] for p in ps))
    t = {"case": meta["case"], "layout": meta["layout"], "experience_years": values["experience"]}
    if any(p.get("internship") for p in ps):
        t["experience_years_excl_internships"] = years([p for p in ps if not p.get("internship")])
    t["backend_years"] = values["backend"]
    t["skills"] = {s: {"years": values[s], "mentioned": s in mentioned} for s in SKILLS}
    unmet, borderline = minimums(values, tolerance, "docker" in mentioned)
    t |= {"meets_minimums": not unmet, "unmet_minimums": unmet, "borderline": borderline}
    clear = [k for k in unmet if k not in borderline]
    t["expected_verdict"] = "pass" if not unmet else "fail" if clear else "review"
    t["year_only_tolerance"] = [k for k, tol in tolerance.items() if tol == 1.0]
    if meta.get("claims"):
        t["claims"] = {s: {"claimed": n, "dated": values[s]} for s, n in meta["claims"].items()}
        t["ambiguous"] = any(abs(n - values[s]) > 1 for s, n in meta["claims"].items())
        if t["ambiguous"]:
            claimed = values | {s: max(n, values[s]) for s, n in meta["claims"].items()}
            t["meets_minimums_if_claims_used"] = not minimums(claimed, tolerance, "docker" in mentioned)[0]
    return t


def main() -> int:
    meta = yaml.safe_load((HERE / "src" / "positions.yaml").read_text("utf-8"))
    answers, problems = {}, []
    for file, m in meta.items():
        stem, ext = file.rsplit(".", 1)
        rendered = None
        if ext in ("pdf", "docx"):
            text = (HERE / "src" / f"{stem}.md").read_text("utf-8")
            (render_pdf if ext == "pdf" else render_docx)(text, HERE / file, RENDER[stem])
            rendered = rendered_text(HERE / file)
        else:
            text = (HERE / file).read_text("utf-8")
        answers[file] = truth(m)
        mentioned = {s for s, v in answers[file]["skills"].items() if v["mentioned"]}
        problems += [f"{file}: {p}" for p in check(m, text, mentioned, rendered)]
    body = {"as_of": "2026-11-01", "minimums": {**MINIMUMS, "docker": "mentioned"}, "files": answers}
    (HERE / "answers.yaml").write_text(
        "# GENERATED by samples/generate.py from samples/src/positions.yaml; do not edit by hand.\n"
        "# Rules: shared/devset/README.md. Years = distinct months of the dated positions naming the\n"
        "# skill / 12, rounded to 2 decimals; Present = 2026-11.\n"
        + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=110), "utf-8")
    for problem in problems:
        print("PROBLEM", problem, file=sys.stderr)
    print(f"{len(answers)} samples ({sum(f.endswith(('pdf', 'docx')) for f in answers)} rendered), "
          f"{len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
