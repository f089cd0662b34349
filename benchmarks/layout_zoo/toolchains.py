r"""Writers through the toolchains most real CVs are made with, a family independent of the zoo's first
writers: pdfLaTeX (the zoo's blocks in an article, and three templates that lay a source out their own
way — a tabular* résumé, moderncv's \cventry, a paracol page with a sidebar), LibreOffice's Word → PDF
export of the zoo's DOCX, and pandoc (Markdown → DOCX, Markdown → PDF through LaTeX).

pdfTeX typesets differently from the browser, reportlab and typst: no space glyphs (words are placed
apart), ligatures and kerning, '--' for a dash; LibreOffice lays out Word's tab stops, tables and text
boxes itself. A writer whose program is missing raises :class:`Unavailable` with the reason.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .layouts import Block, Layout, heading, range_text
from .source import LABELS, Job, Source
from .writers import Unavailable, write_docx

_TIMEOUT = 180


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Unavailable(f"{name} is not installed")
    return path


# --------------------------------------------------------------------------- LaTeX
_TEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "|": r"\textbar{}",
                "<": r"\textless{}", ">": r"\textgreater{}", "–": "--", "—": "---", "’": "'",
                "·": r"\textperiodcentered{}"}
_TEX_RE = re.compile("|".join(re.escape(k) for k in _TEX_SPECIAL))


def tex(text: str) -> str:
    """Text as a LaTeX author types it: specials escaped, dashes as '--' and '---' (pdfTeX's ligatures)."""
    return _TEX_RE.sub(lambda m: _TEX_SPECIAL[m.group()], text)


def _tex_can_write(layout: Layout) -> None:
    if layout.choices["language"] in ("ru", "zh"):
        raise Unavailable("pdfLaTeX here has no Cyrillic or CJK fonts (texlive-lang-cyrillic, -cjk)")


def _preamble(layout: Layout, size: str = "10pt", geometry: str = "margin=1.8cm") -> str:
    font = {"lmodern": r"\usepackage{lmodern}", "helvet": "\\usepackage[scaled]{helvet}\n\\renewcommand\\familydefault"
            r"{\sfdefault}", "charter": r"\usepackage{charter}", "palatino": r"\usepackage{mathpazo}"}
    return (f"\\documentclass[{size},a4paper]{{article}}\n\\usepackage[utf8]{{inputenc}}\n\\usepackage[T1]{{fontenc}}\n"
            f"{font[layout.choices.get('tex_font', 'lmodern')]}\n\\usepackage[{geometry}]{{geometry}}\n"
            "\\usepackage{enumitem}\n\\usepackage{array}\n\\usepackage{paracol}\n\\usepackage[hidelinks]{hyperref}\n"
            "\\setlist[itemize]{nosep,leftmargin=1.2em}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n")


def _tex_blocks(blocks: list[Block], c: dict[str, str]) -> str:
    """The zoo's blocks as an author writes them in an article: \\section*, itemize, \\hfill or tabular* rows."""
    out: list[str] = []
    in_list = False
    for b in blocks:
        if in_list and b.kind != "bullet":
            out.append(r"\end{itemize}")
            in_list = False
        t, r = tex(b.text), tex(b.right)
        if b.kind == "heading":
            out.append(f"\\subsection*{{{t}}}" if b.right == "sub" else f"\\section*{{{t}}}"
                       + ("\\vspace{-6pt}\\hrule\\smallskip" if b.right == "underlined" else ""))
        elif b.kind == "line":
            out.append(f"{t}\\par")
        elif b.kind == "bullet":
            if not in_list:
                out.append(r"\begin{itemize}")
                in_list = True
            out.append(f"\\item {t}")
        elif b.kind == "row":
            out.append(f"\\textbf{{{t}}}\\hfill {r}\\par" if c.get("tex_row") == "hfill" else
                       "\\begin{tabular*}{\\linewidth}{@{}l@{\\extracolsep{\\fill}}r@{}}"
                       f"\\textbf{{{t}}} & {r}\\end{{tabular*}}\\par")
        elif b.kind == "margin":
            out.append(f"\\begin{{tabular}}{{@{{}}p{{0.24\\linewidth}}p{{0.72\\linewidth}}@{{}}}}{t} & \\textbf{{{r}}}"
                       "\\end{tabular}\\par")
        elif b.kind == "table":
            cols = len(b.rows[0])
            rows = " \\\\\n".join(" & ".join(tex(v) for v in row) for row in b.rows)
            out.append(f"\\begin{{tabular}}{{{'l' * cols}}}\\hline\n{rows} \\\\\\hline\\end{{tabular}}\\par")
        elif b.kind == "gap":
            out.append(r"\medskip")
    if in_list:
        out.append(r"\end{itemize}")
    return "\n".join(out)


def latex_blocks_source(layout: Layout) -> str:
    c = layout.choices
    geometry = "left=2cm,right=9cm,top=2cm,bottom=2cm" if c["wrap"] == "narrow" else "margin=1.8cm"
    body = _tex_blocks(layout.main, c)
    if layout.side:  # a sidebar column beside the main one, each flowing over pages of its own
        body = (f"\\columnratio{{0.3}}\n\\begin{{paracol}}{{2}}\n{_tex_blocks(layout.side, c)}\n\\switchcolumn\n"
                f"{body}\n\\end{{paracol}}")
    return _preamble(layout, geometry=geometry) + f"\\begin{{document}}\n{body}\n\\end{{document}}\n"


def _body(job: Job, c: dict[str, str]) -> tuple[list[str], str]:
    """A job's bullets and its stack line ('' when the sentences name the technologies)."""
    if c["stack"] == "none":
        return list(job.sentences), ""
    return list(job.plain), f"{c['stack']}: " + ", ".join([LABELS[s] for s in job.skills] + list(job.others))


def _items(lines: list[str]) -> str:
    return "\\begin{itemize}\n" + "\n".join(f"\\item {tex(x)}" for x in lines) + "\n\\end{itemize}"


def _heading_text(kind: str, layout: Layout, rng: random.Random, source: Source) -> str:
    return tex(heading(kind, layout.choices, rng, source).text)


def _skills_text(source: Source) -> str:
    return ", ".join([LABELS[s] for s in source.listed] + ["Python", "PostgreSQL"])


def resume_source(layout: Layout, source: Source, rng: random.Random) -> str:
    r"""The tabular* résumé engineers copy most: title and dates on one row, organisation and city under it
    (or organisation first), a rule under each small-caps section, projects with their range flush right."""
    c = layout.choices
    org_first = c["order"] != "title_org"
    pre = _preamble(layout, "11pt", "margin=1.5cm") + (
        "\\usepackage{titlesec}\n\\titleformat{\\section}{\\scshape\\raggedright\\large}{}{0em}{}[\\titlerule]\n"
        + ("\\input{glyphtounicode}\n\\pdfgentounicode=1\n" if c.get("tex_tounicode") == "yes" else "")
        + "\\newcommand{\\entry}[4]{\\begin{tabular*}{\\linewidth}[t]{@{}l@{\\extracolsep{\\fill}}r@{}}"
        "\\textbf{#1} & #2 \\\\ \\textit{\\small #3} & \\textit{\\small #4}\\end{tabular*}\\par}\n")
    out = [f"\\begin{{center}}{{\\Huge\\scshape {tex(source.name)}}}\\\\ \\small "
           f"{tex(source.name.split()[0].lower())}@example.org $|$ +44 20 7946 0{rng.randint(100, 999)}\\end{{center}}",
           f"\\section{{{_heading_text('experience', layout, rng, source)}}}"]
    for job in source.jobs:
        dates = tex(range_text(job.start, job.end, c))
        out.append(f"\\entry{{{tex(job.organisation)}}}{{{tex(job.city)}}}{{{tex(job.title)}}}{{{dates}}}" if org_first
                   else f"\\entry{{{tex(job.title)}}}{{{dates}}}{{{tex(job.organisation)}}}{{{tex(job.city)}}}")
        bullets, stack = _body(job, c)
        out.append(_items(bullets) + (f"\n\\textit{{{tex(stack)}}}\\par" if stack else "") + "\\smallskip")
    if c["nonjob"] == "open_ranges":
        for act in source.activities:
            out += [f"\\section{{{_heading_text(act.kind, layout, rng, source)}}}",
                    f"\\textbf{{{tex(act.text)}}}\\hfill {tex(range_text(act.start, None, c))}\\par"]
    degree, school, y1, y2 = source.degree
    out += [f"\\section{{{_heading_text('education', layout, rng, source)}}}",
            f"\\entry{{{tex(school)}}}{{}}{{{tex(degree)}}}{{{y1} -- {y2}}}",
            f"\\section{{{_heading_text('skills', layout, rng, source)}}}",
            f"\\textbf{{Technologies}}: {tex(_skills_text(source))}\\par"]
    return pre + "\\begin{document}\n" + "\n".join(out) + "\n\\end{document}\n"


def moderncv_source(layout: Layout, source: Source, rng: random.Random) -> str:
    r"""moderncv: \cventry{dates}{title}{organisation}{city}{}{description} in one of its styles (dates in a
    left margin column, or flush right under the organisation)."""
    c = layout.choices
    first, _, last = source.name.partition(" ")
    out = ["\\documentclass[10pt,a4paper,sans]{moderncv}",
           f"\\moderncvstyle{{{c.get('moderncv_style', 'classic')}}}", "\\moderncvcolor{blue}",
           "\\usepackage[utf8]{inputenc}", "\\usepackage[scale=0.8]{geometry}",
           f"\\name{{{tex(first)}}}{{{tex(last)}}}", f"\\email{{{tex(first.lower())}@example.org}}",
           "\\begin{document}", "\\makecvtitle",
           f"\\section{{{_heading_text('summary', layout, rng, source)}}}",
           "\\cvitem{}{Backend engineer who likes boring, reliable systems.}",
           f"\\section{{{_heading_text('experience', layout, rng, source)}}}"]
    for job in source.jobs:
        bullets, stack = _body(job, c)
        more = _items(bullets) + (f"\n{tex(stack)}" if stack else "")
        out.append(f"\\cventry{{{tex(range_text(job.start, job.end, c))}}}{{{tex(job.title)}}}"
                   f"{{{tex(job.organisation)}}}{{{tex(job.city)}}}{{}}{{{more}}}")
    degree, school, y1, y2 = source.degree
    out += [f"\\section{{{_heading_text('education', layout, rng, source)}}}",
            f"\\cventry{{{y1}--{y2}}}{{{tex(degree)}}}{{{tex(school)}}}{{}}{{}}{{}}"]
    if c["nonjob"] == "open_ranges":
        for act in source.activities:
            out += [f"\\section{{{_heading_text(act.kind, layout, rng, source)}}}",
                    f"\\cventry{{{tex(range_text(act.start, None, c))}}}{{{tex(act.text)}}}{{}}{{}}{{}}{{}}"]
    out += [f"\\section{{{_heading_text('skills', layout, rng, source)}}}",
            f"\\cvitem{{Technical}}{{{tex(_skills_text(source))}}}",
            f"\\section{{{_heading_text('languages', layout, rng, source)}}}", "\\cvitem{}{English, Spanish}",
            "\\end{document}"]
    return "\n".join(out) + "\n"


def paracol_source(layout: Layout, source: Source, rng: random.Random) -> str:
    """A page of two parallel columns (paracol): the jobs in the wide one (title; organisation; calendar and
    map-marker icons before the dates and the city), contact, education, a skill tag cloud and languages in
    the narrow one, on the left or the right."""
    c = layout.choices
    main = [f"{{\\LARGE\\bfseries {tex(source.name)}}}\\par\\medskip",
            f"\\section*{{{_heading_text('experience', layout, rng, source)}}}"]
    for job in source.jobs:
        bullets, stack = _body(job, c)
        main += [f"{{\\large\\bfseries {tex(job.title)}}}\\par", f"\\textbf{{{tex(job.organisation)}}}\\par",
                 f"{{\\small\\faCalendar*[regular]~{tex(range_text(job.start, job.end, c))}\\hfill"
                 f"\\faMapMarker*~{tex(job.city)}}}\\par", _items(bullets)]
        main += [f"{{\\small {tex(stack)}}}\\par"] if stack else []
        main.append("\\medskip")
    if c["nonjob"] == "open_ranges":
        for act in source.activities:
            main += [f"\\section*{{{_heading_text(act.kind, layout, rng, source)}}}",
                     f"{tex(act.text)}\\par{{\\small\\faCalendar*[regular]~"
                     f"{tex(range_text(act.start, None, c))}}}\\par"]
    degree, school, y1, y2 = source.degree
    tags = " ".join(f"\\fbox{{{tex(t)}}}" for t in [LABELS[s] for s in source.listed] + ["Python", "PostgreSQL"])
    side = ["\\raggedright", f"\\faEnvelope~{tex(source.name.split()[0].lower())}@example.org\\par",
            f"\\section*{{{_heading_text('skills', layout, rng, source)}}}", f"{tags}\\par",
            f"\\section*{{{_heading_text('education', layout, rng, source)}}}",
            f"\\textbf{{{tex(degree)}}}\\par {tex(school)}\\par {y1} -- {y2}\\par",
            f"\\section*{{{_heading_text('languages', layout, rng, source)}}}", "English, Spanish\\par"]
    left, right, ratio = (side, main, "0.3") if c.get("sidebar_side") == "left" else (main, side, "0.68")
    return (_preamble(layout, geometry="margin=1.4cm") + "\\usepackage{fontawesome5}\n"
            "\\usepackage{titlesec}\n\\titleformat*{\\section}{\\large\\bfseries\\scshape}\n"
            f"\\begin{{document}}\n\\columnratio{{{ratio}}}\n\\begin{{paracol}}{{2}}\n" + "\n".join(left)
            + "\n\\switchcolumn\n" + "\n".join(right) + "\n\\end{paracol}\n\\end{document}\n")


def pdflatex(source: str, path: Path) -> None:
    """Typeset ``source`` with pdfLaTeX into ``path``."""
    program = _program("pdflatex")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "cv.tex").write_text(source, encoding="utf-8")
        run = subprocess.run([program, "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=tmp,
                             capture_output=True, timeout=_TIMEOUT, text=True, errors="replace")
        pdf = Path(tmp) / "cv.pdf"
        if not pdf.is_file():
            errors = [ln for ln in run.stdout.splitlines() if ln.startswith("!")]
            raise RuntimeError(f"pdflatex failed: {errors[:2] or run.stdout[-300:]}")
        shutil.move(pdf, path)


# --------------------------------------------------------------------------- LibreOffice and pandoc
def soffice_pdf(document: Path, path: Path) -> None:
    """LibreOffice's export of a Word document to PDF (its own layout of tab stops, tables, text boxes)."""
    program = _program("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"  # its own profile: no clash with another LibreOffice running
        subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", tmp, str(document)], capture_output=True,
                       timeout=_TIMEOUT, check=True)
        pdf = Path(tmp) / (document.stem + ".pdf")
        if not pdf.is_file():
            raise RuntimeError("LibreOffice wrote no PDF")
        shutil.move(pdf, path)


def pandoc_markdown(layout: Layout) -> str:
    """Markdown as written for pandoc: a paragraph per line (pandoc joins adjacent lines), lists, pipe tables."""
    out: list[str] = [f"# {layout.main[0].text}", ""] if layout.main else []
    for b in layout.main[1:] + layout.side:
        if b.kind == "heading":
            out += [("### " if b.right == "sub" else "## ") + b.text, ""]
        elif b.kind == "line":
            out += [b.text, ""]
        elif b.kind == "bullet":
            out.append("- " + b.text)
        elif b.kind in ("row", "margin"):
            out += [f"**{b.text}** · {b.right}" if b.kind == "row" else " · ".join(x for x in (b.text, b.right) if x),
                    ""]
        elif b.kind == "table":
            out += ["", "| " + " | ".join(b.rows[0]) + " |", "|" + "---|" * len(b.rows[0])]
            out += ["| " + " | ".join(r) + " |" for r in b.rows[1:]] + [""]
        elif b.kind == "gap":
            out.append("")
    text = "\n".join(out)
    return re.sub(r"(\n- [^\n]*)\n(?!- |\n)", r"\1\n\n", text)  # a list ends before the next paragraph


def pandoc(layout: Layout, path: Path) -> None:
    program = _program("pandoc")
    args = ["--pdf-engine=pdflatex", "-V", "geometry:margin=2cm"] if path.suffix == ".pdf" else []
    if path.suffix == ".pdf":
        _program("pdflatex")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cv.md"
        source.write_text(pandoc_markdown(layout), encoding="utf-8")
        run = subprocess.run([program, "-f", "markdown", str(source), "-o", str(path), *args], capture_output=True,
                             timeout=_TIMEOUT, text=True)
        if run.returncode or not path.is_file():
            raise RuntimeError(f"pandoc failed: {run.stderr[-300:]}")


def write_toolchain(layout: Layout, path: Path, rng: random.Random) -> None:
    """Write ``path`` with the toolchain named by the layout's writer."""
    writer, source = layout.choices["writer"], layout.source
    if source is None:
        raise ValueError("a layout without its source")
    if writer.startswith(("pdf_latex", "tex_", "pandoc_pdf")):
        _tex_can_write(layout)
    if writer == "pdf_latex":
        pdflatex(latex_blocks_source(layout), path)
    elif writer == "tex_resume":
        pdflatex(resume_source(layout, source, rng), path)
    elif writer == "tex_moderncv":
        pdflatex(moderncv_source(layout, source, rng), path)
    elif writer == "tex_paracol":
        pdflatex(paracol_source(layout, source, rng), path)
    elif writer.startswith("pdf_libreoffice"):
        with tempfile.TemporaryDirectory() as tmp:
            document = Path(tmp) / f"{path.stem}.docx"
            write_docx(layout, document, tables=writer.endswith("table"))
            soffice_pdf(document, path)
    elif writer.startswith("pandoc_"):
        pandoc(layout, path)
    else:
        raise ValueError(f"not a toolchain writer: {writer}")
