"""Section headings: the wordings CVs use, and job titles that only look like headings."""

from __future__ import annotations

import pytest

from screener.model import Line
from screener.parse.sections import heading_kind, split_sections


@pytest.mark.parametrize(("text", "heading", "kind"), [
    ("Work Experience", False, "experience"),
    ("EMPLOYMENT HISTORY", False, "experience"),
    ("2. EMPLOYMENT HISTORY", False, "experience"),
    ("Where I've Worked", True, "experience"),
    ("Professional Experience and Leadership", True, "experience"),
    ("Academic Record", True, "education"),
    ("Tech Stack", False, "skills"),
    ("Toolbox:", False, "skills"),
    ("Side projects", False, "projects"),
    ("About me", False, "summary"),
    ("Professional Journey", True, "experience"),
    ("LICENSES & CERTIFICATIONS", False, "credentials"),
    ("Volunteer", True, "credentials"),
    ("Volunteer Work Experience", True, "credentials"),
])
def test_headings(text: str, heading: bool, kind: str) -> None:
    assert heading_kind(Line(text, 1, heading=heading)) == kind


@pytest.mark.parametrize("text", [
    "FACEBOOK | SOFTWARE ENGINEER",
    "Senior Full-Stack Developer",
    "Project Management Simulation Training",
    "Senior Backend Engineer",
    "Built the skills matrix for the team.",
])
def test_job_titles_and_sentences_are_not_headings(text: str) -> None:
    assert heading_kind(Line(text, 1, heading=True)) is None


def test_a_heading_in_a_left_label_column_opens_its_section() -> None:
    lines = (Line("Jane Doe", 1), Line("EXPERIENCE\tAcme, Engineer\t2022 – Present", 2), Line("Go services", 3))
    sections = split_sections(lines)
    assert [(s.kind, s.heading) for s in sections] == [("preamble", ""), ("experience", "EXPERIENCE")]
    assert [line.text for line in sections[1].lines] == ["Acme, Engineer\t2022 – Present", "Go services"]
