"""Positions in layouts real CVs use: written here, fictional, one mechanism each."""

from __future__ import annotations

from screener.extract.text import extract_text
from screener.model import Document, Line
from screener.parse import parse
from tests.conftest import AS_OF

AS_OF_MONTH = AS_OF.year * 12 + AS_OF.month - 1


def resume_of(text: str, markdown: bool = False):
    return parse(extract_text(text.strip().encode(), markdown=markdown), AS_OF_MONTH)


def spans(resume) -> list[tuple[str, str, str, str]]:
    def label(m: int) -> str:
        return f"{m // 12}-{m % 12 + 1:02d}"
    return [(p.title, p.organisation, label(p.dates.start), label(p.dates.end)) for p in resume.positions]


def test_a_range_alone_on_the_first_bullet_under_a_company_title_heading() -> None:
    resume = resume_of("""
# Mira Okafor

## Experience

## Tidewater Analytics, Senior Backend Engineer

- Jan 2023 – present
- Remote
- Wrote the billing pipeline in Go and Kafka.

## Lumen Freight, Software Engineer

- Mar 2019 – Dec 2022
- Porto
- Moved the route planner onto MySQL 8.
""", markdown=True)
    assert spans(resume) == [("Senior Backend Engineer", "Tidewater Analytics", "2023-01", "2026-11"),
                             ("Software Engineer", "Lumen Freight", "2019-03", "2022-12")]
    assert "Kafka" in resume.positions[0].text and "MySQL" in resume.positions[1].text


def test_a_missed_heading_never_zeroes_a_cv() -> None:
    # the experience heading is not one the vocabulary knows, and it sits under the skills list
    resume = resume_of("""
Tomasz Wrona
SKILLS
Go, Kafka, PostgreSQL
Go (2019 – now)
MY STORY SO FAR IN THE INDUSTRY
Senior Go Developer, Brightline Logistics        Feb 2021 – Present
- Event pipeline on Kafka.
Backend Developer, Kestrel Pay                   Jun 2018 – Jan 2021
- Ledger services.
""")
    assert spans(resume) == [("Senior Go Developer", "Brightline Logistics", "2021-02", "2026-11"),
                             ("Backend Developer", "Kestrel Pay", "2018-06", "2021-01")]
    assert [w.split(":")[0] for w in resume.warnings] == ["no_experience_heading"]


def test_headings_with_extra_words_still_open_their_sections() -> None:
    resume = resume_of("""
Ana Sousa
WORK EXPERIENCE (7 YEARS, 2017 - 2024)
Platform Engineer, Orbital Mesh          03/2020 – 12/2024
Junior Developer, Orbital Mesh           07/2017 – 02/2020
EDUCATION — selected
BSc Computer Science, Universidade do Minho, 2013 – 2017
""")
    assert [(p[2], p[3]) for p in spans(resume)] == [("2020-03", "2024-12"), ("2017-07", "2020-02")]
    assert resume.warnings == ()


def test_dates_of_activities_clubs_and_projects_are_never_jobs() -> None:
    resume = resume_of("""
EXPERIENCE
Backend Engineer, Saltmarsh Labs          Apr 2020 – Present
- Payments in Go.
EXTRACURRICULAR ACTIVITIES
Chess Club of Leeds — Treasurer           Sep 2015 – Present
Memberships
Member, Guild of Rust Hackers             2018 – Present
Side Projects
Lead Developer, tinyqueue (open source)   Jan 2021 – Present
""")
    assert spans(resume) == [("Backend Engineer", "Saltmarsh Labs", "2020-04", "2026-11")]


def test_decorated_headings_keep_a_degree_out_of_the_jobs() -> None:
    resume = resume_of("""
~ Work ~
Software Engineer @ Harbour Grid          2021-05 – 2024-08
--- EDUCATION -----
MSc Software Engineering, Delft University of Technology, 2019 – 2021
== Skills ==
Go, Docker
""")
    assert spans(resume) == [("Software Engineer", "Harbour Grid", "2021-05", "2024-08")]
    assert [s.kind for s in resume.sections] == ["experience", "education", "skills"]


def test_lines_of_a_document_are_unchanged_by_parsing() -> None:
    document = Document("text", (Line("EXPERIENCE", 1), Line("Engineer, Acme  2020 – 2021", 2)))
    assert parse(document, AS_OF_MONTH).lines == document.lines
