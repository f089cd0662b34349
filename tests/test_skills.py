"""Skill mentions (Go the language vs go the verb) and explicit year claims."""

from __future__ import annotations

import pytest

from screener.model import Line
from screener.skills import SkillFinder


@pytest.fixture(scope="module")
def finder(loaded_rules) -> SkillFinder:
    return SkillFinder(loaded_rules.rules)


def skills_in(finder: SkillFinder, text: str) -> set[str]:
    return {m.skill for m in finder.mentions((Line(text, 1),))}


@pytest.mark.parametrize("text", [
    "Go-live lead for instant SEPA credit transfers",
    "The go-to person on my team for incident reviews",
    "I like to go through a design on paper",
    "Supported the go-to-market of the broker API",
    "helped partners go live in under a month",
    "Elixir engineer building mobile money for people on the go",
    "Runs game days where new hires go through a failover",
    "Go through the design docs before coding",
    "Ready to go ahead with the rollout",
    "Made the Go/No-Go call for every release",
    "A Go-getter who ships",
    "Everything was Good to Go for launch",
    "Rust engineer for trading systems, always on-the-go",
    "Go-to-market lead for the broker API",
    "Go-between for the product and compliance teams",
    "Go-slow days before each audit were replaced by daily releases",
])
def test_go_the_verb_is_not_go_the_language(finder: SkillFinder, text: str) -> None:
    assert "go" not in skills_in(finder, text)


@pytest.mark.parametrize("text", [
    "Golang services for QR payments",
    "Go (Golang)",
    "Languages: Go, Python, SQL",
    "Go, Python",
    "Payment services written in Go",
    "Go services for seat holds",
    "Go 1.22, Kafka on Confluent Cloud",
    "Go / Kafka / MySQL / Redis / Docker",
    "moved from PHP to Go in 2025",
    "Backend Engineer (Go)",
    "languages: python, go, rust",
    "- Go market-data services.",
])
def test_go_the_language(finder: SkillFinder, text: str) -> None:
    assert "go" in skills_in(finder, text)


@pytest.mark.parametrize(("text", "skill"), [
    ("Amazon MSK for events", "kafka"), ("Apache Kafka with Kafka Streams", "kafka"),
    ("Aurora MySQL read replicas", "mysql"), ("Percona XtraDB Cluster", "mysql"),
    ("Amazon ElastiCache", "redis"), ("docker-compose stacks", "docker"), ("Dockerised legacy apps", "docker"),
    ("Laravel and PHP 8 APIs", "laravel"), ("Rewrote the core in Rust", "rust"),
])
def test_aliases(finder: SkillFinder, text: str, skill: str) -> None:
    assert skill in skills_in(finder, text)


def test_mariadb_is_not_mysql(finder: SkillFinder) -> None:
    assert "mysql" not in skills_in(finder, "Java services on a MariaDB Galera cluster")


def test_kafka_inside_apache_kafka_is_one_mention(finder: SkillFinder) -> None:
    mentions = finder.mentions((Line("Apache Kafka consumers", 1),))
    assert [(m.skill, m.words) for m in mentions] == [("kafka", "Apache Kafka")]


@pytest.mark.parametrize(("text", "expected"), [
    ("5+ years of Go", {("go", 5.0)}),
    ("Go — 4 yrs", {("go", 4.0)}),
    ("Kafka (2 years)", {("kafka", 2.0)}),
    ("Backend engineer with 4+ years of Go and 4 years of Apache Kafka", {("go", 4.0), ("kafka", 4.0)}),
    ("Go engineer with 7 years of Go and 6 years of Kafka", {("go", 7.0), ("kafka", 6.0)}),
    ("six years of experience with Redis", {("redis", 6.0)}),
    ("Go services for 2,000 merchants", set()),
])
def test_claims(finder: SkillFinder, text: str, expected: set[tuple[str, float]]) -> None:
    claims = finder.claims(finder.mentions((Line(text, 1),)))
    assert {(c.skill, c.years) for c in claims} == expected
