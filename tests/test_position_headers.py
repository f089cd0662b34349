"""Position headers written in ways generated here: each test writes one convention over several
variants (bullets, leaders, separators) and checks the positions found, title, organisation and months."""

from __future__ import annotations

import pytest

from tests.test_positions import resume_of, spans


@pytest.mark.parametrize("bullet", [">>", "•", "*", "-", "+"])
@pytest.mark.parametrize("leader", [" ............ ", " …… ", "......."])
def test_a_bulleted_employer_line_with_dot_leaders_before_its_dates(bullet: str, leader: str) -> None:
    """'>> Volta Payments ........ Oct 2019 - Present', as a plain-text CV sets its date column."""
    resume = resume_of(f"""
Kwame Asante

EXPERIENCE

  {bullet} Volta Payments{leader}Oct 2019 - Present
     Senior Backend Engineer
     * Go, Kafka, Redis settlement pipeline

  {bullet} Gold Coast Telecom{leader}Feb 2015 - Sep 2019
     Software Engineer
     * MySQL billing
""")
    assert spans(resume) == [("Senior Backend Engineer", "Volta Payments", "2019-10", "2026-11"),
                             ("Software Engineer", "Gold Coast Telecom", "2015-02", "2019-09")]


def test_dot_leaders_in_a_sentence_do_not_make_its_dates_a_job() -> None:
    resume = resume_of("""
EXPERIENCE

Backend Engineer, Acme Ltd, Jan 2018 – Present
• Cut the p99 latency ... over the quarter Jan 2020 – Mar 2020 by caching more.
""")
    assert spans(resume) == [("Backend Engineer", "Acme Ltd", "2018-01", "2026-11")]


@pytest.mark.parametrize(("start", "end", "current"), [
    ("2021-02", "present", "2017-05"), ("02/2021", "Present", "05/2017"), ("Feb 2021", "now", "May 2017")])
def test_start_and_end_in_from_and_to_columns_of_a_table(start: str, end: str, current: str) -> None:
    """A job table with separate 'From' and 'To' columns: the two cells are one range."""
    last = {"2017-05": "2021-01", "05/2017": "01/2021", "May 2017": "Jan 2021"}[current]
    resume = resume_of(f"""
# Lucas Moreau

## Work history

| From | To | Company | Role | Stack |
|---|---|---|---|---|
| {start} | {end} | Garonne Pay | Senior Backend Engineer | Go, Kafka |
| {current} | {last} | Loire Commerce | Backend Developer | MySQL |
""", markdown=True)
    assert spans(resume) == [("Senior Backend Engineer", "Garonne Pay", "2021-02", "2026-11"),
                             ("Backend Developer", "Loire Commerce", "2017-05", "2021-01")]
