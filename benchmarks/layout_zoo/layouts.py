"""Arrange a CV source into blocks under a set of independent layout choices.

The zoo keeps its own month names and headings (it must not share the parser's word lists, or a gap
in both would go unseen).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .source import AS_OF, LABELS, Job, Source

# --------------------------------------------------------------------------- languages
_MONTHS = {  # full names, then abbreviations
    "en": ("January February March April May June July August September October November December",
           "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
    "de": ("Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
           "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez."),
    "fr": ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
           "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc."),
    "es": ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
           "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic."),
    "pt": ("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
           "jan fev mar abr mai jun jul ago set out nov dez"),
    "ru": ("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
           "янв. февр. март апр. май июнь июль авг. сент. окт. нояб. дек."),
    "sv": ("januari februari mars april maj juni juli augusti september oktober november december",
           "jan feb mars apr maj juni juli aug sep okt nov dec"),
    "nb": ("januar februar mars april mai juni juli august september oktober november desember",
           "jan feb mar apr mai jun jul aug sep okt nov des"),
}
_RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря")
PRESENT = {"en": ("Present", "Current", "Now", "present", "Today"), "de": ("heute", "Heute", "aktuell"),
           "fr": ("aujourd’hui", "présent", "Aujourd'hui"), "es": ("actualidad", "Actualidad", "presente"),
           "pt": ("atual", "o momento", "Presente"), "ru": ("по настоящее время", "н.в.", "наст. время", "сейчас"),
           "zh": ("至今", "现在", "今"), "sv": ("pågående", "nu", "Nu"), "nb": ("nå", "d.d.", "Nå")}
HEADINGS = {  # experience, education, skills, projects, volunteering, activities, summary, languages
    "en": ("Experience|Work Experience|Professional Experience|Employment History|Work History", "Education",
           "Skills|Technical Skills", "Projects", "Volunteering", "Activities|Extracurricular Activities", "Summary",
           "Languages"),
    "de": ("Berufserfahrung|Beruflicher Werdegang", "Ausbildung", "Kenntnisse|Fähigkeiten", "Projekte",
           "Ehrenamt", "Aktivitäten", "Profil", "Sprachen"),
    "fr": ("Expérience professionnelle|Expériences", "Formation", "Compétences", "Projets", "Bénévolat",
           "Activités", "Profil", "Langues"),
    "es": ("Experiencia laboral|Experiencia profesional", "Educación|Formación", "Habilidades", "Proyectos",
           "Voluntariado", "Actividades", "Perfil", "Idiomas"),
    "pt": ("Experiência profissional", "Formação", "Competências", "Projetos", "Voluntariado", "Atividades",
           "Perfil", "Idiomas"),
    "ru": ("Опыт работы|Опыт", "Образование", "Навыки|Ключевые навыки", "Проекты", "Волонтёрство",
           "Деятельность", "О себе", "Языки"),
    "zh": ("工作经历|工作经验", "教育经历|教育背景", "专业技能|技能", "项目经历", "志愿者经历", "社团活动", "个人简介",
           "语言"),
    "sv": ("Arbetslivserfarenhet|Erfarenhet", "Utbildning", "Kompetenser|Färdigheter", "Projekt", "Ideellt arbete",
           "Aktiviteter", "Profil", "Språk"),
    "nb": ("Arbeidserfaring|Erfaring", "Utdanning", "Ferdigheter|Kompetanse", "Prosjekter", "Frivillig arbeid",
           "Aktiviteter", "Profil", "Språk"),
}
_KINDS = ("experience", "education", "skills", "projects", "volunteering", "activities", "summary", "languages")
LANGUAGES = ("en",) * 6 + ("de", "fr", "es", "pt", "ru", "ru", "zh", "zh", "sv", "nb")

# --------------------------------------------------------------------------- choices
CHOICES: dict[str, tuple[str, ...]] = {
    "heading": ("plain", "upper", "colon", "dashes", "equals", "tilde", "extra_words", "numbered", "underlined"),
    "header": ("after", "before", "below", "own_bullet", "right", "left_margin", "summary_table", "linkedin"),
    "order": ("title_org", "org_title", "org_caps_title", "two_lines"),
    "date_format": ("mon_yyyy", "month_yyyy", "mm/yyyy", "yyyy-mm", "mm.yyyy", "yyyy.mm", "yyyy / mm",
                    "apostrophe", "cjk"),
    "dash": (" – ", " - ", " — ", "–", " to "),
    "stack": ("none", "none", "Stack", "Tech stack", "Technologies", "Environment"),
    "nonjob": ("none", "open_ranges"),
    "columns": ("single", "single", "sidebar"),
    "wrap": ("none", "none", "narrow"),
    "writer": ("txt", "md", "docx", "docx_table", "pdf_reportlab", "pdf_chromium", "pdf_typst",
               # the toolchain family (toolchains.py): pdfLaTeX, LibreOffice's Word export, pandoc
               "pdf_latex", "tex_resume", "tex_moderncv", "tex_paracol", "pdf_libreoffice", "pdf_libreoffice_table",
               "pandoc_docx", "pandoc_pdf"),
}
TEMPLATES = ("tex_resume", "tex_moderncv", "tex_paracol")  # writers that arrange the source themselves
_WRITER_CHOICES = {  # choices only some writers have, by writer
    "tex_font": (("lmodern", "helvet", "charter", "palatino"), ("pdf_latex", "tex_resume", "tex_paracol")),
    "tex_row": (("hfill", "tabular"), ("pdf_latex",)),  # a row's dates after \hfill, or a tabular* cell
    "tex_tounicode": (("yes", "no"), ("tex_resume",)),  # \pdfgentounicode, as ATS-minded templates set
    "moderncv_style": (("classic", "banking", "casual", "oldstyle", "fancy"), ("tex_moderncv",)),
    "sidebar_side": (("left", "right"), ("tex_paracol",)),
}


@dataclass(frozen=True)
class Block:
    kind: str  # 'heading', 'line', 'bullet', 'row' (text, dates flush right), 'margin' (dates in a left
    text: str = ""  # column, text beside them), 'table', 'gap'
    right: str = ""  # a row's right cell; a margin row's text; 'sub' or 'underlined' for a heading
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass
class Layout:
    choices: dict[str, str]
    main: list[Block] = field(default_factory=list)
    side: list[Block] = field(default_factory=list)  # a sidebar (or nothing)
    source: Source | None = None  # for the templates, which arrange it their own way


def draw_choices(rng: random.Random, writers: tuple[str, ...] | None = None) -> dict[str, str]:
    """Independent choices (the writer among ``writers``), then the few that a language or writer rules out."""
    c = {k: rng.choice(v) for k, v in CHOICES.items()}
    if writers is not None:
        c["writer"] = rng.choice(writers)
    c["language"] = rng.choice(LANGUAGES)
    if c["date_format"] == "cjk" and c["language"] != "zh":  # CJK marks only in Chinese, ’19 only in English
        c["date_format"] = "mon_yyyy"
    if c["date_format"] == "apostrophe" and c["language"] != "en":
        c["date_format"] = "mon_yyyy"
    if c["language"] == "zh" and rng.random() < 0.6:
        c["date_format"] = rng.choice(("cjk", "yyyy.mm", "yyyy-mm"))
    if c["language"] == "zh" and c["dash"] == " to ":
        c["dash"] = rng.choice((" - ", "～", " – "))
    if c["dash"] == " to " and c["language"] != "en":
        c["dash"] = " – "
    if c["header"] == "linkedin":  # the LinkedIn export: its own fixed arrangement
        c.update(language="en", date_format="month_yyyy", dash=" - ", heading="plain", order="title_org")
    if c["columns"] == "sidebar" and c["writer"] in ("txt", "md"):
        c["columns"] = "single"
    if c["wrap"] == "narrow" and (c["writer"] not in ("txt", "md", "pdf_reportlab", "pdf_latex") or (
            c["writer"] == "pdf_latex" and c["columns"] == "sidebar")):  # TeX would overprint a narrow sidebar
        c["wrap"] = "none"
    c.update({k: rng.choice(values) for k, (values, users) in _WRITER_CHOICES.items() if c["writer"] in users})
    if c["writer"] in TEMPLATES:  # a template places titles, dates and columns its own way
        c.update(header="template", order=c["order"] if c["writer"] == "tex_resume" else "template",
                 columns="sidebar" if c["writer"] == "tex_paracol" else "single", wrap="none",
                 heading=c["heading"] if c["heading"] in ("plain", "upper", "extra_words") else "plain")
    return c


def month_text(ym: tuple[int, int], c: dict[str, str], *, end: bool = False) -> str:
    year, month = ym
    lang, fmt = c["language"], c["date_format"]
    if fmt == "cjk":
        return f"{year}年{month}月"
    if fmt in ("mm/yyyy", "mm.yyyy"):
        return f"{month:02d}{fmt[2]}{year}"
    if fmt in ("yyyy-mm", "yyyy.mm"):
        return f"{year}{fmt[4]}{month:02d}"
    if fmt == "yyyy / mm":
        return f"{year} / {month:02d}"
    if fmt == "apostrophe":
        return f"{_MONTHS['en'][1].split()[month - 1]} ’{year % 100:02d}"
    if lang == "zh":
        return f"{year}.{month:02d}"
    full, short = (names.split() for names in _MONTHS[lang])
    names = full if fmt == "month_yyyy" else short
    if lang == "ru" and fmt == "month_yyyy" and c.get("ru_genitive") == "yes":
        names = _RU_GENITIVE
    return f"{names[month - 1]} {year}"


def range_text(start: tuple[int, int], end: tuple[int, int] | None, c: dict[str, str]) -> str:
    present = c.get("present") or PRESENT[c["language"]][0]
    tail = present if end is None else month_text(end, c, end=True)
    return f"{month_text(start, c)}{c['dash']}{tail}"


def duration(start: tuple[int, int], end: tuple[int, int] | None) -> str:
    """LinkedIn's '(5 years 11 months)'."""
    end = end or AS_OF
    months = (end[0] * 12 + end[1]) - (start[0] * 12 + start[1]) + 1
    years, rest = divmod(months, 12)
    parts = ([f"{years} year{'s' if years != 1 else ''}"] if years else []) + (
        [f"{rest} month{'s' if rest != 1 else ''}"] if rest else [])
    return " ".join(parts)


def heading(kind: str, c: dict[str, str], rng: random.Random, source: Source) -> Block:
    words = rng.choice(HEADINGS[c["language"]][_KINDS.index(kind)].split("|"))
    style = c["heading"]
    if style == "upper" or (style == "extra_words" and kind != "experience"):
        words = words.upper()
    elif style == "colon":
        words += ":"
    elif style == "dashes":
        words = f"--- {words.upper()} -----"
    elif style == "equals":
        words = f"== {words} =="
    elif style == "tilde":
        words = f"~ {words} ~"
    elif style == "numbered":
        words = f"{_KINDS.index(kind) + 1}. {words}"
    elif style == "extra_words":
        first = min(j.start[0] for j in source.jobs)
        last = max((j.end or AS_OF)[0] for j in source.jobs)
        years = round(sum(len(j.months()) for j in source.jobs) / 12)
        words = f"{words.upper()} ({years} YEARS, {first} - {last})" if c["language"] == "en" else \
            f"{words} ({first}–{last})"
    return Block("heading", words, right="underlined" if style == "underlined" else "")


def _title_org(job: Job, c: dict[str, str]) -> list[str]:
    """The title and organisation as one or two header lines, in the chosen order."""
    order = c["order"]
    if order == "org_title":
        return [f"{job.organisation} — {job.title}"]
    if order == "org_caps_title":
        return [f"{job.organisation} — {job.title.upper()}"]
    if order == "two_lines":
        return [job.title, f"{job.organisation}, {job.city}"]
    return [f"{job.title}, {job.organisation}"]


def _job_body(job: Job, c: dict[str, str]) -> list[Block]:
    if c["stack"] == "none":
        return [Block("bullet", s) for s in job.sentences]
    stack = ", ".join([LABELS[s] for s in job.skills] + list(job.others))
    return [Block("bullet", s) for s in job.plain] + [Block("line", f"{c['stack']}: {stack}")]


def _job_blocks(job: Job, c: dict[str, str]) -> list[Block]:
    dates = range_text(job.start, job.end, c)
    head = _title_org(job, c)
    where = c["header"]
    if where == "after":
        blocks = [Block("line", f"{head[0]} ({dates})" if len(head) == 1 else head[0])] + \
                 ([Block("line", f"{head[1]} | {dates}")] if len(head) > 1 else [])
    elif where == "before":
        blocks = [Block("line", f"{dates} | {head[0]}")] + [Block("line", h) for h in head[1:]]
    elif where == "below":
        blocks = [Block("line", h) for h in head] + [Block("line", dates)]
    elif where == "own_bullet":
        blocks = [Block("line", h) for h in head] + [Block("bullet", dates), Block("bullet", job.city)]
    elif where == "right":
        blocks = [Block("row", head[0], dates)] + [Block("line", h) for h in head[1:]]
    else:  # left_margin
        blocks = [Block("margin", dates, head[0])] + [Block("margin", "", h) for h in head[1:]]
    return blocks + _job_body(job, c)


def _linkedin(source: Source, c: dict[str, str]) -> list[Block]:
    """Company; title; 'January 2019 - Present (5 years 11 months)'; place; text. Roles held at one
    company sit under it, the company's total duration on the line below its name."""
    blocks: list[Block] = []
    i = 0
    while i < len(source.jobs):
        group = [source.jobs[i]]
        while i + len(group) < len(source.jobs) and source.jobs[i + len(group)].organisation == group[0].organisation:
            group.append(source.jobs[i + len(group)])
        blocks.append(Block("line", group[0].organisation))
        if len(group) > 1:
            blocks.append(Block("line", duration(group[-1].start, group[0].end)))
        for job in group:
            blocks += [Block("line", job.title),
                       Block("line", f"{range_text(job.start, job.end, c)} ({duration(job.start, job.end)})"),
                       Block("line", job.city)]
            blocks += [Block("line", s) for s in job.sentences]
        i += len(group)
    return blocks


def _summary_table(source: Source, c: dict[str, str]) -> list[Block]:
    """A table of periods, then one detail subsection per role."""
    rows = tuple((range_text(j.start, j.end, c), j.title, j.organisation) for j in source.jobs)
    blocks = [Block("table", rows=(("Period", "Role", "Company"), *rows))]
    for job in source.jobs:
        blocks.append(Block("heading", f"{job.title}, {job.organisation}", right="sub"))
        blocks += _job_body(job, c)
    return blocks


def arrange(source: Source, c: dict[str, str], rng: random.Random) -> Layout:
    """Blocks of the CV: name, summary, experience, education, skills, non-job sections (some in a sidebar)."""
    c = dict(c)
    c["present"] = rng.choice(PRESENT[c["language"]]) if c["header"] != "linkedin" else "Present"
    c["ru_genitive"] = rng.choice(("yes", "no"))
    layout = Layout(c, source=source)
    main, side = layout.main, layout.side
    main.append(Block("line", source.name))
    main.append(Block("line", f"{source.name.split()[0].lower()}@example.org · +44 20 7946 0{rng.randint(100, 999)}"))
    main += [heading("summary", c, rng, source), Block("line", "Backend engineer who likes boring, reliable systems.")]
    main.append(heading("experience", c, rng, source))
    if c["header"] == "linkedin":
        main += _linkedin(source, c)
    elif c["header"] == "summary_table":
        main += _summary_table(source, c)
    else:
        for job in source.jobs:
            main += _job_blocks(job, c)
            main.append(Block("gap"))
    degree, school, y1, y2 = source.degree
    main += [heading("education", c, rng, source), Block("line", f"{degree}, {school}, {y1}{c['dash']}{y2}")]
    skills = [heading("skills", c, rng, source),
              Block("line", ", ".join([LABELS[s] for s in source.listed] + ["Python", "PostgreSQL"]))]
    extra: list[Block] = []
    if c["nonjob"] == "open_ranges":
        for act in source.activities:
            extra += [heading(act.kind, c, rng, source),
                      Block("line", f"{act.text}{c['dash']}{range_text(act.start, None, c)}")]
    languages = [heading("languages", c, rng, source), Block("line", "English, Spanish")]
    if c["columns"] == "sidebar":
        side += skills + languages
        main += extra
    else:
        main += skills + extra + languages
    return layout

