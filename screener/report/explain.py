"""``screener explain``: one candidate's requirements, positions and years per skill, with evidence.

Evidence lines are shown as snippets centred on the words that matched, highlighted, and wrapped
under their source. Nothing from the CV is read as Rich markup: every line is a :class:`~rich.text.Text`.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from screener.model import Evidence
from screener.result import Candidate

_STATUS_STYLE = {"met": "green", "borderline": "yellow", "unmet": "red"}
_VERDICT_STYLE = {"pass": "green", "review": "yellow", "fail": "red"}
_INDENT = 8  # evidence snippets, under their source
_MATCH_STYLE = "bold reverse"


def snippet(text: str, match: str | None, width: int) -> Text:
    """At most ``width`` characters of ``text`` around the first place ``match`` stands (as a whole word),
    with every such place highlighted."""
    spans = ([m.span() for m in re.finditer(r"(?<!\w)" + re.escape(match) + r"(?!\w)", text)]
             if match else [])
    start, end = 0, len(text)
    if len(text) > width:
        first = spans[0] if spans else (0, 0)
        start = max(0, min(len(text) - width, (first[0] + first[1] - width) // 2))
        end = start + width
    shown = Text(("…" if start else "") + text[start:end] + ("…" if end < len(text) else ""))
    offset = 1 if start else 0
    for a, b in spans:
        if a >= start and b <= end:
            shown.stylize(_MATCH_STYLE, a - start + offset, b - start + offset)
    return shown


def print_explanation(c: Candidate, console: Console) -> None:
    """Every requirement with its result and evidence, the years per skill and why the verdict."""
    def say(text: Text | str, indent: int = 0, hang: int = 0) -> None:
        _hanging(console, text if isinstance(text, Text) else Text(text), indent, hang)

    say(Text.assemble((c.file, "bold"), f"  sha256 {c.sha256[:16] if c.sha256 else '-'}"), 0, 2)
    if c.error is not None:
        say(Text.assemble((f"error {c.error.code}", "red"), f": {c.error.message}"), 0, 2)
        return
    width = max(40, min(160, 2 * (console.width - _INDENT)))  # two lines of a snippet at most

    def evidence(e: Evidence, dated: bool = False) -> None:
        months = f" [{e.start} – {e.end}, {e.months} months]" if dated and e.months else ""
        say(Text(f"{e.source}{months}:", style="dim"), 6, 2)
        say(snippet(e.text, e.match, width), _INDENT)

    if c.verdict is not None and c.score is not None:
        say(Text.assemble("verdict ", (c.verdict, _VERDICT_STYLE[c.verdict]),
                          f", score {c.score:.1f}/100 (100 × Σ weight × fraction met / Σ weight)"), 0, 2)
    for reason in c.reasons:
        say(f"• {reason}", 2, 2)
    say(Text.assemble("\n", ("Positions", "bold"), f" (experience {c.experience_years or 0:.2f} y, "
                                                   f"backend {c.backend_years or 0:.2f} y)"))
    for n, p in enumerate(c.positions, start=1):
        notes = " (year-only: coarse)" if p.coarse else ""
        notes += "" if p.backend else " (not a backend role)"
        notes += " (internship)" if p.internship else ""
        say(Text.assemble(f"{n}. {p.title} — {p.organisation}  {p.start} – {p.end}, {p.months} months{notes}  ",
                          (f"'{p.dates}', line {p.line}", "dim")), 2, len(f"{n}. "))
    say(Text("\nSkills", style="bold"))
    for sid, s in c.skills.items():
        if not s.mentioned:
            say(f"{sid}: not mentioned", 2)
            continue
        last = f", last used {s.last_used}" if s.last_used else ""
        say(f"{sid}: {s.years:.2f} y ({s.basis}{', coarse' if s.coarse else ''}{last})", 2, 2)
        for e in s.evidence:
            evidence(e, dated=True)
    say(Text("\nRequirements", style="bold"))
    for r in c.requirements:
        gate = "" if r.gate or r.kind == "nice_to_have" else ", not a gate"
        say(Text.assemble((r.status, _STATUS_STYLE[r.status]), f" {r.label} ",
                          (f"({r.kind}{gate}, {100 * r.fraction:.0f}%)", "dim")), 2, len(r.status) + 1)
        say(r.detail, 6, 2)
        for e in r.evidence[:3]:
            evidence(e)


def _hanging(console: Console, text: Text, indent: int, hang: int) -> None:
    """``text`` wrapped to the console, its first line ``indent`` cells in, the others ``hang`` more."""
    width = max(20, console.width - indent - hang)
    for i, line in enumerate(text.wrap(console, width)):
        line.rstrip()
        console.print(Text(" " * (indent + (hang if i else 0))) + line, soft_wrap=True)
