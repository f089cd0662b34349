"""A plain view of what the parser understood, for `screener parse`."""

from __future__ import annotations

from typing import Any

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
