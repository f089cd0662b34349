"""Text renderers: JSON (the contract), JSON Lines, CSV, Markdown and HTML."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any

from screener.report.build import summary_text
from screener.report.rows import flat_rows


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def render_jsonl(report: dict[str, Any]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in flat_rows(report))


def render_csv(report: dict[str, Any]) -> str:
    rows = flat_rows(report)
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_safe(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (a file named '=cmd()' must stay text)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def render_markdown(report: dict[str, Any]) -> str:
    rows = flat_rows(report)
    if not rows:
        return "No files were screened.\n"
    keys = [k for k in rows[0] if k not in ("sha256", "error_message")]

    def esc(value: Any) -> str:
        return _cell(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(esc(row[k]) for k in keys) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render_html(report: dict[str, Any]) -> str:
    rows = flat_rows(report)
    keys = [k for k in (rows[0] if rows else {}) if k != "sha256"]
    head = "".join(f"<th>{html.escape(k)}</th>" for k in keys)
    body = "".join(
        f'<tr class="{html.escape(row["verdict"] or "error")}">'
        + "".join(f"<td>{html.escape(_cell(row[k]))}</td>" for k in keys) + "</tr>\n" for row in rows)
    skipped = "".join(f"<li>{html.escape(s['file'])}: {html.escape(s['reason'])}</li>" for s in report["skipped"])
    skipped = f"<h2>Skipped</h2><ul>{skipped}</ul>\n" if skipped else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>screener report</title>
<style>body{{font-family:sans-serif}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px}}
tr.pass{{background:#e6f4e6}}tr.review{{background:#fff6dc}}tr.fail{{background:#fbe9e9}}tr.error{{background:#eee}}</style>
</head><body>
<h1>{html.escape(report["rules"]["title"])}</h1>
<p>As of {html.escape(report["as_of"])}. {html.escape(summary_text(report))}.
Verdicts are recommendations for a person to check, not decisions.</p>
<table><thead><tr>{head}</tr></thead><tbody>
{body}</tbody></table>
{skipped}</body></html>
"""
