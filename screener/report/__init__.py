"""Reports: the JSON contract and the formats rendered from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from screener.report.formats import render_csv, render_html, render_json, render_jsonl, render_markdown

RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
    "html": render_html,
    "table": render_markdown,  # a table written to a file is the Markdown table
}


def render(fmt: str, report: dict[str, Any]) -> str:
    """The report in a text format."""
    return RENDERERS[fmt](report)
