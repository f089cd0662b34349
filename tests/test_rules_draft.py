"""`screener rules draft`: a starter rules file from a posting (TXT, Markdown, DOCX, PDF) that validates,
names the posting line of every requirement, and is the same every time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from screener.cli import main
from screener.rules import Requirement, Rules, parse_rules
from tests.conftest import shared_or_skip
from tests.hostile_recipes import cv_pdf, docx

JAVA_POSTING = """# Senior Java Engineer — Payments Platform

## Responsibilities
- Build and run Spring Boot microservices on Kubernetes.
- Own PostgreSQL schemas and query performance.

## Requirements
- 5+ years of professional software development, 3+ years with Java and Spring Boot.
- 2+ years with PostgreSQL (indexing, query plans, migrations).
- Experience with Docker and Kubernetes in production.

**Nice to have:**
- Kotlin or Scala.
- Experience with Kafka or RabbitMQ.

## Benefits
- 30 days of paid leave, remote-friendly.
"""

DATA_POSTING = """Data Engineer
What you will do
Build batch and streaming pipelines with Apache Spark and Airflow.
Model data in Snowflake and BigQuery.
What we are looking for
4+ years in data engineering.
3+ years of Python and SQL.
Hands-on experience with Spark (PySpark) and Kafka.
Bonus points
Scala, Flink, Terraform.
"""

FRONTEND_POSTING = """Frontend Engineer (React)
Responsibilities
- Build accessible web apps in React and TypeScript.
Requirements
- 3+ years of frontend development.
- 2+ years with React and TypeScript.
- Strong HTML/CSS skills; testing with Jest.
Preferred
- Next.js, GraphQL.
"""


def drafted(tmp_path: Path, name: str, data: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[Rules, str]:
    posting = tmp_path / name
    posting.write_bytes(data)
    out = tmp_path / "rules.yaml"
    assert main(["rules", "draft", str(posting), "-o", str(out)]) == 0
    assert main(["rules", "validate", str(out)]) == 0
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    return parse_rules(text, str(out)), text


def years(rules: Rules) -> dict[str, tuple[float, str]]:
    return {r.of: (r.years, r.kind) for r in rules.requirements if r.years is not None and r.of is not None}


def mentioned(rules: Rules, kind: str) -> set[str]:
    return {s for r in rules.requirements if r.kind == kind for s in r.mentioned or []}


def by_id(rules: Rules, rid: str) -> Requirement:
    return next(r for r in rules.requirements if r.id == rid)


def test_the_shared_posting(tmp_path, capsys) -> None:
    posting = shared_or_skip("posting.txt")
    rules, text = drafted(tmp_path, "posting.txt", posting.read_bytes(), capsys)
    assert {k: v for k, v in years(rules).items()} == {
        "backend": (5, "minimum"), "go": (2, "minimum"), "kafka": (1, "minimum"), "mysql": (3, "minimum"),
        "redis": (1, "minimum")}
    assert "docker" in mentioned(rules, "minimum")
    assert {"php", "laravel", "rust"} <= mentioned(rules, "nice_to_have")
    assert by_id(rules, "kafka_concepts").within == "kafka" and "EOS" in (by_id(rules, "kafka_concepts").keywords or [])
    assert by_id(rules, "go_years").label == "2+ years with Go in production"
    # every requirement sits under a comment quoting the posting line(s) it came from
    posting_lines = posting.read_text(encoding="utf-8").splitlines()
    comments = re.findall(r"  # posting lines? (\d+)(?:-(\d+))?: (.*)\n(?:  # .*\n)*  - id: ", text)
    assert len(comments) == len(rules.requirements)
    for first, last, quoted in comments:
        source = " ".join(re.sub(r"^- ", "", line) for line in posting_lines[int(first) - 1:int(last or first)])
        assert quoted == source.strip()


def test_the_draft_is_the_same_every_time(tmp_path, capsys) -> None:
    posting = tmp_path / "java.md"
    posting.write_text(JAVA_POSTING, encoding="utf-8")
    outputs = []
    for _ in range(2):
        assert main(["rules", "draft", str(posting)]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and "version: 1" in outputs[0]


def test_a_java_spring_posting_in_markdown(tmp_path, capsys) -> None:
    rules, _ = drafted(tmp_path, "java.md", JAVA_POSTING.encode(), capsys)
    assert rules.title == "Senior Java Engineer"
    assert years(rules) == {"backend": (5, "minimum"), "java": (3, "minimum"), "spring": (3, "minimum"),
                            "postgresql": (2, "minimum")}
    assert {"docker", "kubernetes"} <= mentioned(rules, "minimum")
    assert {"kotlin", "scala", "kafka", "rabbitmq"} <= mentioned(rules, "nice_to_have")
    assert by_id(rules, "postgresql_concepts").keywords == ["indexing", "query plans", "migrations"]
    assert not any("leave" in r.label for r in rules.requirements)  # benefits are not requirements


def test_a_data_engineer_posting_in_word(tmp_path, capsys) -> None:
    rules, _ = drafted(tmp_path, "data.docx", docx(text=DATA_POSTING), capsys)
    assert years(rules) == {"total": (4, "minimum"), "python": (3, "minimum"), "sql": (3, "minimum")}
    assert {"spark", "kafka"} <= mentioned(rules, "minimum")
    assert {"scala", "flink", "terraform"} <= mentioned(rules, "nice_to_have")
    assert {"airflow", "snowflake", "bigquery"} <= mentioned(rules, "nice_to_have")  # from what the job does


def test_a_frontend_posting_in_pdf(tmp_path, capsys) -> None:
    rules, text = drafted(tmp_path, "frontend.pdf", cv_pdf(text=FRONTEND_POSTING), capsys)
    assert years(rules) == {"total": (3, "minimum"), "react": (2, "minimum"), "typescript": (2, "minimum")}
    assert "measured as all dated experience" in text  # frontend years are not backend years
    assert {"html_css", "jest"} <= mentioned(rules, "minimum")
    assert {"nextjs", "graphql"} <= mentioned(rules, "nice_to_have")


def test_a_posting_with_nothing_to_draft_is_a_clear_error(tmp_path, capsys) -> None:
    posting = tmp_path / "empty.txt"
    posting.write_text("We are a friendly team.\nCome and say hello.\n", encoding="utf-8")
    assert main(["rules", "draft", str(posting)]) == 2
    assert "no requirement could be drafted" in capsys.readouterr().err
