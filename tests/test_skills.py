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
    "Grew up in Leeds. (Go Rhinos and Tykes!) Then moved to Bristol.",
    "Go team! We shipped the release on time.",
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
    "Go services for the matching engine. Shipped it early!",
    "Rewrote the ledger in Go!",
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
    ("Go\t6 years", {("go", 6.0)}),  # a skills table: 'Skill | Experience'
    ("Kafka\t2019", set()),
])
def test_claims(finder: SkillFinder, text: str, expected: set[tuple[str, float]]) -> None:
    claims = finder.claims(finder.mentions((Line(text, 1),)))
    assert {(c.skill, c.years) for c in claims} == expected


CONTEXT_NAMES = ["go", "rust", "r", "c", "swift", "dart", "julia", "spark", "elixir", "ruby", "chef", "puppet", "salt"]


@pytest.fixture(scope="module")
def taxonomy_finder() -> SkillFinder:
    """A rules file that names the taxonomy's word-like skills without defining them."""
    from screener.rules import parse_rules
    from tests.conftest import REPO

    text = (REPO / "rules" / "requirements.yaml").read_text(encoding="utf-8")
    text += ("\n  - id: word_like\n    label: word-like names\n    kind: nice_to_have\n"
             f"    mentioned: [{', '.join(CONTEXT_NAMES)}]\n")
    return SkillFinder(parse_rules(text, "taxonomy.yaml"))


@pytest.mark.parametrize(("skill", "technology", "word"), [
    ("r", "Statistics in R and Python", "R&D budget of a Series B startup"),
    ("r", "Python, R, SQL", "Reviewed by R. Smith"),
    ("c", "Firmware written in C and C++", "Grade C in the final project"),
    ("c", "Languages: C, Go, Python", "Led a Series C fundraising data room"),
    ("swift", "iOS apps in Swift and SwiftUI", "SWIFT payments and SWIFT codes for correspondent banks"),
    ("dart", "Flutter apps in Dart", "Captain of the Dart board league"),
    ("julia", "Numerical models in Julia", "Julia Roberts Award for volunteering"),
    ("spark", "Spark jobs on EMR", "Helped spark curiosity in young engineers"),
    ("elixir", "Elixir services on the BEAM", "A team that found the Elixir of productivity"),
    ("ruby", "Ruby on Rails monolith, Ruby scripts", "Ruby Tuesday restaurant shift lead"),
    ("chef", "Chef cookbooks for the fleet", "Worked as a Chef de partie in Lyon"),
    ("puppet", "Puppet manifests for 300 hosts", "Puppet theatre volunteer"),
    ("salt", "Salt states and SaltStack for configuration", "Salt and pepper of the kitchen"),
    ("rust", "Matching engine in Rust", "Rust proofing of the warehouse frames"),
    ("go", "Services in Go and Kafka", "Go through the design docs before coding"),
])
def test_word_like_names_count_only_in_context(taxonomy_finder: SkillFinder, skill: str, technology: str,
                                               word: str) -> None:
    assert skill in skills_in(taxonomy_finder, technology)
    assert skill not in skills_in(taxonomy_finder, word)


def test_the_taxonomy_covers_common_technologies_and_every_entry_is_valid() -> None:
    from screener.rules.schema import Skill
    from screener.rules.taxonomy import taxonomy_data

    data = taxonomy_data()
    skills = {sid: Skill.model_validate(entry) for sid, entry in data.items()}
    assert len(skills) >= 150
    assert all(skills[name].ambiguous for name in CONTEXT_NAMES)
    names: dict[str, str] = {}
    for sid, skill in skills.items():
        for name in [*skill.aliases, *skill.ambiguous]:
            assert names.setdefault(name.lower(), sid) == sid, f"'{name}' names both {sid} and {names[name.lower()]}"


@pytest.mark.parametrize("text", ["负责支付网关开发，使用 Go、Kafka、Redis。", "订单系统（Go，Kafka，Redis）",
                                  "使用Go、Kafka和Redis"])
def test_skills_separated_by_chinese_punctuation(finder: SkillFinder, text: str) -> None:
    assert {"go", "kafka", "redis"} <= skills_in(finder, text)
