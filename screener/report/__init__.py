"""Reports: one formatter per output format, all reading the same typed :class:`~screener.result.Report`."""

from __future__ import annotations

from enum import StrEnum
from typing import TextIO

from screener.result import Report


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"


class Formatter:
    """Writes a report in one format."""

    def write(self, report: Report, out: TextIO) -> None:
        raise NotImplementedError

    def render(self, report: Report) -> str:
        """The report as one string (tests, and callers that want text)."""
        import io

        buffer = io.StringIO()
        self.write(report, buffer)
        return buffer.getvalue()


# The format a report file's name implies, for `--output` without `--format`.
SUFFIXES: dict[str, Format] = {".json": Format.json, ".jsonl": Format.jsonl, ".csv": Format.csv,
                               ".md": Format.markdown, ".markdown": Format.markdown, ".html": Format.html,
                               ".htm": Format.html, ".txt": Format.table}


def formatter(fmt: Format) -> Formatter:
    """The formatter of a format (every format has one: a test checks it)."""
    from screener.report.formats import FORMATTERS

    return FORMATTERS[fmt]
