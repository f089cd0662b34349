"""Positions in layouts real CVs use: written here, fictional, one mechanism each."""

from __future__ import annotations

import pytest

from screener.extract.text import extract_text
from screener.model import Document, Line
from screener.parse import parse
from tests.conftest import AS_OF, REPO

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


def test_decorated_headings_with_words_in_brackets_or_another_language_still_close_the_jobs() -> None:
    resume = resume_of("""
Noor Haddad
== Experience (selected) ==
Backend Engineer, Saffron Rail          2019-03 – 2024-10
- Go services for ticketing.
—— Education (abridged) ——
MSc Distributed Systems, University of Leeds, 2017 – 2019
~~ Kenntnisse ~~
Kafka, Redis
""")
    assert spans(resume) == [("Backend Engineer", "Saffron Rail", "2019-03", "2024-10")]
    assert [s.kind for s in resume.sections] == ["preamble", "experience", "education", "skills"]
    assert "Kafka" not in resume.positions[0].text and resume.warnings == ()


def test_lines_of_a_document_are_unchanged_by_parsing() -> None:
    document = Document("text", (Line("EXPERIENCE", 1), Line("Engineer, Acme  2020 – 2021", 2)))
    assert parse(document, AS_OF_MONTH).lines == document.lines


LINKEDIN = """
Experience
Quillfeather
5 years 11 months
Senior Backend Engineer
January 2022 - Present (4 years 11 months)
Berlin, Germany
Ledger services in Go and Kafka.
Backend Engineer
January 2021 - December 2021 (1 year)
Berlin, Germany
Redis caches for the ledger.
Moss & Vale
Software Developer
March 2017 - December 2020 (3 years 10 months)
Munich, Bavaria
Built PHP and MySQL shop backends.
Education
Technical University of Munich
Master of Science - MS, Computer Science · (2014 - 2016)
"""


def test_linkedin_layout_roles_under_a_company_total_are_the_positions() -> None:
    resume = resume_of(LINKEDIN)
    assert spans(resume) == [("Senior Backend Engineer", "Quillfeather", "2022-01", "2026-11"),
                             ("Backend Engineer", "Quillfeather", "2021-01", "2021-12"),
                             ("Software Developer", "Moss & Vale", "2017-03", "2020-12")]
    assert "Redis" in resume.positions[1].text and "Redis" not in resume.positions[0].text


def test_an_employer_line_above_a_role_line_with_a_short_duration() -> None:
    resume = resume_of("""
EXPERIENCE
Kestrel Freight\tLisbon · Remote
Senior Go Developer\tAug 2023 — now (1y.)
- Routing engine in Go.
3M\tAustin
Software Engineer\tOct 2022 — Jul 2023 (10m.)
- Tooling.
""")
    assert spans(resume) == [("Senior Go Developer", "Kestrel Freight", "2023-08", "2026-11"),
                             ("Software Engineer", "3M", "2022-10", "2023-07")]


def test_per_job_stack_lines_belong_to_their_job_even_glued_to_the_next_employer(loaded_rules) -> None:
    from screener.experience import RoleClassifier, measure, vocabulary_for
    from screener.skills import SkillFinder

    text = """
Work Experience
Backend Engineer, Rookery Systems        Mar 2022 – Present
- Settlement services.
Tech stack:
Go, Kafka, Docker
Software Engineer, Heron Analytics       Jan 2019 – Feb 2022
- Reporting jobs.
Stack: PHP, MySQL\tPlatform Developer, Wren Labs\tJun 2017 – Dec 2018
- Release tooling.
Environment: Redis
Skills
Go, Kafka, PHP, MySQL, Redis
"""
    vocab = vocabulary_for(loaded_rules.rules)
    resume = parse(extract_text(text.strip().encode(), markdown=False), AS_OF_MONTH, vocab)
    assert [p.organisation for p in resume.positions] == ["Rookery Systems", "Heron Analytics", "Wren Labs"]
    exp = measure(resume, loaded_rules.rules, SkillFinder(loaded_rules.rules),
                  RoleClassifier(loaded_rules.rules.roles, vocab))
    assert exp.skills["kafka"].dated_months == len(range(2022 * 12 + 2, AS_OF_MONTH + 1))
    assert exp.skills["mysql"].dated_months == len(range(2019 * 12, 2022 * 12 + 2))  # Heron's own line
    assert exp.skills["redis"].dated_months == 19  # Wren Labs, Jun 2017 – Dec 2018


def test_a_rules_file_extends_the_headings_and_title_words(tmp_path) -> None:
    from screener.experience import vocabulary_for
    from screener.rules import load_rules

    text = (REPO / "rules" / "requirements.yaml").read_text()
    extra = "vocabulary:\n  headings:\n    experience: [Stations along the way]\n  job_titles: [Kapitän]\n"
    (tmp_path / "rules.yaml").write_text(text.replace("\nrequirements:", "\n" + extra + "\nrequirements:", 1))
    cv = "Ilse Brandt\nSTATIONS ALONG THE WAY\nKapitän, Nordlicht Reederei    2015 – 2020\n"
    document = extract_text(cv.encode(), markdown=False)
    shipped = parse(document, AS_OF_MONTH)  # the shipped words alone miss the heading and the title
    assert shipped.warnings[0].startswith("no_experience_heading") and shipped.positions[0].title != "Kapitän"
    vocab = vocabulary_for(load_rules(tmp_path / "rules.yaml").rules)
    resume = parse(document, AS_OF_MONTH, vocab)
    assert [(s.kind, s.heading) for s in resume.sections][-1] == ("experience", "STATIONS ALONG THE WAY")
    assert [p.title for p in resume.positions] == ["Kapitän"] and resume.warnings == ()


def test_dated_projects_inside_a_job_are_its_details_and_a_projects_section_is_never_experience(
        loaded_rules) -> None:
    from screener.experience import RoleClassifier, measure, vocabulary_for
    from screener.skills import SkillFinder

    text = """
EXPERIENCE
Backend Engineer, Larkspur Freight          Jan 2019 – Dec 2022
Projects:
Rate engine rewrite (Mar 2020 – Jan 2021)
- Kafka consumers for carrier quotes.
Customs gateway                              2021-06 – 2022-03
- MySQL schema for declarations.
Software Developer, Pebble Works            Feb 2016 – Dec 2018
- Internal tools.
PROJECTS
queuebench — Kafka load generator           2023 – Present
"""
    vocab = vocabulary_for(loaded_rules.rules)
    resume = parse(extract_text(text.strip().encode(), markdown=False), AS_OF_MONTH, vocab)
    assert [p.organisation for p in resume.positions] == ["Larkspur Freight", "Pebble Works"]
    exp = measure(resume, loaded_rules.rules, SkillFinder(loaded_rules.rules),
                  RoleClassifier(loaded_rules.rules.roles, vocab))
    assert exp.total_months == 48 + 35
    assert exp.skills["kafka"].dated_months == exp.skills["mysql"].dated_months == 48  # the job's months


def test_a_summary_table_of_periods_gets_the_details_of_each_role() -> None:
    resume = resume_of("""
## Experience

| Period | Role | Company |
|---|---|---|
| 2021 – Present | Backend Engineer | Harbor Pay |
| 2018 – 2021 | Software Engineer | Kite Labs |

### Backend Engineer, Harbor Pay
- Go and Kafka services.

### Software Engineer, Kite Labs
- MySQL tuning.

## Skills
Go
""", markdown=True)
    assert [(p.title, p.organisation) for p in resume.positions] == [
        ("Backend Engineer", "Harbor Pay"), ("Software Engineer", "Kite Labs")]
    assert "Kafka" in resume.positions[0].text and "Kafka" not in resume.positions[1].text
    assert "MySQL" in resume.positions[1].text and "MySQL" not in resume.positions[0].text


def test_title_and_organisation_swapped_trailing_comma_or_on_a_line_of_their_own() -> None:
    resume = resume_of("""
EXPERIENCE
Nimbus Labs — SENIOR BACKEND ENGINEER   2020 – 2023
- Go.
Backend Engineer, Quarry Tech,    2017 – 2020
- PHP.
Senior Developer    2014 – 2017
Delta Freight Ltd
- Java.
""")
    assert [(p.title, p.organisation) for p in resume.positions] == [
        ("SENIOR BACKEND ENGINEER", "Nimbus Labs"), ("Backend Engineer", "Quarry Tech"),
        ("Senior Developer", "Delta Freight Ltd")]


def test_a_title_in_capitals_after_its_company_is_found_when_written_as_one_compound_word() -> None:
    resume = resume_of("""
BERUFSERFAHRUNG
Nordlicht GmbH — SOFTWAREENTWICKLER   2020 – 2023
- Go.
Kestrel AB — SYSTEMUTVECKLARE   2017 – 2020
- PHP.
Brakwater BV — Backendontwikkelaar,   2014 – 2017
- Java.
""")
    assert [(p.title, p.organisation) for p in resume.positions] == [
        ("SOFTWAREENTWICKLER", "Nordlicht GmbH"), ("SYSTEMUTVECKLARE", "Kestrel AB"),
        ("Backendontwikkelaar", "Brakwater BV")]


def test_a_dated_line_among_the_details_of_entries_opened_by_their_dates_is_no_current_job() -> None:
    resume = resume_of("""
EXPERIENCE
2019 - 2021 - Marram Pay
Backend Engineer
Sep 2020 - Promoted to team lead
- Go services.
2016 - 2019 - Tern Telecom
Software Engineer
""")
    assert spans(resume) == [("Backend Engineer", "Marram Pay", "2019-07", "2021-06"),
                             ("Software Engineer", "Tern Telecom", "2016-07", "2019-06")]


def test_a_range_wrapped_onto_the_next_line_keeps_its_position() -> None:
    resume = resume_of("""
EXPERIENCE
Software Engineer — Acme, Liverpool   September 2016 – January
2020
- Built Go services.
""")
    assert spans(resume) == [("Software Engineer", "Acme", "2016-09", "2020-01")]


def test_a_stack_line_is_never_the_header_of_the_next_job() -> None:
    resume = resume_of("""
== Work history, in short ==
PHP Developer, Norkapol Software        May 2025 – Present
- Mentored two junior engineers.
Stack: Go, Kafka, MySQL
PHP Developer, Norkapol Software        Apr 2023 – Apr 2025
- Billing.
""")
    assert [p.dates.text for p in resume.positions] == ["May 2025 – Present", "Apr 2023 – Apr 2025"]
    assert "Stack: Go, Kafka, MySQL" in resume.positions[0].text.splitlines()
    assert "Kafka" not in resume.positions[1].text


def test_a_range_wrapped_out_of_the_right_hand_cell_of_its_title_line() -> None:
    """A PDF's right-hand date column wraps 'September 2016 – January' / '2020' under its title."""
    resume = resume_of(
        "Experience\n\n"
        "Data Platform Engineer — Quayside Freight, Hull\tSeptember 2016 – January\n"
        "2020\n"
        "- Moved the tariff engine to Go and Kafka.\n\n"
        "Backend Engineer — Orrel Pay, York\tFebruary 2020 – Present\n"
        "- Go and MySQL for settlement.\n")
    assert [(start, end) for _, _, start, end in spans(resume)] == [("2016-09", "2020-01"), ("2020-02", "2026-11")]


def test_a_range_a_narrow_date_column_broke_over_three_lines_is_one_job() -> None:
    # the date column left of each entry is too narrow for 'September 2019 – January 2021': it wraps
    # after the month and again after the dash, beside the entry's first lines
    resume = resume_of("EXPERIENCE\n"
                       "September\tPlatform Engineer, Quillmate, Oslo\n"
                       "2019 –\t• Ran the Go services.\n"
                       "January 2021\t• Kept Kafka healthy.\n"
                       "May 2016 –\tBackend Developer, Ferrovia, Turin\n"
                       "August\t• Built the PHP billing.\n"
                       "2019\t• Was on call.\n")
    assert [s[2:] for s in spans(resume)] == [("2019-09", "2021-01"), ("2016-05", "2019-08")]
    assert [s[0] for s in spans(resume)] == ["Platform Engineer", "Backend Developer"]


def test_a_range_a_date_column_broke_over_four_lines_is_one_job() -> None:
    # 'September 2023 – December 2025' takes four lines of the date column beside the entry
    resume = resume_of("EXPERIENCE\n"
                       "September\tData Engineer, Corvid Energy, Tromsø\n"
                       "2023 –\t• Streams meter readings through Kafka.\n"
                       "December\t• Keeps the Go services up.\n"
                       "2025\tTechnologies: Go, Kafka\n")
    assert spans(resume) == [("Data Engineer", "Corvid Energy", "2023-09", "2025-12")]


def test_a_heading_in_the_label_column_beside_a_dated_degree_opens_its_section() -> None:
    # the section headings sit in the left column, each beside its first entry and that entry's years
    resume = resume_of("Experience\tData Engineer, Corvid Energy, Tromsø\tSep 2023 – Dec 2025\n"
                       "• Streams meter readings through Kafka.\n"
                       "Education\tMSc Informatics, University of Bergen\t2019 – 2023\n")
    assert spans(resume) == [("Data Engineer", "Corvid Energy", "2023-09", "2025-12")]
    assert [s.kind for s in resume.sections] == ["experience", "education"]


@pytest.mark.parametrize("heading, entry", [
    ("ACTIVITÉS", "Membre, club d'échecs\t2022-11 - aujourd’hui"),
    ("Aktivitäten", "Mitglied, Schachklub\t11/2022 – heute"),
    ("Actividades", "Miembro, club de ajedrez\tnov. 2022 – actualidad"),
    ("Frivillig arbeid", "Kasserer, matsentralen\tnov 2022 – nå")])
def test_an_activities_section_in_another_language_holds_no_job(heading: str, entry: str) -> None:
    resume = resume_of(f"EXPERIENCE\nGo Developer, Alkekonge AS\t2019-03 – 2021-05\n- Wrote Go.\n{heading}\n{entry}\n")
    assert spans(resume) == [("Go Developer", "Alkekonge AS", "2019-03", "2021-05")]


def test_years_on_the_title_line_and_months_on_the_next_are_one_position() -> None:
    resume = resume_of("""
Oskar Lindqvist

Experience

Data Engineer at Halvard Shipping (2015 – 2018)
Nov 2015 – Apr 2018
- Loaded port schedules into MySQL.

Lead Engineer at Brisk Mobility (2018 – present)
May 2018 – Present
- Go services behind Kafka.
""")
    assert spans(resume) == [("Data Engineer", "Halvard Shipping", "2015-11", "2018-04"),
                             ("Lead Engineer", "Brisk Mobility", "2018-05", "2026-11")]
    assert "MySQL" in resume.positions[0].text


def test_a_job_told_in_a_sentence_that_opens_with_its_dates() -> None:
    resume = resume_of("""
Noor Haddad

Career

From 2017 to 2020 I worked at Saltmarsh Insurance as a backend developer, mostly on MySQL.
Since June 2020 I have worked for Kiln Robotics as a Staff Engineer, writing Go.
Since 2022 I have led the fleet team there, which runs on Kafka.
""")
    assert spans(resume) == [("backend developer", "Saltmarsh Insurance", "2017-07", "2020-06"),
                             ("Staff Engineer", "Kiln Robotics", "2020-06", "2026-11")]
    assert "Kafka" in resume.positions[1].text


def test_a_labelled_line_opening_with_its_dates_names_a_role_before_its_details() -> None:
    # no heading the vocabulary knows, and each line ends as a sentence
    resume = resume_of("""
Ines Carvalho

Things I have built

2015 – 2018: Support Engineer at Duna Telecom — scripts in Python.
Mar 2018 to date: Backend Developer at Farol Pay — Go and Kafka.
2019 – 2020: led the Kafka migration, as a side project.
""")
    assert spans(resume)[:2] == [("Support Engineer", "Duna Telecom", "2015-07", "2018-06"),
                                 ("Backend Developer", "Farol Pay", "2018-03", "2026-11")]
    assert len(resume.positions) == 2


def test_a_bullet_opening_with_its_dates_then_a_dot_and_a_lowercase_role() -> None:
    resume = resume_of("""
## Parcours

- **2020 – aujourd'hui** · Lead developer, Criquet SAS — Go, Kafka
- **2016 – 2020** · Software developer, Banque Rhône — MySQL
""", markdown=True)
    assert [(t, o) for t, o, _, _ in spans(resume)] == [("Lead developer", "Criquet SAS"),
                                                        ("Software developer", "Banque Rhône")]


def test_a_line_with_dates_then_a_comma_role_and_a_sentence_of_detail() -> None:
    resume = resume_of("""
Ruth Abara

POSTS HELD
Mar 2013 - May 2017, Junior developer, Okapi Media. Reports on MySQL.
Jun 2017 - present, Backend developer, Tern Finance. Go and Kafka.
""")
    assert spans(resume) == [("Junior developer", "Okapi Media", "2013-03", "2017-05"),
                             ("Backend developer", "Tern Finance", "2017-06", "2026-11")]


def test_a_date_cell_above_a_heading_keeps_its_job() -> None:
    """A label column of dates: the last job's line sits right above the next heading, which must not
    be read as a heading wrapped beside it (and take the job's dates with it)."""
    resume = resume_of("Work experience\n"
                       "2019 – 2021\tBackend Engineer, Acme Pay\n"
                       "Education\n"
                       "2014 – 2018\tBSc Computing, Uppsala University\n")
    assert spans(resume) == [("Backend Engineer", "Acme Pay", "2019-07", "2021-06")]
    assert [s.kind for s in resume.sections] == ["experience", "education"]


def test_entries_with_their_header_on_the_dates_line_never_take_a_detail_line_above() -> None:
    """The first entry holds its title on its dates' line: an entry whose words there are no job title
    ('Elternzeit', a break) does not take the previous job's detail line for its header."""
    resume = resume_of("""
BERUFLICHER WERDEGANG
03.2019 – heute     Lead Backend Engineer, Stadtwerk Digital GmbH
                    Plattform für Zählerdaten in Go
11.2016 – 02.2019   Backend-Entwicklerin, Rheinmedia AG
                    REST-APIs in Python, Datenbank MySQL
04.2016 – 10.2016   Elternzeit
""")
    assert [p.title for p in resume.positions] == ["Lead Backend Engineer", "Backend-Entwicklerin", "Elternzeit"]
    assert "Datenbank MySQL" in resume.positions[1].text
    assert "MySQL" not in resume.positions[2].text


def test_a_tables_column_headings_are_no_employer() -> None:
    resume = resume_of("""
PROFESSIONAL EXPERIENCE:

COMPANY / ROLE                                        PERIOD
Bolt-on Ride                                 Sep 2020 – present
Senior Backend Engineer
  Go microservices for dispatch
Skywire Telecom                              Mar 2017 – Aug 2020
Backend Developer
  Billing on MySQL
""")
    assert [s[:2] for s in spans(resume)] == [("Senior Backend Engineer", "Bolt-on Ride"),
                                              ("Backend Developer", "Skywire Telecom")]


def test_a_range_told_from_and_to_in_words_leaves_a_clean_title() -> None:
    resume = resume_of("""
Esperienza lavorativa
Da marzo 2019 a oggi — Senior Backend Developer, Fintech Milano S.p.A.
Sviluppo di microservizi in Go.
Von 08/2015 bis 02/2019 – Softwareentwickler, Nordbank IT AG
Java und MySQL.
""")
    assert spans(resume) == [("Senior Backend Developer", "Fintech Milano S.p.A.", "2019-03", "2026-11"),
                             ("Softwareentwickler", "Nordbank IT AG", "2015-08", "2019-02")]


def test_a_markdown_table_of_jobs_with_a_stack_column() -> None:
    """The table's heading row names a 'Stack' column: it opens no skills section."""
    resume = resume_of("""
## Work Experience

| Period | Company | Role | Stack |
|---|---|---|---|
| 2021-02 – present | Sika Pay | Senior Backend Engineer | Go, Kafka |
| 2017-06 – 2021-01 | Adinkra Soft | Backend Developer | MySQL |
""", markdown=True)
    assert [s.kind for s in resume.sections if s.lines] == ["experience"]
    assert spans(resume) == [("Senior Backend Engineer", "Sika Pay", "2021-02", "2026-11"),
                             ("Backend Developer", "Adinkra Soft", "2017-06", "2021-01")]
    assert "Kafka" in resume.positions[0].text


def test_a_job_written_as_form_fields() -> None:
    resume = resume_of("""
Employment Record

Employer: Hallstatt Bank AG
Position: Senior Developer
From: 03/2019   To: present
Duties: Core banking adapters in Go.

Employer: Alpenweb GmbH
Position: Web Developer
From: 09/2015   To: 02/2019
Duties: Shop backends on MySQL.
""")
    assert spans(resume) == [("Senior Developer", "Hallstatt Bank AG", "2019-03", "2026-11"),
                             ("Web Developer", "Alpenweb GmbH", "2015-09", "2019-02")]


@pytest.mark.parametrize("company", ["Trendpay A.Ş.", "Bilişim Ltd. Şti.", "Lusoweb Lda."])
def test_a_company_name_ending_in_an_abbreviation_is_no_sentence(company: str) -> None:
    resume = resume_of(f"""
İŞ DENEYİMİ
Yazılım Geliştirici, {company}
Mart 2020 – Devam ediyor
Go ile mikroservisler.
""")
    assert spans(resume) == [("Yazılım Geliştirici", company, "2020-03", "2026-11")]


def test_a_czech_work_history_with_dates_in_a_left_column() -> None:
    resume = resume_of("""
PRACOVNÍ ZKUŠENOSTI
03/2019 – dosud      Senior vývojář, Kiwi Pay s.r.o.
                     Mikroslužby v Go, Kafka
09/2015 – 02/2019    Programátor, Datasoft a.s.
                     MySQL

VZDĚLÁNÍ
2010 – 2015          ČVUT, Fakulta informačních technologií
""")
    assert spans(resume) == [("Senior vývojář", "Kiwi Pay s.r.o.", "2019-03", "2026-11"),
                             ("Programátor", "Datasoft a.s.", "2015-09", "2019-02")]


def test_a_short_duration_beside_the_dates_is_no_organisation() -> None:
    resume = resume_of("""
WORK
Orbital Pay — Staff Engineer                Mar 2019 – Now (7y 8m)
  Go, Kafka.
Telco Norte — Software Engineer             Jun 2015 – Feb 2019 (3y 9m)
  MySQL.
""")
    assert [s[:2] for s in spans(resume)] == [("Staff Engineer", "Orbital Pay"), ("Software Engineer", "Telco Norte")]


def test_roles_under_an_employer_heading_with_details_after_a_colon() -> None:
    resume = resume_of("""
## Experience

## Shopfront GmbH (2016–present)
- **Staff Engineer** (2021–present): Go, Kafka.
- **Senior Engineer** (2018–2021): Go, MySQL.
""", markdown=True)
    assert [s[:2] for s in spans(resume)] == [("Staff Engineer", "Shopfront GmbH"),
                                              ("Senior Engineer", "Shopfront GmbH")]


def test_numbered_jobs_told_from_a_date_to_another() -> None:
    resume = resume_of("""
EXPERIENCE
1) From March 2019 to present: Backend Engineer at Nimbus Pay (Hanoi). Go, Kafka, Redis.
2) From June 2016 to February 2019: Developer at VietSoft (Da Nang). MySQL and Docker.
3) 2015 – 2016: led the migration to MySQL.
""")
    assert spans(resume) == [("Backend Engineer", "Nimbus Pay (Hanoi)", "2019-03", "2026-11"),
                             ("Developer", "VietSoft (Da Nang)", "2016-06", "2019-02")]


def test_a_company_after_a_round_bullet_with_its_dates_in_brackets() -> None:
    resume = resume_of("""
Experience ▸

● Cartel Mobility (03/2019 – present)
  Senior Backend Engineer
  – Go services; Kafka.
""")
    assert spans(resume) == [("Senior Backend Engineer", "Cartel Mobility", "2019-03", "2026-11")]


def test_a_one_line_job_with_words_after_its_dates_and_a_labelled_current_job() -> None:
    """Text on both sides of a range is no table row unless the line has cells: the title and
    organisation come from the words before it, and a 'Currently:' label is no part of the title."""
    resume = resume_of("""
Currently: Staff Engineer at Tidewell Energy (since 2021) — Go, Kafka, Redis.

Senior Engineer, Harbour Freight Tech, 2017 – 2021 — Go, MySQL, Docker.
Developer, Pixel & Co, 2014 – 2017 — PHP, MySQL.
""")
    assert [s[:2] for s in spans(resume)] == [("Staff Engineer", "Tidewell Energy"),
                                              ("Senior Engineer", "Harbour Freight Tech"),
                                              ("Developer", "Pixel & Co")]


@pytest.mark.parametrize(("heading", "now", "title"), [
    ("ΕΠΑΓΓΕΛΜΑΤΙΚΗ ΕΜΠΕΙΡΙΑ", "σήμερα", "Μηχανικός λογισμικού"),
    ("KINH NGHIỆM LÀM VIỆC", "nay", "Kỹ sư phần mềm"),
    ("الخبرة العملية", "حتى الآن", "مهندس برمجيات"),
])
def test_a_work_history_in_greek_vietnamese_or_arabic(heading: str, now: str, title: str) -> None:
    resume = resume_of(f"""
{heading}
03/2019 – {now}      {title}, Aegean Pay
                     Go, Kafka
06/2015 – 02/2019    Software Engineer, Delta Soft
                     MySQL
""")
    assert spans(resume) == [(title, "Aegean Pay", "2019-03", "2026-11"),
                             ("Software Engineer", "Delta Soft", "2015-06", "2019-02")]


def test_how_a_job_is_done_is_neither_its_organisation_nor_its_title() -> None:
    """'Remote' beside the dates and 'Freelance' before a role say how the job was done: the employer
    is elsewhere in the header, and the role is the title."""
    resume = resume_of("""
Experience
Senior Software Engineer                             Meridian Health
Jun 2020 – Present · Remote
- Go services, Kafka.
Freelance                                          Jan 2015 – Feb 2017
Web developer
  WordPress sites for small businesses.
""")
    assert [s[:2] for s in spans(resume)] == [("Senior Software Engineer", "Meridian Health"),
                                              ("Web developer", "Freelance")]


def test_a_japanese_career_history_with_ideographic_spaces() -> None:
    resume = resume_of("""
■職務経歴
2019年4月～現在　株式会社ラクダペイ　シニアエンジニア
　Go、Kafka、Redisによる決済基盤の開発
""")
    assert spans(resume) == [("シニアエンジニア", "株式会社ラクダペイ", "2019-04", "2026-11")]


def test_a_hebrew_work_history() -> None:
    resume = resume_of("""
ניסיון תעסוקתי
03/2019 – היום      מהנדסת תוכנה, Tel Aviv Pay
                    Go, Kafka
השכלה
2011 – 2015         הטכניון
""")
    assert spans(resume) == [("מהנדסת תוכנה", "Tel Aviv Pay", "2019-03", "2026-11")]


def test_a_title_wrapped_inside_its_parentheses_is_one_header() -> None:
    """A narrow column wraps a break's title inside its brackets; its end alone is no header line, and
    without the title the break would count as a job."""
    resume = resume_of("""
Work
Backend Engineer
Absheron Tickets
Feb 2024 – May 2026
- Booking APIs in Go.
Sabbatical (travel and a distributed-systems
course)
Mar 2023 – Jan 2024
Software Engineer
Icheri Soft
Sep 2018 – Feb 2023
- Parking permits in Go.
""")
    assert spans(resume)[1] == ("Sabbatical (travel and a distributed-systems course)", "", "2023-03", "2024-01")
    assert spans(resume)[2] == ("Software Engineer", "Icheri Soft", "2018-09", "2023-02")


@pytest.mark.parametrize("gap", ["\t", " "])
def test_a_current_job_that_prints_only_its_start_where_the_others_print_their_range(gap: str) -> None:
    """A theme prints each job's range at the end of its title line and leaves out the end of the
    current one: 'May 2026' alone there starts a job that runs to the as-of date."""
    resume = resume_of(f"""
EXPERIENCE
Baltica Freight | Tech Lead{gap}May 2026
- Kafka rollout for the Go services.
Baltica Freight | Senior Backend Developer{gap}Feb 2021 — Apr 2026
- Route pricing in Go.
Jagiellon Soft | PHP Developer{gap}Sep 2017 — Jan 2021
- Order management on MySQL. Released in May 2019
""")
    assert spans(resume) == [("Tech Lead", "Baltica Freight", "2026-05", "2026-11"),
                             ("Senior Backend Developer", "Baltica Freight", "2021-02", "2026-04"),
                             ("PHP Developer", "Jagiellon Soft", "2017-09", "2021-01")]


def test_a_range_wrapped_from_the_right_cell_of_the_title_into_the_right_cell_of_the_employer() -> None:
    resume = resume_of("""
EXPERIENCE
Backend Engineer\tJan 2019 –
Acme Payments\tMar 2021
- Built Go services.
PHP Developer\tJun 2016 –
Brindle Shop\tDec 2018
- Laravel.
""")
    assert spans(resume) == [("Backend Engineer", "Acme Payments", "2019-01", "2021-03"),
                             ("PHP Developer", "Brindle Shop", "2016-06", "2018-12")]
