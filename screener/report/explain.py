"""``screener explain``: one candidate's requirements, positions and years per skill, with evidence."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from screener.result import Candidate

_STATUS_STYLE = {"met": "green", "borderline": "yellow", "unmet": "red"}
_VERDICT_STYLE = {"pass": "green", "review": "yellow", "fail": "red"}


def print_explanation(c: Candidate, console: Console) -> None:
    """Every requirement with its result and evidence, the years per skill and why the verdict."""
    console.print(Text.assemble((c.file, "bold"), f"  sha256 {c.sha256[:16] if c.sha256 else '-'}"))
    if c.error is not None:
        console.print(Text.assemble((f"error {c.error.code}", "red"), f": {c.error.message}"))
        return
    assert c.verdict is not None and c.score is not None
    console.print(Text.assemble("verdict ", (c.verdict, _VERDICT_STYLE[c.verdict]),
                                f", score {c.score:.1f}/100 (100 × Σ weight × fraction met / Σ weight)"))
    for reason in c.reasons:
        console.print(Text(f"  • {reason}"))
    console.print(Text.assemble("\n", ("Positions", "bold"), f" (experience {c.experience_years:.2f} y, "
                                                             f"backend {c.backend_years:.2f} y)"))
    for n, p in enumerate(c.positions, start=1):
        notes = " (year-only: coarse)" if p.coarse else ""
        notes += "" if p.backend else " (not a backend role)"
        notes += " (internship)" if p.internship else ""
        console.print(Text.assemble(f"  {n}. {p.title} — {p.organisation}  {p.start} – {p.end}, {p.months} months"
                                    f"{notes}  ", (f"'{p.dates}', line {p.line}", "dim")))
    console.print(Text("\nSkills", style="bold"))
    for sid, s in c.skills.items():
        if not s.mentioned:
            console.print(Text(f"  {sid}: not mentioned"))
            continue
        last = f", last used {s.last_used}" if s.last_used else ""
        console.print(Text(f"  {sid}: {s.years:.2f} y ({s.basis}{', coarse' if s.coarse else ''}{last})"))
        for e in s.evidence:
            months = f" [{e.start} – {e.end}, {e.months} months]" if e.months else ""
            console.print(Text.assemble(f"      {e.source}{months}: ", (e.text[:110], "dim")))
    console.print(Text("\nRequirements", style="bold"))
    for r in c.requirements:
        gate = "" if r.gate or r.kind == "nice_to_have" else ", not a gate"
        console.print(Text.assemble("  ", (r.status, _STATUS_STYLE[r.status]), f" {r.label} ",
                                    (f"({r.kind}{gate}, {100 * r.fraction:.0f}%)", "dim")))
        console.print(Text(f"      {r.detail}"))
        for e in r.evidence[:3]:
            console.print(Text(f"      {e.source}: {e.text[:100]}", style="dim"))
