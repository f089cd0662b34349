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


@pytest.mark.parametrize(("sentence", "start", "end"), [
    ("Working as Senior Software Engineer in Tata Fintech Services Ltd, Hyderabad from Jul 2014 to till date.",
     "2014-07", "2026-11"),
    ("Currently working as a Senior Software Engineer at Tata Fintech Services Ltd since March 2019.",
     "2019-03", "2026-11"),
    ("Worked as Senior Software Engineer with Tata Fintech Services Ltd from 01/2012 to 06/2016.",
     "2012-01", "2016-06"),
])
def test_a_job_told_in_a_sentence_that_closes_with_its_dates(sentence: str, start: str, end: str) -> None:
    resume = resume_of(f"""
PROFESSIONAL SUMMARY
Having 12 years of experience in backend systems.

WORK EXPERIENCE
{sentence}
""")
    assert spans(resume) == [("Senior Software Engineer", "Tata Fintech Services Ltd", start, end)]


_CLIENT_PROJECTS = """
WORK EXPERIENCE
Working as Senior Software Engineer in Tata Fintech Services Ltd, Hyderabad from Jul 2014 to till date.

PROJECTS
Project: Payment Gateway Modernisation
{client}
Duration: {first}
Environment: Go, Kafka
Role: Senior Software Engineer

Project: Loan Origination System
{client}
Duration: {second}
Environment: Java, MySQL
"""


def _skill_months(text: str, loaded_rules) -> dict[str, int]:
    from screener.experience import RoleClassifier, measure, vocabulary_for
    from screener.skills import SkillFinder

    vocab = vocabulary_for(loaded_rules.rules)
    resume = resume_of(text)
    exp = measure(resume, loaded_rules.rules, SkillFinder(loaded_rules.rules),
                  RoleClassifier(loaded_rules.rules.roles, vocab))
    return {"total": exp.total_months, **{s: exp.skills[s].dated_months for s in ("go", "kafka", "mysql")}}


@pytest.mark.parametrize("client", ["Client: HDFC Bank", "Customer: Pan-India NBFC", "End client: Axis Retail"])
@pytest.mark.parametrize(("first", "second", "go", "mysql"), [
    ("Jan 2020 – till date", "Jul 2014 – Dec 2019", 83, 66),
    ("03/2022 – 10/2024", "08/2016 – 02/2022", 32, 67),
])
def test_client_projects_within_a_job_count_their_stack_for_their_own_months(
        loaded_rules, client: str, first: str, second: str, go: int, mysql: int) -> None:
    """A consultancy CV: one employer in a sentence, then projects each for a client within its span."""
    months = _skill_months(_CLIENT_PROJECTS.format(client=client, first=first, second=second), loaded_rules)
    assert months == {"total": 149, "go": go, "kafka": go, "mysql": mysql}


@pytest.mark.parametrize(("client", "first"), [
    ("", "Jan 2020 – till date"),  # no client: a project of one's own
    ("Client: HDFC Bank", "Jan 2012 – Dec 2013"),  # before the job: not work of it
])
def test_projects_without_a_client_or_outside_every_job_are_never_experience(loaded_rules, client: str,
                                                                             first: str) -> None:
    months = _skill_months(_CLIENT_PROJECTS.format(client=client, first=first, second="Jan 2011 – Jun 2012"),
                           loaded_rules)
    assert months == {"total": 149, "go": 0, "kafka": 0, "mysql": 0}


@pytest.mark.parametrize("place", ["Berlin", "Hamburg, DE", "São Paulo"])
@pytest.mark.parametrize("company", ["KiezPay GmbH", "Wisła Pay S.A.", "Maaskade Betalingen B.V.", "Orca Freight Ltd"])
def test_a_place_beside_the_dates_is_not_the_employer_a_legal_form_names(place: str, company: str) -> None:
    """'Senior Backend Engineer<TAB>Berlin, 03/2019 – heute' over 'KiezPay GmbH': the place sits with the dates."""
    resume = resume_of(f"""
BERUFSERFAHRUNG

Senior Backend Engineer\t{place}, 03/2019 – heute
{company}
Zahlungsdienste in Go, Kafka und Redis.
""")
    assert spans(resume) == [("Senior Backend Engineer", company, "2019-03", "2026-11")]


@pytest.mark.parametrize("at", [" -- ", " bij ", " bei ", " chez ", " at "])
def test_title_and_employer_joined_by_a_double_hyphen_or_the_word_for_at(at: str) -> None:
    resume = resume_of(f"""
EXPERIENCE

Senior Engineer{at}Tidewater Pay            Apr '21 - now
  Go, Kafka and Redis for card authorisation.
""")
    assert spans(resume) == [("Senior Engineer", "Tidewater Pay", "2021-04", "2026-11")]


def test_a_legal_form_alone_after_a_comma_is_part_of_the_name_not_the_employer() -> None:
    resume = resume_of("""
EXPERIENCE

Software Architect, Omnious Co., Ltd.        Jan 2020 – Present
""")
    assert [p.organisation for p in resume.positions] == ["Omnious Co."]


@pytest.mark.parametrize("connector", ["|", "│", "↓", "⋮"])
def test_a_vertical_timeline_s_start_connector_and_end_are_one_range(connector: str) -> None:
    """A narrow timeline column: the start, a connector line, then the end, each beside a line of the entry."""
    resume = resume_of(f"""
Experience
06/2020\tSenior Backend Engineer
{connector}\tPetra Payments
now\tGo, Kafka and Redis for wallets.
01/2016\tBackend Developer
{connector}\tWadi Rum Soft
05/2020\tMySQL and Docker.
""")
    assert spans(resume) == [("Senior Backend Engineer", "Petra Payments", "2020-06", "2026-11"),
                             ("Backend Developer", "Wadi Rum Soft", "2016-01", "2020-05")]


@pytest.mark.parametrize(("company", "role", "dates"), [("🏢", "💼", "📅"), ("🏦", "👩‍💻", "🗓️"), ("⚙️", "★", "☎")])
def test_emoji_that_mark_the_parts_of_a_job_line_are_decoration(company: str, role: str, dates: str) -> None:
    resume = resume_of(f"""
## 💼 Experience

- {company} **Lagoon Exchange** · {role} Senior Backend Engineer · {dates} Mar 2021 – now
  - 🛠️ Go, Kafka, Redis
- {company} **Dolomiti Labs** · {role} Backend Engineer · {dates} Jul 2016 – Feb 2021
""", markdown=True)
    assert spans(resume) == [("Senior Backend Engineer", "Lagoon Exchange", "2021-03", "2026-11"),
                             ("Backend Engineer", "Dolomiti Labs", "2016-07", "2021-02")]


@pytest.mark.parametrize("dates", [("October 2020 – present", "March 2016 – September 2020"),
                                   ("10/2020 – now", "03/2016 – 09/2020"),
                                   ("(Oct 2020 – present)", "(Mar 2016 – Sep 2020)")])
@pytest.mark.parametrize("details", [["Go, Kafka and Redis for card payments."],
                                     ["• Go services on Kafka.", "• Redis for idempotency."]])
def test_entries_that_end_with_their_dates_keep_their_own_details(dates: tuple[str, str], details: list[str]) -> None:
    """'Title — Company' / details / dates: the details above a range are its entry's, not the one before."""
    current, earlier = dates
    text = "\n".join(["Experience", "Senior Backend Engineer — Skagerrak Pay", *details, current,
                      "Backend Developer — Oslofjord Data", "• MySQL and Docker.", earlier])
    resume = resume_of(text)
    assert spans(resume) == [("Senior Backend Engineer", "Skagerrak Pay", "2020-10", "2026-11"),
                             ("Backend Developer", "Oslofjord Data", "2016-03", "2020-09")]
    assert [line.text for line in resume.positions[0].lines][1:-1] == details


def test_dates_right_under_their_header_still_open_their_entry() -> None:
    resume = resume_of("""
Experience
Senior Backend Engineer — Skagerrak Pay
October 2020 – present
Led the payments platform as its engineer.
Backend Developer — Oslofjord Data
March 2016 – September 2020
MySQL and Docker.
""")
    assert [[line.text for line in p.lines] for p in resume.positions] == [
        ["Senior Backend Engineer — Skagerrak Pay", "October 2020 – present",
         "Led the payments platform as its engineer."],
        ["Backend Developer — Oslofjord Data", "March 2016 – September 2020", "MySQL and Docker."]]


@pytest.mark.parametrize("heading", ["Military Service ..............", "MILITARY SERVICE", "Wehrdienst", "병역사항",
                                     "Askerlik Durumu", "== National Service =="])
def test_military_service_after_the_jobs_is_not_a_job(heading: str) -> None:
    resume = resume_of(f"""
Experience
2017.03 – 2020.08 | Hangang Soft | Backend Engineer
    - MySQL, Docker

{heading}
2014.01 – 2015.10 | Republic of Korea Army | Sergeant (mandatory service)
""")
    assert spans(resume) == [("Backend Engineer", "Hangang Soft", "2017-03", "2020-08")]


@pytest.mark.parametrize("company", ["Orca Freight Pvt. Ltd.", "Kestrel Corp. International", "Warner Bros. Games",
                                     "Acme Inc. Europe"])
def test_an_abbreviation_inside_a_company_name_does_not_cut_it(company: str) -> None:
    resume = resume_of(f"""
Work Experience
Backend Lead, {company}
Mar 2021 till now  |  Duration: 5 yrs 8 mos
Go, Kafka
""")
    assert spans(resume) == [("Backend Lead", company, "2021-03", "2026-11")]


@pytest.mark.parametrize(("start", "end"), [("Start", "End"), ("Start date", "End date"), ("From", "Until")])
def test_a_plain_text_table_with_start_and_end_columns(start: str, end: str) -> None:
    """Columns set by spaces, the stack on a line of its own under each row: it stays with its row."""
    resume = resume_of(f"""
EMPLOYMENT

{start:<10} {end:<10} Employer               Role
2020-09    present    Fyn Payments           Senior Backend Engineer
                                             Go, Kafka, Redis
2016-02    2020-08    Odense Data            Backend Developer
                                             MySQL, Docker
""")
    assert spans(resume) == [("Senior Backend Engineer", "Fyn Payments", "2020-09", "2026-11"),
                             ("Backend Developer", "Odense Data", "2016-02", "2020-08")]
    assert "Go, Kafka, Redis" in resume.positions[0].lines[-1].text
