"""Positions, interval union and years per skill on small CVs written here."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from screener.experience import RoleClassifier, measure, months_of, vocabulary_for
from screener.model import DateRange, Document, Line, Position, month_label
from screener.parse import parse
from screener.skills import SkillFinder
from tests.conftest import AS_OF

AS_OF_MONTH = AS_OF.year * 12 + AS_OF.month - 1


def doc(text: str) -> Document:
    rows = [t for t in text.strip().splitlines() if t.strip()]
    return Document("text", tuple(Line(t, i + 1) for i, t in enumerate(rows)))


def experience_of(text: str, rules):
    vocab = vocabulary_for(rules.rules)
    resume = parse(doc(text), AS_OF_MONTH, vocab)
    return resume, measure(resume, rules.rules, SkillFinder(rules.rules), RoleClassifier(rules.rules.roles, vocab))


def position(start: int, end: int) -> Position:
    return Position("Engineer", "X", DateRange(start, end, ""), (), "Experience")


@given(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 60)), max_size=8))
def test_union_never_double_counts(ranges: list[tuple[int, int]]) -> None:
    positions = [position(s, s + length) for s, length in ranges]
    union = months_of(positions)
    assert len(union) <= sum(p.dates.months for p in positions)
    assert len(union) >= max((p.dates.months for p in positions), default=0)
    assert all(any(p.dates.start <= m <= p.dates.end for p in positions) for m in union)


OVERLAP = """
EXPERIENCE
Lead Backend Engineer                      2022/06 – current
Naira Rails · Lagos
  - Card services in Go; Kafka with idempotent consumers.
Backend Consultant (part-time)             2021/09 – 2023/03
Lekki Ledger Labs · Remote
  - Reconciliation engine in Go on MySQL.
EDUCATION
BEng Electrical Engineering, University of Lagos, 2010/10 – 2015/08
SKILLS
Languages: Go, PHP, Rust
"""


def test_overlapping_jobs_are_merged(loaded_rules) -> None:
    resume, exp = experience_of(OVERLAP, loaded_rules)
    assert [(p.title, p.organisation) for p in resume.positions] == [
        ("Lead Backend Engineer", "Naira Rails"), ("Backend Consultant (part-time)", "Lekki Ledger Labs")]
    assert exp.skills["go"].dated_months == len(range(2021 * 12 + 8, 2026 * 12 + 11))  # 2021-09 … 2026-11
    assert exp.skills["kafka"].years == round(54 / 12, 2)
    assert exp.skills["go"].last_used == month_label(AS_OF_MONTH)


def test_skills_listed_but_never_used_are_mentioned_with_zero_years(loaded_rules) -> None:
    _, exp = experience_of(OVERLAP, loaded_rules)
    assert exp.skills["php"].mentioned and exp.skills["php"].years == 0
    assert exp.skills["rust"].mentioned and exp.skills["rust"].basis == "none"
    assert not exp.skills["laravel"].mentioned


def test_education_dates_never_count(loaded_rules) -> None:
    _, exp = experience_of(OVERLAP, loaded_rules)
    assert exp.total_months == len(range(2021 * 12 + 8, AS_OF_MONTH + 1))


CLAIM_ONLY = """
SUMMARY
Backend engineer with 5+ years of Go.
EXPERIENCE
Software Engineer, Acme — Jan 2020 – Dec 2022
  - Services in Java on MySQL.
"""


def test_a_claim_stands_in_only_without_dated_use(loaded_rules) -> None:
    _, exp = experience_of(CLAIM_ONLY, loaded_rules)
    go = exp.skills["go"]
    assert (go.years, go.basis, go.dated_months) == (5.0, "claim", 0)
    assert any("claim used" in e.source for e in go.evidence)


SABBATICAL = """
Experience
Backend Engineer — Absheron Tickets
02/2024 – 05/2026
* Booking APIs in Go.
Sabbatical (travel and a course)
03/2023 – 01/2024
Site Reliability Engineer — Cloud Co
09/2018 – 02/2023
* Kubernetes operators in Go.
"""


def test_breaks_are_not_positions_and_sre_is_not_backend(loaded_rules) -> None:
    _, exp = experience_of(SABBATICAL, loaded_rules)
    assert [p.title for p in exp.positions] == ["Backend Engineer", "Site Reliability Engineer"]
    assert exp.backend_months == 28
    assert exp.total_months == 28 + 54
    assert exp.skills["go"].dated_months == 28 + 54


TECH_LINE_LAST = """
EXPERIENCE
Senior Engineer, Acme\tJan 2022 – Present
Built the payment services.
Stack: Go · Kafka · Redis
Backend Developer, Globex\tJan 2018 – Dec 2021
Built the shipping services.
Stack: PHP · MySQL
"""


def test_a_short_last_line_stays_with_its_own_position(loaded_rules) -> None:
    """The first position shows that headers have no line above the dates, so 'Stack: Go · …' at the
    end of a position is not taken for the next position's title."""
    _, exp = experience_of(TECH_LINE_LAST, loaded_rules)
    assert exp.skills["go"].dated_months == len(range(2022 * 12, AS_OF_MONTH + 1))
    assert exp.skills["php"].dated_months == 48


def test_a_claim_within_a_year_of_no_dated_use_agrees_with_it(loaded_rules) -> None:
    _, exp = experience_of(CLAIM_ONLY.replace("5+ years of Go", "Go (1 yr)"), loaded_rules)
    go = exp.skills["go"]
    assert (go.years, go.basis, go.mentioned) == (0.0, "none", True)
    assert any("agrees" in e.source for e in go.evidence)


DETAILS_IN_BULLETS = """
Experience
Senior Engineer, Acme — Jan 2020 – till date
  - On call for the MySQL and Redis fleet since 2023
  - Ran the yearly load tests (2021 - 2022) for a PHP payroll product
Career pause (relocation)
06/2018 – 12/2019
Member of Technical Staff, Globex\t04/2015 onwards
"""


def test_ranges_inside_bullets_and_breaks_are_not_positions(loaded_rules) -> None:
    resume, exp = experience_of(DETAILS_IN_BULLETS.replace("\t04/2015 onwards", "\t04/2015 – 05/2018"),
                                loaded_rules)
    assert [p.title for p in exp.positions] == ["Senior Engineer", "Member of Technical Staff"]
    assert exp.skills["redis"].dated_months == len(range(2020 * 12, AS_OF_MONTH + 1))
    assert exp.skills["php"].dated_months == exp.skills["redis"].dated_months
    assert exp.backend_months == exp.total_months  # 'Member of Technical Staff' is a technical title


UNKNOWN_EDUCATION_HEADING = """
== Work ==
2.1 Senior Go Developer / Technical Lead for Settlement, Reconciliation and Regulatory Reporting at Nemunas Bank
04/2020 - now
   o Go services; MySQL for settlement.
== Learning ==
BSc Informatics, Universitas Gadjah Mada, 8/2013-11/2017
"""


def test_a_degree_is_not_a_job_and_a_long_title_still_counts(loaded_rules) -> None:
    _, exp = experience_of(UNKNOWN_EDUCATION_HEADING, loaded_rules)
    assert [p.dates.text for p in exp.positions] == ["04/2020 - now"]
    assert exp.backend_months == exp.total_months == len(range(2020 * 12 + 3, AS_OF_MONTH + 1))


CREDENTIALS_AND_DATED_BULLETS = """
EXPERIENCE
Senior Backend Engineer, Padma Mobile Money    Feb 2022 – Present
  • 2022 – 2023: led the migration of the wallet ledger.
  • Go services on MySQL and Redis, Kafka for events.
LICENSES & CERTIFICATIONS
Docker Certified Associate, Mirantis    Mar 2021 – Mar 2023
VOLUNTEER
Instructor, Addis Coding Club    Mar 2016 – Dec 2019
  • Taught an evening Go course.
"""


def test_certifications_volunteering_and_dated_bullets_are_not_jobs(loaded_rules) -> None:
    _, exp = experience_of(CREDENTIALS_AND_DATED_BULLETS, loaded_rules)
    assert [p.title for p in exp.positions] == ["Senior Backend Engineer"]
    months = len(range(2022 * 12 + 1, AS_OF_MONTH + 1))
    assert exp.total_months == exp.skills["kafka"].dated_months == exp.skills["go"].dated_months == months
    assert exp.skills["docker"].mentioned and exp.skills["docker"].years == 0


TABLE_ROWS = """
Experience
Period\tRole\tCompany\tHighlights
07/2021 – Present\tSenior Backend Engineer\tTeranga Money, Dakar\tWallet APIs in Go on MySQL
04/2018 – 06/2021\tBackend Developer\tSaloum Microcredit, Kaolack\tLoans in Go and MySQL
01/2016 – 03/2018\tWeb Developer\tGorée Digital, Dakar\tPHP portals on MySQL
"""


def test_each_table_row_is_a_position_with_its_own_cells(loaded_rules) -> None:
    _, exp = experience_of(TABLE_ROWS, loaded_rules)
    assert [(p.title, p.organisation, p.dates.text) for p in exp.positions] == [
        ("Senior Backend Engineer", "Teranga Money", "07/2021 – Present"),
        ("Backend Developer", "Saloum Microcredit", "04/2018 – 06/2021"),
        ("Web Developer", "Gorée Digital", "01/2016 – 03/2018")]
    assert exp.skills["php"].dated_months == 27


EMPLOYER_OVER_ROLES = """
Experience
Grachten Payments B.V., Amsterdam — Sep 2017 – Present
    Staff Engineer | Apr 2023 – Present
      - Payment routing in Go.
    Backend Developer | Sep 2017 – Mar 2023
      - Laravel/PHP back office.
"""


def test_an_employer_line_over_its_roles_names_them_and_is_not_a_job(loaded_rules) -> None:
    _, exp = experience_of(EMPLOYER_OVER_ROLES, loaded_rules)
    assert [(p.title, p.organisation) for p in exp.positions] == [
        ("Staff Engineer", "Grachten Payments B.V."), ("Backend Developer", "Grachten Payments B.V.")]
    assert exp.skills["go"].dated_months == len(range(2023 * 12 + 3, AS_OF_MONTH + 1))


PLACE_BESIDE_TITLE = """
Experience
Research Intern\tSanta Clara, CA
NVIDIA Research\tMay 2022 – Aug 2022
- Kernels in CUDA.
"""


def test_a_place_in_the_right_hand_column_is_not_the_organisation(loaded_rules) -> None:
    _, exp = experience_of(PLACE_BESIDE_TITLE, loaded_rules)
    assert [(p.title, p.organisation) for p in exp.positions] == [("Research Intern", "NVIDIA Research")]


def test_a_platform_title_is_backend_only_when_it_names_backend_work(loaded_rules) -> None:
    text = ("Experience\nPlatform Engineer (APIs), Acme — Jan 2020 – Dec 2021\n"
            "Platform Engineer, Globex — Jan 2018 – Dec 2019\n")
    _, exp = experience_of(text, loaded_rules)
    assert exp.backend_months == 24 and exp.total_months == 48


def role(title: str, text: str = "", organisation: str = "Acme") -> Position:
    lines = tuple(Line(t, n) for n, t in enumerate([title, *text.splitlines()], start=1))
    return Position(title, organisation, DateRange(0, 11, ""), lines, "Experience")


def test_a_title_qualifier_decides_backendness(loaded_rules) -> None:
    classify = RoleClassifier(loaded_rules.rules.roles, vocabulary_for(loaded_rules.rules))
    assert not classify.is_backend(role("Software Engineer (Front-End)"))
    assert not classify.is_backend(role("Software Engineer, Infrastructure"))
    assert classify.is_backend(role("Squad Lead (leads backend engineers)"))
    assert classify.is_backend(role("Developer (Golang/Rust)"))
    assert not classify.is_backend(role("Machine Learning Engineer", "Trained ranking models."))


def test_where_the_title_is_not_decisive_the_position_text_decides(loaded_rules) -> None:
    classify = RoleClassifier(loaded_rules.rules.roles, vocabulary_for(loaded_rules.rules))
    assert classify.is_backend(role("Owner / CTO", "Wrote the order API in Go."))
    assert classify.is_backend(role("Gameplay Programmer", "Game server engineering: matchmaking, lobbies."))
    assert not classify.is_backend(role("Owner", "Ran the bakery's shop floor."))


def test_job_title_words_from_the_rules_keep_jobs_at_schools_and_academies(loaded_rules) -> None:
    classify = RoleClassifier(loaded_rules.rules.roles, vocabulary_for(loaded_rules.rules))
    assert classify.is_position(role("Apprentice", organisation="Siemens Academy"))
    assert classify.is_position(role("SWE", organisation="Google School of AI"))
    assert not classify.is_position(role("BSc Informatics", organisation="Riverside University"))


def test_an_internship_is_backend_only_where_it_names_backend_work(loaded_rules) -> None:
    classify = RoleClassifier(loaded_rules.rules.roles, vocabulary_for(loaded_rules.rules))
    assert not classify.is_backend(role("Software Engineering Intern", "Captions editor in JavaScript and Python."))
    assert not classify.is_backend(role("Data Engineering Intern", "Scraped articles and tagged them with KNN."))
    assert classify.is_backend(role("Full Stack Developer Intern", "Django backend development; REST APIs."))
    assert classify.is_backend(role("Backend Engineer Intern"))  # the title's own words name it
    assert not classify.is_backend(role("Frontend Intern", "Called the booking API from React."))


def test_a_title_that_is_not_technical_is_backend_when_its_text_names_more_backend_than_other_work(
        loaded_rules) -> None:
    classify = RoleClassifier(loaded_rules.rules.roles, vocabulary_for(loaded_rules.rules))
    cto = "Built model infrastructure serving 2M API requests a month.\nRaised a Series A."
    assert not classify.is_backend(role("Co-Founder & CTO", cto))
    assert not classify.is_backend(role("IT Consultant for Notes Domino", "Ran projects in XPages; wrote reports."))
    assert classify.is_backend(role("Co-Founder & CTO", "Wrote the booking API and its Kafka consumers in Go."))
    assert classify.is_backend(role("Freelance Developer", "Shop websites."))  # 'Developer' is a technical title


def test_roles_listed_together_under_one_employer_share_its_details(loaded_rules) -> None:
    resume, exp = experience_of("""
Experience
HALCYON MUTUAL — Porto
Developer (Jan 2016 – Dec 2017)
Lead Developer (Jan 2018 – Dec 2019)
Claims engine in Go; Kafka for events.
Orla Studio
Designer
Jan 2020 – Dec 2020
Brand work.
Illustrator
Jan 2021 – Dec 2021
Posters printed in Redis Red.
""", loaded_rules)
    assert exp.skills["go"].years == 4.0 and exp.skills["kafka"].years == 4.0
    # a role over two lines (title, then dates) is a role of its own: it never takes the next one's details
    assert exp.skills["redis"].years == 1.0
    assert resume.positions[0].organisation == "HALCYON MUTUAL"


def test_a_career_break_in_another_language_is_no_job(loaded_rules) -> None:
    _, exp = experience_of("""
Berufserfahrung
03.2019 – 02.2020   Backend Engineer, Stadtwerk Digital GmbH
04.2018 – 02.2019   Elternzeit
04.2017 – 03.2018   Congé parental
""", loaded_rules)
    assert exp.total_months == 12
