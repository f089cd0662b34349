"""Split a document's lines into sections by their headings.

A heading is recognised through its decoration and extra words: '--- EDUCATION -----', '== Skills ==',
'EXPERIENCE:', '~ Work ~', 'WORK EXPERIENCE (7 YEARS, 2017 - 2024)', 'Experience — 10 years' and
'Employment History (selected)' all open their section. The words (in several languages) are
vocabulary data (:mod:`screener.parse.vocabulary`), not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from screener.model import Line, Section, SectionKind
from screener.parse.dates import find_ranges
from screener.parse.vocabulary import Vocabulary, default_vocabulary, normalise

# Ornament around a heading: rules, bullets, numbering, Markdown marks, a trailing colon (not a bracket).
_ORNAMENT = re.compile(r"^(?:[^\w(\[（【]|_|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVX]{1,4}[.)]\s)+|(?:[^\w)\]）】]|_)+$")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）|【[^【】]*】")
# Where a heading's words end and other words begin: 'Experience — 10 years', '工作经历：…', 'Skills: Go'
_AFTER_HEADING = re.compile(r"\s+[-–—|·•~]+\s+|\s*[:：|]\s*|\s*[—–]\s*")
# A heading printed letter by letter, as designed templates space their capitals (normalised: 'w o r k e x p')
_LETTER_SPACED = re.compile(r"\w(?: \w){3,}")
_UNDATED: tuple[SectionKind, ...] = ("skills", "summary", "other")  # sections that hold no dated entries
_NOT_A_YEAR = 10**6  # 'as of' for reading ranges in a heading's extra words, where only their place matters


@dataclass(frozen=True)
class Heading:
    """A line that opens a section: its kind, its words, and what follows them on the same line."""

    kind: SectionKind
    text: str
    rest: str = ""  # a first line of content beside the heading ('EXPERIENCE<TAB>Acme …', '工作经历：Acme …')
    guessed: bool = False  # by a keyword in wording the vocabulary does not list ('Freelance Experience')


def _strip_ornament(text: str) -> str:
    return _ORNAMENT.sub("", text.strip()).strip()


def _exact(text: str, vocab: Vocabulary) -> SectionKind | None:
    norm = normalise(text)
    if not norm:
        return None
    if _LETTER_SPACED.fullmatch(norm):  # 'W O R K   E X P E R I E N C E'
        return vocab.unspaced_headings.get(norm.replace(" ", ""))
    return vocab.headings.get(norm) or vocab.headings.get(norm.replace(" ", ""))


def _qualifies(text: str, vocab: Vocabulary) -> bool:
    """Words after a heading that only qualify it: '10 years', 'selected', '7 YEARS, 2017 - 2024'.
    A range there summarises the section; it is not a job."""
    for found in reversed(find_ranges(text, _NOT_A_YEAR)):
        text = text[:found.start] + " " + text[found.end:]
    return all(w in vocab.heading_qualifiers for w in normalise(text).split())


def parse_heading(line: Line, vocab: Vocabulary | None = None) -> Heading | None:
    """The heading a line is, or None."""
    vocab = vocab or default_vocabulary()
    text = line.text.strip()
    if not text or len(text) > 80:
        return None
    label, tab, beside = text.partition("\t")
    if tab and beside.strip():  # a heading in a left-hand label column, its first content beside it
        kind = _exact(_strip_ornament(label), vocab)
        return Heading(kind, label.strip(), beside.strip()) if kind else None
    core = _strip_ornament(text)
    if kind := _exact(core, vocab):
        return Heading(kind, core)
    if kind := _bilingual(core, vocab):
        return Heading(kind, core)
    head, *after = _AFTER_HEADING.split(_strip_ornament(_BRACKETED.sub(" ", core)), maxsplit=1)
    kind = _exact(head, vocab)
    extra = " ".join(after + _BRACKETED.findall(core))
    if kind and _qualifies(extra, vocab):
        return Heading(kind, core)
    rest = _strip_ornament(_AFTER_HEADING.split(core, maxsplit=1)[-1])
    if kind == "experience" and find_ranges(rest, _NOT_A_YEAR) and len(rest.split()) <= 12:
        return Heading(kind, head, rest)  # a heading carrying its first job ('工作经历：Acme 2019.07 – 至今')
    return _by_keyword(line, core, vocab)


_BILINGUAL = re.compile(r"\s+[/|]\s+")


def _bilingual(core: str, vocab: Vocabulary) -> SectionKind | None:
    """A heading given in two languages ('Berufserfahrung / Experience', 'Parcours | Experience'):
    the parts the vocabulary knows agree on one kind, and any other part is a word or two."""
    parts = _BILINGUAL.split(core)
    if len(parts) < 2:
        return None
    kinds = {kind for p in parts if (kind := _exact(_strip_ornament(p), vocab))}
    unknown = [p for p in parts if not _exact(_strip_ornament(p), vocab)]
    if len(kinds) == 1 and all(len(p.split()) <= 2 for p in unknown):
        return kinds.pop()
    return None


def _by_keyword(line: Line, core: str, vocab: Vocabulary) -> Heading | None:
    """Wording not in the vocabulary, trusted only on a short, plain line that looks like a heading:
    'FACEBOOK | SOFTWARE ENGINEER' is a job, 'Stack: Go' a detail, 'Project Management Simulation
    Training' a course."""
    norm = normalise(core)
    words = norm.split()
    looks_like_heading = line.heading or (core.isupper() and len(words) <= 5) or line.text.strip().endswith(":")
    if not looks_like_heading or not words or len(words) > 5 or re.search(r"[\d|,·•–—@:]", core) \
            or vocab.job_titles.search(core):
        return None
    for pattern, kind in vocab.heading_keywords:
        # a longer line opens a section only by a noun that names one ('Experience and Leadership'),
        # not by a word a title may hold
        if pattern.search(norm) and (len(words) <= 3 or kind not in ("projects", "summary")):
            return Heading(kind, core, guessed=True)
    return None


def _column_headings(text: str, vocab: Vocabulary) -> bool:
    """A table's heading row ('Period<TAB>Company<TAB>Role<TAB>Stack', 'Skill<TAB>Experience'): its words
    name columns. Where its first cell is a section heading ('Skills<TAB>Experience'), it is two headings
    side by side, a sidebar's and the main column's."""
    return set(normalise(text).split()) <= vocab.column_labels and not _exact(text.split("\t")[0], vocab)


def _heading_in_last_cell(line: Line, vocab: Vocabulary) -> tuple[Line, Heading] | None:
    """A heading in the last cell of a two-column line: what comes before it, and the heading."""
    rest, tab, last = line.text.strip().rpartition("\t")
    if not tab or not rest.strip() or _column_headings(line.text, vocab):
        return None
    kind = _exact(_strip_ornament(last), vocab)
    return (replace(line, text=rest.strip()), Heading(kind, last.strip())) if kind else None


def _inside_a_job(line: Line, heading: Heading, vocab: Vocabulary, following: tuple[Line, ...]) -> bool:
    """In an experience section, a line of a job rather than a heading: 'Tech stack:' or 'Environment:'
    as a label, a dated line whose words only look like another section's ('Ixix' / 'Technologies
    (12/2021–04/2025)', a company name wrapped before its dates), or an organisation named with such a
    word just above its dates ('Quillon Technologies' / 'Mar 2019 – Present'): a guessed section that
    never opens with dates (skills, a summary, languages) does not start there."""
    label, colon, _ = line.text.replace("：", ":").partition(":")
    if colon and normalise(label) in vocab.job_details:
        return True
    if heading.guessed and heading.kind in _UNDATED and any(find_ranges(x.text, _NOT_A_YEAR) for x in following):
        return True
    # a heading in a label column ('Education<TAB>BSc, Lyon<TAB>2013 – 2017') is dated only by its own cell
    return heading.kind != "experience" and bool(find_ranges(heading.text if heading.rest else line.text, _NOT_A_YEAR))


def heading_kind(line: Line, vocab: Vocabulary | None = None) -> SectionKind | None:
    """The section a line opens, or None when it is not a section heading."""
    heading = parse_heading(line, vocab)
    return heading.kind if heading else None


_CAPS_WORDS = re.compile(r"((?:[^\W\d_a-z]{2,}\s+){1,2})(?=\S)")  # 'PROFESSIONAL Go Developer, …'


def _unwrap_label_headings(lines: tuple[Line, ...], vocab: Vocabulary) -> tuple[Line, ...]:
    """A heading that a narrow label column wrapped over two lines, its first words beside the section's
    first entry ('Work<TAB>PHP Developer, Velcal …' / 'Experience', or with too small a gap for a TAB
    'PROFESSIONAL Go Developer, …' / 'EXPERIENCE'): the heading on a line of its own, then the entry."""
    out = list(lines)
    for i in range(len(out) - 1):
        below = out[i + 1].text.strip()
        if "\t" in below or not 0 < len(below.split()) <= 2:
            continue
        label, _, rest = out[i].text.partition("\t")
        splits = [(label, rest)]
        if below.isupper() and (caps := _CAPS_WORDS.match(out[i].text)):
            splits.append((caps.group(1), out[i].text[caps.end():]))
        for label, rest in splits:
            # the label holds words of the heading: a date cell ('2019 – 2021<TAB>Engineer, Acme' over
            # 'Education') is an entry's, and the heading below opens the next section
            if normalise(label) and rest.strip() and _exact(f"{label.strip()} {below}", vocab):
                out[i] = replace(out[i], text=f"{label.strip()} {below}", heading=True)
                out[i + 1] = replace(out[i + 1], text=rest.strip(), heading=False)
                break
    return tuple(out)


def split_sections(lines: tuple[Line, ...], vocab: Vocabulary | None = None) -> tuple[Section, ...]:
    """Sections in document order; lines before the first heading form the 'preamble'."""
    sections: list[Section] = []
    kind: SectionKind = "preamble"
    title = ""
    body: list[Line] = []
    vocab = vocab or default_vocabulary()
    lines = _unwrap_label_headings(lines, vocab)
    for n, line in enumerate(lines):
        heading = parse_heading(line, vocab)
        if heading is None and (beside := _heading_in_last_cell(line, vocab)):
            body.append(beside[0])  # a sidebar's cell glued before the heading: 'English, Spanish<TAB>Employment'
            heading = beside[1]
        if heading is None or (kind == "experience" and _inside_a_job(line, heading, vocab, lines[n + 1:n + 3])):
            body.append(line)
            continue
        if body or kind != "preamble":
            sections.append(Section(kind, title, tuple(body)))
        kind, title = heading.kind, heading.text
        body = [replace(line, text=heading.rest)] if heading.rest else []
    sections.append(Section(kind, title, tuple(body)))
    return tuple(sections)
