"""Keyword requirements find what a plain search keyword by keyword finds, where longer phrases win
over the phrases inside them, including where case folding reaches beyond ASCII (Kelvin sign, long s,
dotted and dotless i) and where spaces and hyphens vary."""

from __future__ import annotations

import pytest

from screener.findings import KeywordSearch, LineWords
from screener.model import Line
from screener.phrases import phrase_pattern


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(text, n) for n, text in enumerate(texts, start=1))


def _found_keyword_by_keyword(keywords: list[str], lines: tuple[Line, ...]) -> set[str]:
    """Each keyword searched on its own; on a line, the longest of the matches that overlap is kept."""
    found: dict[str, str] = {}
    for line in lines:
        spans = []
        for k in keywords:
            pattern = phrase_pattern([k], case_sensitive=k.isupper() and len(k) > 1)
            spans += [(m.start(), m.start() - m.end(), k, m.group(0)) for m in pattern.finditer(line.text)]
        end = -1
        for start, negative_length, keyword, text in sorted(spans):
            if start >= end:
                end = start - negative_length
                found.setdefault(keyword, f"line {line.number}: '{text}'")
    return set(found.values())


@pytest.mark.parametrize("texts", [
    ("Kafka consumers – partitions and compaction", "Idempotent   producer; message-key design"),
    ("Designed PARTITIONED topics", "nothing here"),
    ("MySQL: covering\u00a0indexes", "EXPLAIN plans • schema design"),
    ("Go concurrency: goroutines, fan\u2011out", "worker-pool; Fan-in"),
    ("\u212aeyed messages", "con\u017fumer groups, partıtıons, PARTİTİON"),  # fold to ASCII letters
    ("CI/CD with GitHub Actions", "ci and CAP theorem, cap"),
    ("GitLab CI/CD", "feature-flags and Feature Toggles"),
    ("multi tenant SaaS", "per-tenant quotas"),
])
def test_keywords_found_as_a_search_keyword_by_keyword_finds_them(loaded_rules, texts: tuple[str, ...]) -> None:
    lines = _lines(*texts)
    for requirement in loaded_rules.rules.requirements:
        if requirement.keywords:
            found = KeywordSearch(requirement.keywords).find(LineWords(lines))
            assert {e.source for _, e in found} == _found_keyword_by_keyword(requirement.keywords, lines)
