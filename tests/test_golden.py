"""Every report format, compared whole with a committed file (the samples as of 2026-11-01).

Parsing and rules change what the samples score, so these files (and the table in the README) change
with them. After a deliberate change, refresh them all with

    SCREENER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.report import Format, Formatter, formatter
from screener.report.table import TableFormatter
from screener.result import Report

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SCREENER_UPDATE_GOLDEN") == "1"
CASES: dict[str, Formatter] = {
    "samples.json": formatter(Format.json),
    "samples.jsonl": formatter(Format.jsonl),
    "samples.csv": formatter(Format.csv),
    "samples.md": formatter(Format.markdown),
    "samples.html": formatter(Format.html),
    "table-80.txt": TableFormatter(width=80),
    "table-120.txt": TableFormatter(width=120),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_matches_its_golden_file(samples_report: Report, name: str) -> None:
    text = CASES[name].render(samples_report)
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="")
        pytest.skip(f"refreshed {path.relative_to(GOLDEN.parent.parent)}")
    assert path.exists(), f"{path} is missing: create it with SCREENER_UPDATE_GOLDEN=1 python -m pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (f"{name} differs from {path}; if the change is intended, refresh it with "
                              "SCREENER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py and review the diff")


README = GOLDEN.parent.parent / "README.md"
README_TABLE = "At 80 columns (`screener screen samples/ --as-of 2026-11-01`):\n\n```\n"


def test_the_readme_shows_the_table_at_80_columns(samples_report: Report) -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index(README_TABLE) + len(README_TABLE)
    end = text.index("```", start)
    table = CASES["table-80.txt"].render(samples_report)
    if UPDATE:
        README.write_text(text[:start] + table + text[end:], encoding="utf-8", newline="")
        pytest.skip("refreshed the table in README.md")
    assert text[start:end] == table, ("README.md shows another table: refresh it with "
                                      "SCREENER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py")


def test_every_format_has_a_golden_file() -> None:
    covered = {type(f) for f in CASES.values()}
    assert all(type(formatter(fmt)) in covered for fmt in Format)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec="utf-8")),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@given(_JSON)
def test_the_json_writer_lays_out_any_value_as_the_standard_library_does(value: object) -> None:
    """Reports are written with a faster layout than json.dumps(indent=2); the bytes must be the same,
    whatever the strings (controls, quotes, line separators, any script) and numbers hold."""
    from screener.report.contract import _dumps

    assert _dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
