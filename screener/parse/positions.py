"""Find the dated positions of a work history: a header (title, organisation, dates) and its own text.

A position is anchored on a line whose date range stands apart from other words (not inside a
sentence or a bullet's detail). Its header may start a line or two earlier (title and organisation
above the dates: as many lines as the first position of the section has) and may continue on short
lines after it. Its body runs to where the next position's header begins.
"""

from __future__ import annotations

import re
from dataclasses import replace

from screener.model import Line, Position, Section, SectionKind
from screener.parse.dates import Found, closing_date, find_ranges, join_wrapped, opening_date, runs_on
from screener.parse.events import ranges_from_events
from screener.parse.vocabulary import Vocabulary, default_vocabulary, normalise, words_pattern
from screener.parse.wordlists import titles

_BULLETS = "•·▪◦●○■□➢►▶✓✔-–—*+>"
# Emoji that mark a line's parts ('🏢 Acme · 💼 Engineer · 📅 Mar 2021 – now'): decoration, read as nothing
_PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2600-\u26FF\uFE0F\u200D]")
_BULLET = re.compile(rf"^\s*[{re.escape(_BULLETS)}]\s*")
_SEPARATORS = re.compile(rf"\s+(?:{'|'.join(map(re.escape, titles().employer_words))}|@)\s+"
                         r"|(?:(?<=[a-z]{2})|(?<=\)))(?<!Pvt)(?<!Inc)(?<!Corp)(?<!Bros)\.\s+(?=[A-Z])"  # not Pvt. Ltd.
                         r"|\s+(?:[—–/]|-{1,2})\s+|\s*[|\t·•,]\s*"
                         r"|\s{3,}|\s*\u3000\s*|\.{3,}|…+")  # … or an ideographic space ('株式会社　エンジニア')
_LEGAL_FORM = words_pattern(titles().legal_forms)  # 'GmbH', 'S.A.': a piece with one names the organisation
_LEADER = re.compile(rf"^[\s{re.escape(_BULLETS)}#]*(?:\d+(?:\.\d+)*[.)]?(?:\s+|$))?[*_]*")  # bullets, numbering
_MAX_HEADER_WORDS = 20
_PLACE_WORDS = 3  # a bullet with a range and at most this many other words ('Remote', 'Berlin, DE') is a date line
# Sections that may hold jobs under a missed heading; the others (education, projects, credentials,
# activities) hold dates that are never experience.
_MAY_HOLD_JOBS: frozenset[SectionKind] = frozenset({"preamble", "other", "summary", "skills"})
# What may stand before a range that starts a position header inside a bullet.
_CLOSES_LINE = re.compile(r"\s*\)\s*(?:\W*\w+){0,3}\W*$")  # '(2019 – 2021)' at the end, perhaps a place after it
_SET_APART = re.compile(rf"(?:^[\s{re.escape(_BULLETS)}]*(?:\(?\d{{1,2}}[.)]\s*)?|[—–|,·:(\[•-]\s*|\s{{2,}}|\t"
                        r"|(?:\.{3,}|…+)\s*)$")  # … or dot leaders ('>> Volta Payments ....... Oct 2019 – Present')
# A duration printed beside the dates or under a company: '(5 years 11 months)', '(1y.)', '· 10 mos'.
# One-letter units need their period ('1y.', '10m.'), so that '3M' stays a company.
_YEARS = r"(?:years?|yrs?|y\.|jahre?|ans?|años|anos|år|лет|года?|г\.|年)"
_MONTHS = r"(?:months?|mos?|m\.|monate?|mois|meses|mån(?:ader)?|месяц\w*|мес|个月|個月|ヶ月)"
_DURATION = re.compile(
    rf"[(（·•,|]?\s*(?<![\w.])(?:\d+(?:[.,]\d)?\s*{_YEARS}(?:\s*(?:and\s+|,\s*)?\d+\s*{_MONTHS})?"
    rf"|\d+\s*{_MONTHS}|\d+\s*y\s*\d{{1,2}}\s*m)(?![^\W\d_])\.?\s*[)）]?", re.IGNORECASE)  # … or '(7y 8m)'
# After the dates that open an entry, a dash and its name: '2014 - 2016 - Acme GmbH'
_DASH_THEN_NAME = re.compile(r"\s+[-–—]\s+[^\W\d_]")
# A final period that ends a company name, not a sentence: 'S.A.S.', 'Inc.', 'Co.'
_ABBREVIATION = re.compile(
    r"(?:\b(?:[^\W\d_]\.){2,}|\b(?:Inc|Ltd|Co|Corp|LLC|GmbH|Pty|Pvt|Bros|Ltda|Lda|Cia|Cie|AG|SA|BV|NV|Plc|Bhd|Srl"
    r"|Kft|Şti|Ltée)\.)$")


_COLON = re.compile(r"\s*[)\]]?\s*[:：]")  # what follows a range and a colon
_CLAUSE = re.compile(r"\s+[—–-]\s+|\s*;\s*|\.\s+")
_PROSE_ROLE = re.compile(r"\bas (?:an? |the )?(?P<title>[^,.;()]+?)(?=\s+(?:at|for|with|in)\s|[,.;()]|$)")
_PROSE_EMPLOYER = re.compile(r"\b(?:at|for|joined|with)\s+(?P<org>(?-i:[A-Z])[^,.;()]*?)(?=\s+as\s|[,.;()]|$)")
_PROSE_EMPLOYER_IN = re.compile(r"\bin\s+(?P<org>(?-i:[A-Z])[^,.;()]*?)(?=\s+(?:as|from|since)\s|[,.;()]|$)")


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _is_header_like(line: Line) -> bool:
    """Short, not a bullet, not a sentence, not a job's detail line ('Stack: Go, Kafka'): a title,
    organisation or location line."""
    text = line.text.strip()
    label, colon, _ = text.replace("：", ":").partition(":")
    vocab = default_vocabulary()
    if colon and normalise(label) in vocab.job_details:
        return False
    if 2 <= len(text.split()) <= 8 and _column_labels(text):
        return False  # a table's column headings: 'COMPANY / ROLE    PERIOD'
    sentence_end = text.endswith((";", ":")) or _is_sentence(text)
    return bool(text) and not _BULLET.match(text) and _words(text) <= _MAX_HEADER_WORDS and not sentence_end \
        and not text[0].islower()


def _column_labels(text: str) -> bool:
    """Words that only name columns or fields ('Company / Role', 'Employer'), one or more."""
    words = normalise(text).split()
    return bool(words) and set(words) <= default_vocabulary().column_labels


# A field's label before its value: 'Position: Senior Developer', 'Employer: Hallstatt Bank AG'
_FIELD_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:：]{0,24})[:：]\s*(?=\S)")


def _without_label(piece: str) -> str:
    label = _FIELD_LABEL.match(piece)
    return piece[label.end():] if label and _column_labels(label["label"]) else piece


def _anchor(line: Line, above: Line | None, as_of: int, titles: re.Pattern[str]) -> Found | None:
    """The date range that makes this line a position header, if it is one.

    In a bullet or a sentence a range must stand apart, after a separator ('• Engineer, Acme —
    Jan 2020 – Now'): 'Ran the load tests (2018 - 2020) for payroll' is a detail, not a job. A bullet
    holding nothing but a range, right under a header line ('## Acme, Engineer' / '- Jan 2023 –
    present'), is that header's dates.
    """
    text = line.text
    prose = bool(_BULLET.match(text)) or _is_sentence(text)
    for found in find_ranges(text, as_of):
        if _own_cell(text, found):
            return found
        before, after = text[:found.start], text[found.end:]
        if not _BULLET.match(text) and _told_in_prose(before, after, titles):
            return found  # 'Since March 2019 I have worked at Acme as a Backend Engineer, …'
        if _words(before + " " + after) > _MAX_HEADER_WORDS:
            continue
        if prose and not _BULLET.match(text) and _header_then_details(before, after, titles):
            return found
        if prose and not (_SET_APART.search(before) and (not before.rstrip().endswith("(")
                                                         or _CLOSES_LINE.match(after))):
            continue
        if prose and not _LEADER.sub("", before).strip(" \t" + _BULLETS) and not _titled_clause(after, titles) \
                and not (_words(after) <= _PLACE_WORDS and above is not None and _is_header_like(above)):
            continue  # '• 2022 – 2023: led the migration …' is a detail; '• 2020 – Now: Engineer, Acme' a job
        return found
    return None


def _header_then_details(before: str, after: str, titles: re.Pattern[str]) -> bool:
    """A job's header, dates and details run into one paragraph ('Engenheira de Software Sênior —
    Paulista Pagamentos S.A. fev/2019 – atual Go, Kafka e Redis …', a line break lost): before the
    range, a title and an organisation set apart (two or three pieces, each opening with a capital);
    after it, a detail that opens with a capital too. 'Led the move to Go as tech lead 2019 – 2020.'
    is one piece, a detail of its job."""
    pieces = [p for p in _SEPARATORS.split(before.strip()) if _words(p)]
    return 2 <= len(pieces) <= 3 and all(p[0].isupper() for p in pieces) and bool(titles.search(before)) \
        and after.strip()[:1].isupper()


def _told_in_prose(before: str, after: str, titles: re.Pattern[str]) -> str | None:
    """A job told in a sentence that its range opens ('Since March 2019 I have worked at Acme as …') or
    closes ('Working as Senior Software Engineer in Tata Fintech, Hyderabad from Jul 2014 to till
    date.'), as 'Title, Organisation'; None for any other sentence."""
    if not before.strip():
        return _prose_header(after, titles)
    if not after.strip(" .;"):
        return _prose_header(before, titles)
    return None


def _prose_header(text: str, titles: re.Pattern[str]) -> str | None:
    """'… I have worked at Trellis Pay as a Senior Engineer, building …' beside a sentence's range: a
    job told in prose, as 'Senior Engineer, Trellis Pay'. Both a title after 'as' and a capitalised
    employer after 'at', 'for', 'joined' (or else 'in') are needed: 'Since 2021 I have led the
    payments team' is a detail of the job it sits in."""
    role = _PROSE_ROLE.search(text)
    employer = _PROSE_EMPLOYER.search(text) or _PROSE_EMPLOYER_IN.search(text)
    if role is None or employer is None or not titles.search(role.group("title")):
        return None
    return f"{role.group('title').strip()}, {employer.group('org').strip()}"


def _titled_clause(text: str, titles: re.Pattern[str]) -> bool:
    """After an opening range, a role in the first clause: '2018 – 2021: Backend Developer at Savanna
    Pay — Go, Kafka.' is a job told on one line; '2022 – 2023: led the migration …' a detail."""
    if titles.search(text) and not _is_sentence(text):  # '• 2020 – Now: Engineer, Acme'
        return True
    head = _CLAUSE.split(text.lstrip(" \t:,–—-·•|"), 1)[0]
    return bool(titles.search(head)) and not _is_sentence(head) and head[:1].isupper()


def _is_duration(line: Line) -> bool:
    """A line that is only a duration: a company's total over the roles held there (LinkedIn)."""
    return bool(line.text.strip()) and not _DURATION.sub("", line.text).strip(" \t·•|")


def _is_sentence(text: str) -> bool:
    text = text.strip()
    return text.endswith(".") and not _ABBREVIATION.search(text)


def _own_cell(text: str, found: Found) -> bool:
    """The range fills a tab-separated cell of its own: a right-hand date column beside any text."""
    cell_start = text.rfind("\t", 0, found.start) + 1
    cell_end = text.find("\t", found.end)
    cell = text[cell_start:cell_end if cell_end >= 0 else len(text)]
    return "\t" in text and _words(cell) == _words(found.range.text)


def _balanced(text: str) -> str:
    """Drop brackets left unpaired by splitting or by taking the dates out ('(part-time' → 'part-time')."""
    for left, right in ("()", "[]", "（）"):
        if text.count(left) != text.count(right):
            text = text.replace(left, " ").replace(right, " ")
    return " ".join(text.split())


def _row_cells(text: str, titles: re.Pattern[str]) -> tuple[str, str] | None:
    """Title and organisation from a table row's own cells ('Tech Lead, Event Platform<TAB>Baltica
    Freight, Kraków'): a cell keeps its commas, and the organisation drops the city after a comma."""
    cells = [_balanced(_LEADER.sub("", c).strip(" *_#")) for c in text.split("\t")]
    cells = [c for c in cells if _words(c)]
    title = next((c for c in cells if titles.search(c)), None)
    if len(cells) < 2 or title is None:
        return None
    return title, next((c.split(",")[0].strip() for c in cells if c != title), "")


def _title_and_organisation(header: list[str], titles: re.Pattern[str]) -> tuple[str, str]:
    """The title is the first piece with a job-title word; the organisation is another piece of the
    title's own line when it has one (a line above may be a heading the vocabulary missed), else the
    first other piece of the header."""
    lines = [[p for p in (_balanced(_without_label(_LEADER.sub("", p).strip(" *_#:–—")))
                          for p in _SEPARATORS.split(text)) if p and _words(p) > 0] for text in header]
    pieces = [p for line in lines for p in line]
    modes = default_vocabulary().work_modes  # 'Remote', 'Full-time', 'Freelance': how the job is done, not for whom
    roles = [p for p in pieces if titles.search(p)]
    roles = [p for p in roles if normalise(p) not in modes] or roles
    own_line = next((line for line in lines if any(p in roles for p in line)), pieces)
    title = next((p for p in own_line if p in roles), pieces[0] if pieces else "")
    employers = [p for p in pieces if p != title and normalise(p) not in modes] or [p for p in pieces if p != title]
    organisation = next((p for p in own_line if p in employers), employers[0] if employers else "")
    return title, organisation


def _beside_dates(text: str, found: Found) -> list[str]:
    """The pieces that share the range's cell ('Hamburg', 'DE' of 'Engineer<TAB>Hamburg, DE, 03/2019 – heute')."""
    start, end = text.rfind("\t", 0, found.start) + 1, text.find("\t", found.end)
    cell = text[start:found.start] + "\t" + text[found.end:end if end >= 0 else len(text)]
    return [_balanced(p) for p in _SEPARATORS.split(cell) if _words(p)]


def _formal(organisation: str, title: str, header: list[str]) -> str:
    """The organisation, or else a piece of the header's other lines that names a legal form:
    'KiezPay GmbH' below 'Senior Backend Engineer<TAB>Berlin, 03/2019 – heute' is the employer, Berlin
    the place printed with the dates."""
    def formal(piece: str) -> bool:  # a legal form and a name: 'Ltd.' alone is the end of 'Omnious Co., Ltd.'
        return bool(_LEGAL_FORM.search(piece)) and _words(_LEGAL_FORM.sub(" ", piece)) > 0

    if formal(organisation):
        return organisation
    pieces = (_balanced(_LEADER.sub("", p).strip(" *_#:–—")) for text in header for p in _SEPARATORS.split(text))
    return next((p for p in pieces if p != title and formal(p)), organisation)


def find_positions(sections: tuple[Section, ...], as_of: int,
                   vocab: Vocabulary) -> tuple[tuple[Position, ...], tuple[str, ...]]:
    """Positions of the experience sections, and warnings.

    A missed heading must never zero a CV: when the experience sections hold no position, dated
    header lines in sections that are not known to hold something else are positions too (with a
    ``no_experience_heading`` warning). Dates of education, projects, credentials and activities
    are never jobs; in a skills section only a line with a job title is one ('Go (2019 – now)' is not).
    """
    titles = vocab.job_titles
    positions = [p for s in sections if s.kind == "experience" for p in _positions_in(s, as_of, vocab)]
    if positions:
        return tuple(positions + _client_projects(sections, positions, as_of, vocab)), ()
    positions = [p for s in sections if s.kind in _MAY_HOLD_JOBS for p in _positions_in(s, as_of, vocab)
                 if s.kind != "skills" or titles.search(p.title)]
    if not positions:
        return (), ()
    return tuple(positions), (f"no_experience_heading: no experience heading was found; {len(positions)} "
                              "dated line(s) outside one were read as positions",)


def _client_projects(sections: tuple[Section, ...], jobs: list[Position], as_of: int,
                     vocab: Vocabulary) -> list[Position]:
    """Projects listed apart from the jobs, each done for a client ('Client: HDFC Bank') within the span
    of a job ('Working as … from Jul 2014 to till date', then 'Project: …', 'Duration: Jan 2020 – till
    date', 'Environment: Go, Kafka'), as consultancies' CVs list them: each is work at that job for its
    own months, so that its stack counts for those months. A project with no client, or outside every
    job, stays a project: never experience."""
    out: list[Position] = []
    for section in sections:
        if section.kind != "projects":
            continue
        for project in _positions_in(section, as_of, vocab):
            job = next((j for j in jobs if j.dates.start <= project.dates.start <= project.dates.end <= j.dates.end),
                       None)
            if job is not None and any(_label(line) in vocab.client_labels for line in project.lines):
                title = project.title if vocab.job_titles.search(project.title) else job.title
                out.append(replace(project, title=title, organisation=job.organisation))
    return out


def _label(line: Line) -> str:
    """The label of a 'Label: value' line, normalised ('' when it has none)."""
    label = _FIELD_LABEL.match(line.text.strip())
    return normalise(label["label"]) if label else ""


def _shared_details(positions: list[Position]) -> list[Position]:
    """Roles listed one line each, line after line, under one employer ('Engineer (2017 – 2019)' /
    'Senior Engineer (2019 – Present)') and then one block of details: the details are each role's."""
    out = list(positions)
    for k in range(len(out) - 2, -1, -1):
        role, below = out[k], out[k + 1]
        one_line = role.dates.text in role.lines[-1].text and below.lines and below.dates.text in below.lines[0].text
        within = role.dates.start <= below.dates.start and below.dates.end <= role.dates.end  # an employer's total
        if one_line and not within and all(_is_header_like(line) for line in role.lines) \
                and below.lines[0].number == role.lines[-1].number + 1:
            details = tuple(line for line in below.lines[1:] if not _is_header_like(line))
            out[k] = replace(role, lines=role.lines + details, organisation=role.organisation or below.organisation)
    return out


def _employers_over_roles(positions: list[Position], titles: re.Pattern[str]) -> list[Position]:
    """An employer line with its overall span ('Acme B.V. — 2017 – Present'), no job title and no text
    of its own, over the roles held there: not a position itself, it names the roles' organisation."""
    out: list[Position] = []
    for k, p in enumerate(positions):
        n = k + 1  # the roles right after it that fall within its span
        while n < len(positions) and p.dates.start <= positions[n].dates.start <= positions[n].dates.end <= p.dates.end:
            n += 1
        if n > k + 1 and len(p.lines) == 1 and not titles.search(p.title):
            positions[k + 1:n] = [q if q.organisation else replace(q, organisation=p.title) for q in positions[k + 1:n]]
            continue
        out.append(positions[k])
    return out


def _projects_within_jobs(positions: list[Position], titles: re.Pattern[str]) -> list[Position]:
    """A dated entry with no job title inside the span of the job above it ('Payments rewrite
    (Mar 2020 – Jan 2021)' under 'Backend Engineer, Acme, 2019 – 2022') is a project of that job:
    its lines are the job's details, and its months are never counted twice."""
    out: list[Position] = []
    for p in positions:
        job = out[-1] if out else None
        if job and titles.search(job.title) and not titles.search(p.title) \
                and job.dates.start <= p.dates.start <= p.dates.end <= job.dates.end:
            out[-1] = replace(job, lines=job.lines + p.lines)
        else:
            out.append(p)
    return out


def _details_to_rows(positions: list[Position]) -> list[Position]:
    """A summary table of periods followed by one detail subsection per role ('### Role, Company'):
    the subsections sit after the last row, and each one's lines go to the row it names (the first
    row of that name not yet given one: two roles may share a title at one company)."""
    if len(positions) < 2:
        return positions
    def names(line: Line, p: Position) -> bool:
        text = line.text.lower()
        return bool(p.title and p.organisation) and p.title.lower() in text and p.organisation.lower() in text
    own: dict[int, list[Line]] = {k: [] for k in range(len(positions))}
    target = len(positions) - 1
    given: set[int] = set()
    for line in positions[-1].lines:
        named = [k for k, p in enumerate(positions) if names(line, p)] if _is_header_like(line) else []
        if named and line is not positions[-1].lines[0]:
            target = next((k for k in named if k not in given), named[0])
            given.add(target)
        own[target].append(line)
    return [replace(p, lines=p.lines + tuple(own[k])) if k < len(positions) - 1 else replace(p, lines=tuple(own[k]))
            for k, p in enumerate(positions)]


def _join_split_ranges(lines: tuple[Line, ...], as_of: int) -> tuple[Line, ...]:
    """Put back a range that a narrow date column broke over two or three lines ('June 2022 –' /
    'Present', 'Septem-' / 'ber 2019', 'September' / '2019 –' / 'January 2021', as moderncv sets its
    date column beside the entry's lines): the range is in the line's first cell (a left date column)
    or its last (dates right of the title: 'Engineer — Acme<TAB>September 2016 – January' / '2020', or
    'Engineer<TAB>Jan 2019 –' / 'Acme<TAB>Mar 2021', the employer's line beside the range's end)."""
    out = list(lines)
    i = j = 0  # the line holding the range, and the line whose first cell may go on with it
    while (j := max(j, i + 1)) < len(out):
        first, _, rest = out[i].text.partition("\t")
        head, tab, last = out[i].text.rpartition("\t")
        next_first, _, next_rest = out[j].text.partition("\t")
        next_head, next_tab, next_last = out[j].text.rpartition("\t")
        left = next_rest  # what stays of the next line
        joined = join_wrapped(first, next_first, as_of)
        if joined is not None:  # the range goes on into the next line
            text = joined + ("\t" + rest if rest else "")
        elif tab and (joined := join_wrapped(last, next_first, as_of)) is not None:
            text = head + "\t" + joined
        elif tab and next_tab and (joined := join_wrapped(last, next_last, as_of)) is not None:
            text, left = head + "\t" + joined, next_head  # in the right-hand cells of both ('Acme<TAB>Mar 2021')
        if joined is None:
            i = j = i + 1
            continue
        out[i] = replace(out[i], text=text)
        if left:
            out[j] = replace(out[j], text=left)
            j += 1
        else:
            del out[j]
        if not runs_on(joined) or j - i > 3:  # whole now (else it goes on into the next line)
            i = j = i + 1
    return tuple(out)


def _join_wrapped_asides(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """A header line that a narrow column wrapped inside its parentheses ('Sabbatical (travel and a
    distributed-systems' / 'course)') is one line again: its end alone is no header line."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        text = line.text.strip()
        if last is not None and text[:1].islower() and ")" in text and last.text.count("(") > last.text.count(")") \
                and _is_header_like(last) \
                and _words(last.text + " " + text) <= _MAX_HEADER_WORDS:
            out[-1] = replace(last, text=f"{last.text.rstrip()} {text}")
        else:
            out.append(line)
    return tuple(out)


def _split_glued_details(lines: tuple[Line, ...], as_of: int, vocab: Vocabulary) -> tuple[Line, ...]:
    """A job's detail line glued by the PDF to the next employer's line ('Stack: Go, Kafka<TAB>Beta
    Ltd — Engineer<TAB>2019 – 2021') is two lines: the detail stays with the job above."""
    out: list[Line] = []
    for line in lines:
        label, colon, rest = line.text.replace("：", ":").partition(":")
        gap = re.search(r"\t|\s{3,}", rest) if colon and normalise(label) in vocab.job_details else None
        if gap and find_ranges(rest[gap.end():], as_of) and not find_ranges(rest[:gap.start()], as_of):
            cut = len(label) + 1 + gap.start()
            out += [replace(line, text=line.text[:cut].rstrip()), replace(line, text=line.text[cut:].strip())]
        else:
            out.append(line)
    return tuple(out)


def _current_by_its_start(lines: tuple[Line, ...], anchors: list[tuple[int, Found]],
                          as_of: int) -> list[tuple[int, Found]]:
    """Where entries print their dates in one place, an entry above them all that prints only its start
    there and starts after every other is the current one: it runs to the as-of date. The place is the
    line's opening, set apart from a name by a dash ('2016 / 09 - University of Bremen' over '2014 -
    2016 - Acme GmbH'), or its end ('Acme | Lead<TAB>May 2026' over 'Acme | Engineer<TAB>Feb 2021 — Apr
    2026'), as templates leave out an end they do not have. An older one is a dated event (a
    course), and one among the entries' details ('Sep 2020 - Promoted to lead') is a detail, not a period."""
    if any(_DASH_THEN_NAME.match(lines[i].text, f.end) and not lines[i].text[:f.start].strip(_BULLETS + " \t")
           for i, f in anchors):
        start_only = opening_date
    elif anchors and all(lines[i].text[:f.start].strip() and not lines[i].text[f.end:].strip() for i, f in anchors):
        start_only = closing_date
    else:
        return anchors
    newest = max(f.range.start for _, f in anchors)
    above = [(i, f) for i, line in enumerate(lines[:anchors[0][0]])
             if (f := start_only(line.text, as_of)) and f.range.start > newest and _is_header_like(line)]
    return [max(above, key=lambda a: a[1].range.start), *anchors] if above else anchors


def _dates_close_entries(lines: tuple[Line, ...], anchors: list[tuple[int, Found]], titles: re.Pattern[str]) -> bool:
    """Entries that end with their dates ('Senior Backend Engineer — Skagerrak Pay' / 'Go, Kafka and Redis
    for card payments.' / 'October 2020 – present'): every range alone on its line, after a block that
    opens with a title and ends with a detail, not a header line (where dates follow their header, the
    line above them is a title or an organisation)."""
    previous = -1
    for i, found in anchors:
        text, block = lines[i].text, lines[previous + 1:i]
        if (text[:found.start] + text[found.end:]).strip(" \t()[]|·–—-") or len(block) < 2 \
                or not titles.search(block[0].text) or _is_header_like(block[-1]):
            return False
        previous = i
    return bool(anchors)


def _refined(lines: tuple[Line, ...], anchors: list[tuple[int, Found]]) -> list[tuple[int, Found]]:
    """A header with years only ('Engineer at Acme (2016 – 2019)') over a line that is nothing but
    the months of those years ('Jan 2016 – Feb 2019') is one position: the months are its dates."""
    out: list[tuple[int, Found]] = []
    k = 0
    while k < len(anchors):
        i, found = anchors[k]
        if k + 1 < len(anchors):
            j, below = anchors[k + 1]
            bare = not (lines[j].text[:below.start] + lines[j].text[below.end:]).strip(_BULLETS + " \t()[]*_|")
            a, b = found.range, below.range
            if j == i + 1 and bare and a.coarse and not b.coarse and a.ongoing == b.ongoing \
                    and a.start // 12 == b.start // 12 and (a.ongoing or a.end // 12 == b.end // 12):
                out.append((i, Found(b, found.start, found.end)))
                k += 2
                continue
        out.append((i, found))
        k += 1
    return out


def _positions_in(section: Section, as_of: int, vocab: Vocabulary) -> list[Position]:
    titles = vocab.job_titles
    plain = tuple(replace(line, text=_PICTOGRAPHS.sub("", line.text)) for line in section.lines)
    lines = _split_glued_details(ranges_from_events(plain), as_of, vocab)
    lines = _join_split_ranges(_join_wrapped_asides(lines), as_of)
    anchors = [(i, f) for i, line in enumerate(lines)
               if (f := _anchor(line, lines[i - 1] if i else None, as_of, titles))]
    anchors = _refined(lines, _current_by_its_start(lines, anchors, as_of))
    anchored = {i for i, _ in anchors}
    # Where each position's header starts: as many header-like lines above its dates as the first
    # position has (at most two). The first is the one to learn from: only the section heading is
    # above it, while above the others is the end of the previous position, which may also be short.
    starts: list[int] = []
    floor, above = 0, 2
    for i, found in anchors:
        start = i
        beside = lines[i].text[:found.start] + " " + lines[i].text[found.end:]
        bare = not titles.search(beside)
        title_below = i + 1 < len(lines) and _is_header_like(lines[i + 1]) and i + 1 not in anchored
        # no title by the dates: it is above, unless the entries hold their header on their dates' line
        # (the first one did) and this one has words there too ('04.2016 – 10.2016   Elternzeit')
        on_its_line = bool(starts) and above == 0 and _words(_DURATION.sub(" ", beside)) > 0
        reach = max(above, 1) if bare and not title_below and not on_its_line else above
        if lines[i].text.count("\t") >= 2:
            reach = 0  # a table row holds its whole header (dates, role, company): nothing above is its
        durations = 0  # a duration line above the title does not count against the reach
        while start - 1 >= floor and i - (start - 1) - durations <= reach and _is_header_like(lines[start - 1]):
            start -= 1
            durations += _is_duration(lines[start])
        if not starts:
            above = i - start - durations
        starts.append(start)
        floor = i + 1
    if _dates_close_entries(lines, anchors, titles):
        starts = [0] + [i + 1 for i, _ in anchors[:-1]]
    positions: list[Position] = []
    employer = ""  # the company over several roles: a line above a duration-only line (LinkedIn)
    for k, (i, found) in enumerate(anchors):
        end = starts[k + 1] if k + 1 < len(anchors) else len(lines)
        own = lines[starts[k]:end]
        before, after = lines[i].text[:found.start], lines[i].text[found.end:]
        if _COLON.match(after) and titles.search(before):
            after = ""  # 'Staff Engineer (2021 – present): Go, Kafka.': after the colon, the role's details
        anchor_text = _DURATION.sub(" ", before + "\t" + after)
        if told := _told_in_prose(before, after, titles):
            anchor_text = told
        around = list(lines[starts[k]:i])
        for line in lines[i + 1:min(i + 3, end)]:
            if not _is_header_like(line):
                break
            around.append(line)
        # right-hand cells of the lines around the dates hold places more often than employers
        # ('Engineer<TAB>Accra' over 'Kasa Ltd<TAB>2019 – 2021'): they are the last candidates
        left = [_DURATION.sub(" ", line.text.split("\t")[0]) for line in around]
        aside = [_DURATION.sub(" ", cell) for line in around for cell in line.text.split("\t")[1:]]
        row = _row_cells(anchor_text, titles) if "\t" in lines[i].text else None  # a table row's own cells
        title, organisation = row or _title_and_organisation(
            left[:i - starts[k]] + [anchor_text] + left[i - starts[k]:] + aside, titles)
        if organisation in _beside_dates(lines[i].text, found):  # 'Berlin, 03/2019 – heute': likely a place
            organisation = _formal(organisation, title, [line.text for line in around])
        header = lines[starts[k]:i]
        if len(header) >= 2 and _is_duration(header[-2 if titles.search(header[-1].text) else -1]):
            employer = organisation  # 'Acme' / '5 years 11 months' / 'Senior Engineer' / dates
        elif employer and len(header) == 1 and _words(_SEPARATORS.sub(" ", header[0].text)) == _words(title):
            organisation = employer  # a further role at that company: its header is its title alone
        else:
            employer = ""
        positions.append(Position(title=title, organisation=organisation, dates=found.range,
                                  lines=tuple(own), section=section.heading))
    return _shared_details(_details_to_rows(_projects_within_jobs(_employers_over_roles(positions, titles), titles)))
