"""The formatters: JSON (the contract), JSON Lines, CSV, Markdown; the terminal table and HTML have their
own modules."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from screener.report import Format, Formatter
from screener.report.contract import write_json
from screener.report.html import HtmlFormatter
from screener.report.rows import flat_rows
from screener.report.table import TableFormatter
from screener.result import Report


class JsonFormatter(Formatter):
    def write(self, report: Report, out: TextIO) -> None:
        write_json(report, out)


class JsonLinesFormatter(Formatter):
    def write(self, report: Report, out: TextIO) -> None:
        for row in flat_rows(report):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


class CsvFormatter(Formatter):
    def write(self, report: Report, out: TextIO) -> None:
        writer: csv.DictWriter[str] | None = None
        for row in flat_rows(report):
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: _csv_safe(v) for k, v in row.items()})


def _csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (a file named '=cmd()' must stay text)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


class MarkdownFormatter(Formatter):
    """A GitHub-flavoured Markdown table; cells are escaped, so a file name is never read as HTML or a column."""

    def write(self, report: Report, out: TextIO) -> None:
        keys: list[str] | None = None
        for row in flat_rows(report):
            if keys is None:
                keys = [k for k in row if k != "sha256"]
                out.write("| " + " | ".join(keys) + " |\n" + "|" + "---|" * len(keys) + "\n")
            out.write("| " + " | ".join(_markdown_cell(row[k]) for k in keys) + " |\n")
        if keys is None:
            out.write("No files were screened.\n")


def _markdown_cell(value: Any) -> str:
    text = _cell(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


FORMATTERS: dict[Format, Formatter] = {
    Format.table: TableFormatter(),
    Format.json: JsonFormatter(),
    Format.jsonl: JsonLinesFormatter(),
    Format.csv: CsvFormatter(),
    Format.markdown: MarkdownFormatter(),
    Format.html: HtmlFormatter(),
}
