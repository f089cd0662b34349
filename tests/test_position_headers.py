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


@pytest.mark.parametrize(("title", "organisation", "current", "earlier"), [
    ("Engenheira de Software Sênior", "Paulista Pagamentos S.A.", "fev/2019 – atual", "ago/2014 – jan/2019"),
    ("Desarrolladora Backend", "Turia Pagos S.L.", "feb. 2019 – actualidad", "ago. 2014 – ene. 2019"),
    ("Senior Backend Engineer", "Northwind Ltd", "Feb 2019 – Present", "Aug 2014 – Jan 2019"),
])
def test_a_header_its_dates_and_its_details_run_into_one_paragraph(title: str, organisation: str, current: str,
                                                                   earlier: str) -> None:
    """A lost line break (a Markdown paragraph, a pasted CV): 'Title — Company dates Details.' is a job."""
    resume = resume_of(f"""
EXPERIENCE

{title} — {organisation} {current} Go, Kafka and Redis on the payments platform.

Backend Developer — Carioca Sistemas {earlier} MySQL and Docker.

EDUCATION
BSc Computer Science — USP, 2010 – 2014
""")
    assert spans(resume) == [(title, organisation, "2019-02", "2026-11"),
                             ("Backend Developer", "Carioca Sistemas", "2014-08", "2019-01")]


def test_a_detail_sentence_with_a_role_and_dates_inside_a_job_is_no_job() -> None:
    resume = resume_of("""
EXPERIENCE

Backend Engineer — Acme Ltd, Jan 2018 – Present
Led the move to Go as tech lead 2019 – 2020 for the payments team.
Moved the ledger to Kafka — with the Platform Lead 2021 – 2022 while on call.
""")
    assert spans(resume) == [("Backend Engineer", "Acme Ltd", "2018-01", "2026-11")]
