"""A plain view of what the parser understood, for `screener parse`."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from screener.model import month_label
from screener.result import Outcome


def parsed_view(o: Outcome) -> dict[str, Any]:
    """Sections, positions with normalised dates, skills and claims of one screened file."""
    if o.status == "error" or o.resume is None or o.experience is None or o.document is None:
        return {"file": o.file, "status": o.status, "error": {"code": o.error_code, "message": o.error_message}}
    return {
        "file": o.file,
        "status": o.status,
        "kind": o.document.kind,
        "pages": o.document.pages,
        "warnings": list(o.warnings),
        "sections": [{"kind": s.kind, "heading": s.heading, "lines": len(s.lines),
                      "first_line": s.lines[0].number if s.lines else None} for s in o.resume.sections],
        "positions": [{"title": p.title, "organisation": p.organisation, "section": p.section,
                       "dates": p.dates.text, "start": month_label(p.dates.start), "end": month_label(p.dates.end),
                       "months": p.dates.months, "ongoing": p.dates.ongoing, "coarse": p.dates.coarse,
                       "calendar": p.dates.calendar, "lines": [line.text for line in p.lines]}
                      for p in o.resume.positions],
        "skills": {sid: {"mentioned": s.mentioned, "dated_years": round(s.dated_months / 12, 2)}
                   for sid, s in o.experience.skills.items()},
        "claims": [{"skill": s.claim.skill, "years": s.claim.years, "text": s.claim.text, "line": s.claim.line}
                   for s in o.experience.skills.values() if s.claim],
        "lines": [{"n": line.number, "page": line.page, "heading": line.heading, "text": line.text}
                  for line in o.document.lines],
    }


def print_parsed(view: dict[str, Any], console: Console) -> None:
    """The parse view as tables: sections, positions, skills, claims and the lines read."""
    console.print(Text.assemble((view["file"], "bold"), f"  {view['status']}"))
    if view["status"] != "ok":
        console.print(Text(f"error {view['error']['code']}: {view['error']['message']}"))
        return
    console.print(Text(f"{view['kind']}, {view['pages']} page{'' if view['pages'] == 1 else 's'}"))
    for warning in view["warnings"]:
        console.print(Text(f"warning: {warning}", style="yellow"))
    tables = [
        ("Sections", ("kind", "heading", "first_line", "lines"), view["sections"]),
        ("Positions", ("title", "organisation", "section", "dates", "start", "end", "months"), view["positions"]),
        ("Skills", ("skill", "mentioned", "dated_years"),
         [{"skill": sid, **s} for sid, s in view["skills"].items()]),
        ("Claims", ("skill", "years", "text", "line"), view["claims"]),
        ("Lines", ("n", "page", "heading", "text"), view["lines"]),
    ]
    for title, keys, rows in tables:
        table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD)
        for key in keys:
            table.add_column(key, overflow="fold")
        for row in rows:
            table.add_row(*(Text("" if row[k] is None else str(row[k])) for k in keys))
        console.print(table)
