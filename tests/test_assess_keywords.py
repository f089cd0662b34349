"""Keyword requirements find the same words with the quick substring pre-check as a search line by line
does, including where case folding reaches beyond ASCII (Kelvin sign, long s, dotted and dotless i)."""

from __future__ import annotations

import pytest

from screener.assess import Assessor
from screener.model import Line


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(text, n) for n, text in enumerate(texts, start=1))


def _found_line_by_line(assessor: Assessor, rid: str, lines: tuple[Line, ...]) -> dict[str, str]:
    found = {}
    for keyword, pattern in assessor.keyword_patterns[rid]:
        for line in lines:
            if match := pattern.search(line.text):
                found[keyword] = f"line {line.number}: '{match.group(0)}'"
                break
    return found


@pytest.mark.parametrize("texts", [
    ("Kafka consumers – partitions and compaction", "Idempotent   producer; message-key design"),
    ("Designed PARTITIONED topics", "nothing here"),
    ("MySQL: covering\u00a0indexes", "EXPLAIN plans • schema design"),
    ("Go concurrency: goroutines, fan\u2011out", "worker-pool; Fan-in"),
    ("\u212aeyed messages", "con\u017fumer groups, partıtıons, PARTİTİON"),  # fold to ASCII letters
    ("CI/CD with GitHub Actions", "ci and CAP theorem, cap"),
    ("multi tenant SaaS", "per-tenant quotas"),
])
def test_keywords_found_as_a_line_by_line_search_finds_them(loaded_rules, texts: tuple[str, ...]) -> None:
    assessor = Assessor(loaded_rules.rules)
    lines = _lines(*texts)
    for rid in assessor.keyword_patterns:
        result = assessor._keywords(next(r for r in loaded_rules.rules.requirements if r.id == rid), lines)
        assert {e.source for e in result.evidence} == set(_found_line_by_line(assessor, rid, lines).values())
