"""Keyword requirements: words that meet a requirement only in context, and a phrase counted once.

Each probe is text that used to meet a requirement with unrelated words; each true case shows the
requirement is still met by the words it is meant for.
"""

from __future__ import annotations

import pytest

from screener.pipeline import Screener
from screener.rules import LoadedRules, parse_rules
from tests.conftest import AS_OF, REPO


def cv(*bullets: str, skills: str = "") -> bytes:
    """A small CV: one dated position with the bullets, an optional skills line, a degree."""
    lines = ["Experience", "Backend Engineer, Northwind Labs — Jan 2019 – Present",
             *(f"- {b}" for b in bullets), "Earlier, two years of support work for a retailer.",
             "Skills", skills or "Teamwork", "Education", "BSc Computer Science, Example University, 2014 – 2018"]
    return "\n".join(lines).encode()


def result(screener: Screener, text: bytes, requirement: str):  # noqa: ANN201 - a RequirementResult
    outcome = screener.screen_bytes(text, "probe.txt")
    assert outcome.assessment is not None
    return next(r for r in outcome.assessment.results if r.requirement.id == requirement)


PROBES = [  # requirement, text that must not meet it, text that must
    ("kafka_concepts", cv("Tuned MySQL transactions and partitioned tables for the ledger"),
     cv("Kafka consumers with consumer groups and idempotent producers on partitioned topics")),
    ("mysql_concepts", cv("Kept the Elasticsearch index and the Redshift schema in sync"),
     cv("MySQL schema design, covering indexes and replication for the orders service")),
    ("english_writing", cv("Wrote unit tests and kept the documentation up to date"),
     cv("Wrote design docs and RFCs for the platform team")),
    ("feature_flags", cv("Pipelines in GitLab CI/CD for every service"),
     cv("Pipelines in GitLab CI/CD; risky changes shipped behind feature flags")),
    ("banking_exchange", cv("Ran knowledge exchange sessions and fixed the payment page of the web shop"),
     cv("Built the matching engine of a centralized crypto exchange")),
    ("blockchain", cv("Added Apple Wallet passes and a wallet screen to the loyalty app"),
     cv("Hot wallet service for Bitcoin and Ethereum withdrawals")),
]


@pytest.mark.parametrize(("requirement", "probe", "true_case"), PROBES, ids=[p[0] for p in PROBES])
def test_unrelated_words_no_longer_meet_the_requirement(screener: Screener, requirement: str, probe: bytes,
                                                        true_case: bytes) -> None:
    assert result(screener, probe, requirement).status == "unmet", probe.decode()
    assert result(screener, true_case, requirement).status == "met", true_case.decode()


def test_within_counts_a_line_outside_the_positions_that_names_the_skill(screener: Screener) -> None:
    text = cv("Order services in Go", skills="Kafka: partitions, consumer groups, exactly-once")
    found = result(screener, text, "kafka_concepts")
    assert found.status == "met"
    assert "where Kafka is named" in found.detail
    assert all("Kafka" in e.text for e in found.evidence)


def test_within_counts_a_position_that_names_the_skill_on_another_line(screener: Screener) -> None:
    text = cv("Event pipeline on Kafka for the ledger", "Idempotent producers and consumer group rebalancing")
    assert result(screener, text, "kafka_concepts").status == "met"


def test_concurrency_in_another_language_is_not_go_concurrency(screener: Screener) -> None:
    java = cv("Java services with concurrency limits, worker pools and backpressure", skills="Go, Java")
    go = cv("Go services with worker pools, backpressure and cancellation")
    assert result(screener, java, "go_concurrency").status == "unmet"
    assert result(screener, go, "go_concurrency").status == "met"


def counting_rules(at_least: int) -> LoadedRules:
    text = (REPO / "rules" / "requirements.yaml").read_text(encoding="utf-8")
    text += (f"\n  - id: ci_tools\n    label: CI tools\n    kind: minimum\n    gate: false\n"
             f"    keywords: [CI/CD, CI, GitLab CI, continuous integration]\n    at_least: {at_least}\n")
    return LoadedRules(parse_rules(text, "counting.yaml"), "counting.yaml", "")


def test_a_phrase_inside_a_longer_match_counts_once() -> None:
    screener = Screener(counting_rules(2), AS_OF)
    once = result(screener, cv("Pipelines in GitLab CI/CD"), "ci_tools")
    assert once.status == "unmet" and once.detail.startswith("found 1 (needs 2): GitLab CI")
    twice = result(screener, cv("Pipelines in GitLab CI/CD", "Continuous integration for the monorepo"), "ci_tools")
    assert twice.status == "met" and twice.detail.startswith("found 2 (needs 2)")


def test_the_count_never_exceeds_what_was_found_nor_reads_as_more_than_needed() -> None:
    screener = Screener(counting_rules(1), AS_OF)
    found = result(screener, cv("CI/CD for every service"), "ci_tools")
    assert found.status == "met" and found.detail == "found 1 (needs 1): CI/CD"
