"""The HTML report: one self-contained page to sort, filter and read the evidence behind each verdict.

Everything is inline (styles, a small script) and a Content-Security-Policy forbids the page to load
anything, so a report of personal data can be opened offline and mailed as one file. Every string
that comes from a CV or a file name is escaped. The page is built from pieces —
:func:`html_head`, one :func:`html_candidate` per row, :func:`html_tail` — so rows can be written one
at a time; the script sorts and counts whatever rows the page holds.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib import resources
from typing import TextIO

from screener.model import Evidence
from screener.report import Formatter
from screener.result import (
    Candidate,
    PositionResult,
    Report,
    RequirementResult,
    RulesInfo,
    SkillResult,
    Skipped,
    Summary,
)

VERDICTS = ("pass", "review", "fail", "error")
_FIXED_COLUMNS = 6  # rank, file, score, verdict, experience, backend


class HtmlFormatter(Formatter):
    """The whole report as one HTML page, candidates best first."""

    def write(self, report: Report, out: TextIO) -> None:
        skills = report.skill_ids()
        out.write(html_head(report.as_of, report.rules, skills))
        for rank, c in enumerate(report.ranked(), start=1):
            out.write(html_candidate(c, rank, skills))
        out.write(html_tail(report.skipped, report.summary))


def html_head(as_of: str, rules: RulesInfo, skills: Sequence[str]) -> str:
    """From the doctype to the table's header: title, run details, the notice, the controls;
    ``skills`` are the skill ids shown as year columns."""
    title = escape(rules.title)
    sha = escape(rules.sha256 or "")
    script_hash = base64.b64encode(hashlib.sha256(_asset("report.js").encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'"
    verdict_boxes = "".join(
        f'<label class="chip {v}"><input type="checkbox" name="verdict" value="{v}" checked> {v} '
        f'<span class="count" data-verdict="{v}"></span></label>' for v in VERDICTS)
    years = [("experience", "total", "Years of professional experience, overlapping jobs counted once"),
             ("backend", "backend", "Years in backend/software roles (a gate of the posting)")]
    years += [(f"skill-{s}", s, f"Years of dated positions whose own text names {s}") for s in skills]
    year_headers = "".join(_sort_header(key, label, "num", hint, 'class="num"') for key, label, hint in years)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>screener — {title}</title>
<style>
{_asset("report.css")}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="run">Screened as of <strong>{escape(as_of)}</strong> against
<code>{escape(rules.path)}</code> <span class="sha" title="sha256 of the rules file">{sha[:12]}</span></p>
<p class="notice" role="note"><strong>Verdicts are recommendations for a person, never decisions.</strong>
Years are measured from dated work history and checked against the rules file; nothing here uses a
name, age, gender, photo, nationality or address. screener can be wrong: read every CV marked
<em>review</em> or <em>fail</em> before acting on it, and open a row to see why it got its verdict.</p>
</header>
<div class="controls" hidden>
<fieldset><legend>Verdict</legend>{verdict_boxes}</fieldset>
<label class="search">Search <input type="search" id="search"
 placeholder="file, job title, company or words from the CV" autocomplete="off"></label>
<span class="buttons"><button type="button" id="expand">Expand all</button>
<button type="button" id="collapse">Collapse all</button></span>
<p id="shown" aria-live="polite"></p>
</div>
<table id="candidates" aria-label="Candidates">
<thead>
<tr class="group"><th colspan="4"></th><th colspan="{2 + len(skills)}" scope="colgroup">years</th></tr>
<tr><th scope="col"><abbr title="rank by score">#</abbr></th>{_sort_header("file", "file", "text", "File name")}
{_sort_header("score", "score", "num", "Score 0–100: the weighted share of the requirements met", 'class="num"')}
{_sort_header("verdict", "verdict", "num", "verdict: pass, review, fail, unreadable", first="ascending")}
{year_headers}</tr>
</thead>
"""


def _sort_header(key: str, label: str, kind: str, hint: str, attrs: str = "", first: str = "") -> str:
    """A column header that sorts; a first click sorts numbers high to low and text A to Z."""
    first = first or ("descending" if kind == "num" else "ascending")
    return (f'<th scope="col" {attrs}><button type="button" data-sort="{escape(key)}" data-kind="{kind}" '
            f'data-first="{first}" title="Sort by {escape(hint)}">{escape(label)}</button></th>')


def html_candidate(c: Candidate, rank: int | None, skills: Sequence[str]) -> str:
    """One candidate: a line of the table and, below it, the expandable evidence."""
    verdict = c.verdict or "error"
    cells = [
        f'<td class="rank" data-key="rank" data-value="{rank or ""}">{rank or ""}</td>',
        f'<td class="file" data-key="file" data-value="{escape(c.file)}"><span class="cv">{escape(c.file)}</span></td>',
        (f'<td class="num score" data-key="score" data-value="{c.score}"><span class="bar" '
         f'style="--score:{c.score:.1f}%"></span>{_number(c.score)}</td>' if c.score is not None
         else '<td class="num score" data-key="score" data-value=""></td>'),
        f'<td data-key="verdict" data-value="{VERDICTS.index(verdict)}"><span class="badge {verdict}">{verdict}'
        f'</span></td>',
        _years_cell("experience", c.experience_years),
        _years_cell("backend", c.backend_years),
    ]
    cells += [_skill_cell(s, c.skills.get(s)) for s in skills]
    width = _FIXED_COLUMNS + len(skills)
    return (f'<tbody class="candidate" data-verdict="{verdict}">\n<tr class="line">{"".join(cells)}</tr>\n'
            f'<tr class="evidence"><td colspan="{width}"><details><summary>{_why(c)}</summary>\n'
            f'<div class="body">{_body(c)}</div></details></td></tr>\n</tbody>\n')


def html_tail(skipped: Sequence[Skipped], summary: Summary) -> str:
    """The end of the table, the counts, the skipped files and the script."""
    counts = (f'<span class="badge pass">{summary.passed} pass</span> <span class="badge review">{summary.review} '
              f'review</span> <span class="badge fail">{summary.failed} fail</span>')
    items = "".join(f'<li><code class="cv">{escape(s.file)}</code> — {escape(s.reason)}</li>\n' for s in skipped)
    listing = f"<ul>\n{items}</ul>" if skipped else "<p>None: every file found was screened.</p>"
    return f"""</table>
<p class="legend">Years: the months of the dated positions whose own text names the skill, overlapping
jobs counted once. * from an undated claim (verify it); ° named, but in no dated position.</p>
<p class="summary" id="summary">{summary.files} files found: {summary.ok} screened ({counts}),
{summary.errors} unreadable, {summary.skipped} skipped.</p>
<section id="skipped"><h2>Skipped files ({len(skipped)})</h2>
{listing}
</section>
<footer>Made by screener. Open a row (click or Enter) to read the evidence; column headers sort.</footer>
<script>{_asset("report.js")}</script>
</body>
</html>
"""


def _why(c: Candidate) -> str:
    """The summary line of a candidate's evidence: why the verdict, in a sentence or two."""
    if c.error:
        return f'<span class="error-code">{escape(c.error.code)}</span> {escape(c.error.message)}'
    return escape("; ".join(c.reasons) or "no reason recorded")


def _body(c: Candidate) -> str:
    parts = []
    if c.error:
        parts.append(f'<p class="unreadable">This file could not be screened ({escape(c.error.code)}): '
                     f'{escape(c.error.message)}</p>')
    if c.warnings:
        parts.append('<ul class="warnings">' + "".join(f"<li>{escape(w)}</li>" for w in c.warnings) + "</ul>")
    if c.requirements:
        parts.append(_requirements(c.requirements))
    if c.status == "ok":
        parts.append(_positions(c.positions))
    return "\n".join(parts)


def _requirements(requirements: Iterable[RequirementResult]) -> str:
    lines = []
    for r in requirements:
        kind = "minimum, a gate" if r.gate else "minimum" if r.kind == "minimum" else "nice to have"
        lines.append(
            f'<tr class="{r.status}"><td><span class="label">{escape(r.label)}</span>'
            f'<span class="kind">{kind}</span></td>'
            f'<td><span class="badge {r.status}">{r.status}</span> <span class="detail">{escape(r.detail)}'
            f'</span></td><td><ul class="lines">{_evidence_lines(r.evidence)}</ul></td></tr>')
    return ('<table class="requirements"><caption>Requirements, in the posting\'s words</caption>'
            '<thead><tr><th scope="col">requirement</th><th scope="col">result</th><th scope="col">evidence</th>'
            '</tr></thead><tbody>' + "\n".join(lines) + "</tbody></table>")


def _evidence_lines(evidence: Iterable[Evidence]) -> str:
    """Evidence items as list items; items quoting the same line are one item with every match marked."""
    groups: dict[tuple[str, str | None, str | None], list[Evidence]] = {}
    for e in evidence:
        groups.setdefault((e.text, e.start, e.end), []).append(e)
    items = []
    for (text, start, end), same in groups.items():
        sources = " · ".join(dict.fromkeys(escape(e.source) for e in same))
        when = f' <span class="when">{escape(start)} – {escape(end or "")}, {same[0].months} months</span>' \
            if start else ""
        words = [e.match for e in same if e.match]
        items.append(f'<li><span class="source">{sources}</span>{when}<q class="cv">{highlight(text, words)}</q></li>')
    return "".join(items) or '<li class="none">no evidence found</li>'


def highlight(text: str, words: Iterable[str]) -> str:
    """``text`` escaped, with each whole-word occurrence of any of ``words`` in <mark>."""
    alternatives = []
    for w in sorted(set(words), key=len, reverse=True):  # the longest first: 'CI/CD' before 'CI'
        left = r"\b" if w[0].isalnum() else ""
        right = r"\b" if w[-1].isalnum() else ""
        alternatives.append(f"{left}{re.escape(w)}{right}")
    if not alternatives:
        return escape(text)
    pieces = re.split(f"({'|'.join(alternatives)})", text)
    return "".join(f"<mark>{escape(p)}</mark>" if i % 2 else escape(p) for i, p in enumerate(pieces))


def _positions(positions: Sequence[PositionResult]) -> str:
    if not positions:
        return '<p class="none">No dated positions were found, so no years could be measured: read the CV.</p>'
    lines = []
    for p in positions:
        notes = [n for n, on in (("internship", p.internship), ("year only", p.coarse),
                                 (p.calendar, p.calendar != "gregorian")) if on]
        kind = "backend" if p.backend else "not backend"
        lines.append(
            f'<tr><td class="cv">{escape(p.title)}</td><td class="cv">{escape(p.organisation)}</td>'
            f'<td class="cv">{escape(p.dates)}</td><td>{escape(p.start)} – {escape(p.end)}</td>'
            f'<td class="num">{p.months}</td><td><span class="badge {kind.replace(" ", "-")}">{kind}</span>'
            f'{"".join(f" <span class=note>{escape(n)}</span>" for n in notes)}</td></tr>')
    return ('<table class="positions"><caption>Positions</caption><thead><tr><th scope="col">title</th>'
            '<th scope="col">organisation</th><th scope="col">dates as written</th><th scope="col">read as</th>'
            '<th scope="col" class="num">months</th><th scope="col">role</th></tr></thead><tbody>'
            + "\n".join(lines) + "</tbody></table>")


def _years_cell(key: str, years: float | None) -> str:
    value = "" if years is None else years
    return f'<td class="num" data-key="{key}" data-value="{value}">{_number(years)}</td>'


def _skill_cell(skill: str, s: SkillResult | None) -> str:
    key = f"skill-{escape(skill)}"
    if s is None:
        return f'<td class="num" data-key="{key}" data-value=""></td>'
    marks, note = "", ""
    if s.basis == "claim":
        marks, note = "*", "from an undated claim: verify"
    elif not s.years and s.mentioned:
        marks, note = "°", "named, but in no dated position"
    title = f' title="{note}"' if note else ""
    zero = " zero" if not s.years else ""
    return f'<td class="num{zero}" data-key="{key}" data-value="{s.years}"{title}>{_number(s.years)}{marks}</td>'


def _number(value: float | None) -> str:
    """12.33, 9.5, 0 — at most two decimals, none trailing."""
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@cache
def _asset(name: str) -> str:
    return (resources.files("screener") / "data" / name).read_text(encoding="utf-8")
