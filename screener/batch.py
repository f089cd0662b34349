"""Screening many files: discover, screen each, and gather one report in a stable order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.progress import Progress

from screener.discover import discover
from screener.pipeline import Screener
from screener.report.build import build_report


def run_batch(screener: Screener, paths: list[Path], progress: bool = False) -> dict[str, Any]:
    """The report for every file under ``paths``; candidates sorted by file name."""
    inputs, skipped = discover(paths)
    outcomes = []
    with Progress(transient=True, disable=not progress) as bar:
        task = bar.add_task("screening", total=len(inputs))
        for item in inputs:
            outcomes.append(screener.screen_file(item.path, item.file))
            bar.advance(task)
    outcomes.sort(key=lambda o: o.file)
    return build_report(outcomes, skipped, screener.loaded, screener.as_of)
