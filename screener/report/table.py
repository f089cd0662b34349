"""The terminal views: the ranked table and the per-candidate explanation (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from screener.report.build import summary_text
from screener.report.rows import flat_rows, skill_ids

_VERDICT_STYLE = {"pass": "green", "review": "yellow", "fail": "red", "": "dim"}


def print_table(report: dict[str, Any], console: Console) -> None:
    """Ranked candidates with score, verdict, years per skill and unmet minimums."""
    skills = skill_ids(report)[:5]
    table = Table(title=report["rules"]["title"], caption=_summary(report), show_lines=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("file", overflow="fold", ratio=3)
    for name in ("score", "verdict", "exp", *skills):
        table.add_column(name, justify="left" if name == "verdict" else "right", no_wrap=True)
    table.add_column("unmet minimums / error", overflow="fold", ratio=2)
    for row in flat_rows(report):
        verdict = row["verdict"]
        problem = (row["unmet_minimums"].replace("_years", "") if row["status"] == "ok"
                   else f"{row['error_code']}: {row['error_message']}")
        table.add_row(
            str(row["rank"]), row["file"], "" if row["score"] is None else f"{row['score']:.1f}",
            f"[{_VERDICT_STYLE[verdict]}]{verdict or 'error'}[/]", _years(row["experience_years"]),
            *(_years(row[f"{s}_years"]) for s in skills), problem)
    console.print(table)
    for s in report["skipped"]:
        console.print(f"[dim]skipped {s['file']}: {s['reason']}[/]")


def _years(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _summary(report: dict[str, Any]) -> str:
    return f"{summary_text(report)} · as of {report['as_of']} · recommendations for a person to check"


def print_explanation(row: dict[str, Any], console: Console) -> None:
    """Every requirement with its result and evidence, the years per skill and why the verdict."""
    console.print(f"[bold]{row['file']}[/]  sha256 {row['sha256'][:16] if row['sha256'] else '-'}")
    if row["status"] == "error":
        console.print(f"[red]error {row['error']['code']}[/]: {row['error']['message']}")
        return
    style = _VERDICT_STYLE[row["verdict"]]
    console.print(f"verdict [{style}]{row['verdict']}[/], score {row['score']:.1f}/100 "
                  "(100 × Σ weight × fraction met / Σ weight)")
    for reason in row["reasons"]:
        console.print(f"  • {reason}")
    console.print(f"\n[bold]Positions[/] (experience {row['experience_years']:.2f} y, "
                  f"backend {row['backend_years']:.2f} y)")
    for n, p in enumerate(row["positions"], start=1):
        coarse = " (year-only: coarse)" if p["coarse"] else ""
        coarse += "" if p["backend"] else " (not a backend role)"
        coarse += " (internship)" if p["internship"] else ""
        console.print(f"  {n}. {p['title']} — {p['organisation']}  {p['start']} – {p['end']}, "
                      f"{p['months']} months{coarse}  [dim]'{p['dates']}', line {p['line']}[/]")
    console.print("\n[bold]Skills[/]")
    for sid, s in row["skills"].items():
        if not s["mentioned"]:
            console.print(f"  {sid}: not mentioned")
            continue
        last = f", last used {s['last_used']}" if s["last_used"] else ""
        console.print(f"  {sid}: {s['years']:.2f} y ({s['basis']}{', coarse' if s['coarse'] else ''}{last})")
        for e in s["evidence"]:
            months = f" [{e['start']} – {e['end']}, {e['months']} months]" if e["months"] else ""
            console.print(f"      {e['source']}{months}: [dim]{e['text'][:110]}[/]")
    console.print("\n[bold]Requirements[/]")
    for r in row["requirements"]:
        mark = {"met": "[green]met[/]", "borderline": "[yellow]borderline[/]", "unmet": "[red]unmet[/]"}[r["status"]]
        gate = "" if r["gate"] or r["kind"] == "nice_to_have" else ", not a gate"
        console.print(f"  {mark} {r['label']} [dim]({r['kind']}{gate}, {100 * r['fraction']:.0f}%)[/]")
        console.print(f"      {r['detail']}")
        for e in r["evidence"][:3]:
            console.print(f"      [dim]{e['source']}: {e['text'][:100]}[/]")
