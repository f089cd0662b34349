"""The adverse-impact table as text: a terminal table, CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.table import Table

from screener.audit.impact import FOUR_FIFTHS, Impact

COLUMNS = ("category", "applicants", "selected", "selection_rate", "impact_ratio", "above_median",
           "scoring_rate", "scoring_impact_ratio", "flags")


def rows(result: Impact) -> list[dict[str, Any]]:
    """One dict per category, rates and ratios rounded to 4 decimals."""
    def r4(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    return [{"category": g.category, "applicants": g.applicants, "selected": g.selected,
             "selection_rate": r4(g.selection_rate), "impact_ratio": r4(g.impact_ratio),
             "above_median": g.above_median, "scoring_rate": r4(g.scoring_rate),
             "scoring_impact_ratio": r4(g.scoring_impact_ratio), "flags": list(g.flags)} for g in result.groups]


def notes(result: Impact) -> list[str]:
    """What a reader needs to read the table right."""
    lines = [f"{result.applicants} applicants grouped by {' × '.join(result.by)}; selected = verdict "
             f"{' or '.join(result.selected_verdicts)}; scoring rate = share scoring above the median score "
             f"({'-' if result.median_score is None else f'{result.median_score:g}'}).",
             f"Impact ratio = rate ÷ the highest rate among categories of at least 2% of applicants; "
             f"under {FOUR_FIFTHS} is flagged (four-fifths rule). Unknown is shown but not used for ratios."]
    if result.left_out:
        lines.append(f"{result.left_out} file(s) that could not be screened are not counted as applicants.")
    lines.append("These figures support a bias audit; they are not one (under NYC Local Law 144 the audit "
                 "must be done by an independent auditor).")
    return lines


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _human(row: dict[str, Any]) -> list[str]:
    return [row["category"], str(row["applicants"]), str(row["selected"]), _pct(row["selection_rate"]),
            _ratio(row["impact_ratio"]), str(row["above_median"]), _pct(row["scoring_rate"]),
            _ratio(row["scoring_impact_ratio"]), "; ".join(row["flags"])]


def render_table(result: Impact) -> Table:
    table = Table(title=f"Adverse impact by {' × '.join(result.by)}", title_justify="left",
                  caption="\n".join(notes(result)), caption_justify="left")
    for name in COLUMNS:
        table.add_column(name.replace("_", " "), justify="left" if name in ("category", "flags") else "right",
                         overflow="fold")
    for row in rows(result):
        style = "red" if any("< 0.8" in f for f in row["flags"]) else None
        table.add_row(*_human(row), style=style)
    return table


def render_markdown(result: Impact) -> str:
    lines = [f"## Adverse impact by {' × '.join(result.by)}", "",
             "| " + " | ".join(c.replace("_", " ") for c in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in _human(row)) + " |" for row in rows(result)]
    return "\n".join([*lines, "", *notes(result)]) + "\n"


def render_csv(result: Impact) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(result):
        writer.writerow({k: "" if v is None else "; ".join(v) if k == "flags" else v for k, v in row.items()})
    return out.getvalue()


def render_json(result: Impact) -> str:
    body = {"by": list(result.by), "selected": list(result.selected_verdicts), "applicants": result.applicants,
            "median_score": result.median_score, "not_screened": result.left_out, "categories": rows(result),
            "notes": notes(result)}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
