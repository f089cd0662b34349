"""Section headings: the wordings CVs use, and job titles that only look like headings."""

from __future__ import annotations

import pytest

from screener.extract.text import extract_text
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
    ("Volunteer", True, "activities"),
    ("Volunteer Work Experience", True, "activities"),
    # decoration around the words
    ("--- EDUCATION -----", False, "education"),
    ("== Skills ==", False, "skills"),
    ("EXPERIENCE:", False, "experience"),
    ("~ Work ~", False, "experience"),
    ("### **Professional Experience** ###", True, "experience"),
    ("» Projects «", False, "projects"),
    # extra words that only qualify the heading
    ("WORK EXPERIENCE (7 YEARS, 2017 - 2024)", False, "experience"),
    ("Experience — 10 years", False, "experience"),
    ("Employment History (selected)", True, "experience"),
    ("Relevant Experience: last 8 years", False, "experience"),
    ("Education [abridged]", False, "education"),
    # non-job sections
    ("Extracurricular Activity", True, "activities"),
    ("CLUBS & SOCIETIES", False, "activities"),
    ("Professional Memberships", True, "activities"),
    # other languages
    ("工作经历", False, "experience"),
    ("工作經歷", False, "experience"),
    ("工作经验（5年）", False, "experience"),
    ("项目经历", False, "projects"),
    ("專案經歷", False, "projects"),
    ("教育经历", False, "education"),
    ("专业技能", False, "skills"),
    ("Опыт работы", False, "experience"),
    ("Expérience professionnelle", False, "experience"),
    ("Arbetslivserfarenhet", False, "experience"),
    ("Esperienza lavorativa", True, "experience"),
    ("Formação Acadêmica", True, "education"),
    ("Istruzione e formazione", True, "education"),
    ("Trabalho Voluntário", True, "activities"),
    # an academic CV's jobs
    ("Academic Appointments", True, "experience"),
    ("Research and Teaching Appointments", True, "experience"),
    # letters Unicode does not decompose
    ("Wykształcenie", False, "education"),
    ("Doświadczenie zawodowe", False, "experience"),
    # a career listed in parts
    ("Contract history", False, "experience"),
    ("Permanent roles", False, "experience"),
    ("SCHOOL", False, "education"),
    ("Educational Qualification:", False, "education"),
    ("PRACOVNÍ ZKUŠENOSTI", False, "experience"),
    ("VZDĚLÁNÍ", False, "education"),
    ("Szakmai tapasztalat", True, "experience"),
    ("Research & Work Experience", False, "experience"),
    ("ΕΠΑΓΓΕΛΜΑΤΙΚΗ ΕΜΠΕΙΡΙΑ", False, "experience"),
    ("ΕΚΠΑΙΔΕΥΣΗ", False, "education"),
    ("KINH NGHIỆM LÀM VIỆC", False, "experience"),
    ("HỌC VẤN", False, "education"),
    ("الخبرة العملية", False, "experience"),
    ("التعليم", False, "education"),
    # letter-spaced, as designed templates print headings
    ("W O R K   E X P E R I E N C E", False, "experience"),
    ("E X P E R I E N C E", True, "experience"),
    ("S K I L L S", False, "skills"),
    ("P R O F E S S I O N A L  E X P E R I E N C E", False, "experience"),
])
def test_headings(text: str, heading: bool, kind: str) -> None:
    assert heading_kind(Line(text, 1, heading=heading)) == kind


@pytest.mark.parametrize("text", [
    "FACEBOOK | SOFTWARE ENGINEER",
    "Senior Full-Stack Developer",
    "Project Management Simulation Training",
    "Senior Backend Engineer",
    "Built the skills matrix for the team.",
    "Stack: Go, Kafka, Docker",
    "Tech stack: Go",
    "Work — Acme Corp, Lead Engineer",
    "A B C D",
])
def test_job_titles_and_sentences_are_not_headings(text: str) -> None:
    assert heading_kind(Line(text, 1, heading=True)) is None


def test_a_heading_in_a_left_label_column_opens_its_section() -> None:
    lines = (Line("Jane Doe", 1), Line("EXPERIENCE\tAcme, Engineer\t2022 – Present", 2), Line("Go services", 3))
    sections = split_sections(lines)
    assert [(s.kind, s.heading) for s in sections] == [("preamble", ""), ("experience", "EXPERIENCE")]
    assert [line.text for line in sections[1].lines] == ["Acme, Engineer\t2022 – Present", "Go services"]


def test_a_heading_carrying_a_company_and_its_dates_opens_experience_with_that_job() -> None:
    lines = (Line("工作经历：北辰科技 2019.07 – 2021.03", 1), Line("后端开发，Go 服务", 2))
    sections = split_sections(lines)
    assert [(s.kind, s.heading) for s in sections] == [("experience", "工作经历")]
    assert sections[0].lines[0].text == "北辰科技 2019.07 – 2021.03"


def test_a_range_in_a_heading_is_a_summary_not_a_first_job() -> None:
    sections = split_sections((Line("WORK EXPERIENCE (7 YEARS, 2017 - 2024)", 1), Line("Engineer, Acme", 2)))
    assert [(s.kind, [x.text for x in s.lines]) for s in sections] == [("experience", ["Engineer, Acme"])]


def test_a_heading_in_the_last_cell_of_a_sidebar_line_opens_its_section() -> None:
    lines = (Line("SKILLS", 1), Line("Go, Kafka", 2), Line("English, Spanish\tEmployment History", 3),
             Line("Engineer, Acme\t2020 – 2022", 4))
    sections = split_sections(lines)
    assert [(s.kind, [x.text for x in s.lines]) for s in sections] == [
        ("skills", ["Go, Kafka", "English, Spanish"]), ("experience", ["Engineer, Acme\t2020 – 2022"])]


def test_a_company_name_wrapped_before_its_dates_is_not_a_heading() -> None:
    lines = (Line("Experience", 1), Line("Senior Backend Engineer, Ixix", 2), Line("Technologies (12/2021–04/2025)", 3),
             Line("Skills", 4), Line("Go", 5))
    assert [(s.kind, len(s.lines)) for s in split_sections(lines)] == [("experience", 2), ("skills", 1)]


def test_an_organisation_named_like_a_section_above_its_dates_stays_in_its_job() -> None:
    # 'Technologies' and 'Skills' name sections, but here they end company names set in capitals,
    # each just above its role's dates
    sections = split_sections(extract_text(
        "EXPERIENCE\nSite Reliability Engineer\nQUILLON TECHNOLOGIES\nMar 2019 – Present\n- Kept Kafka up.\n"
        "Backend Developer\nBRIGHT SKILLS\nJan 2016 – Feb 2019\n- Wrote Go.\n"
        "TECHNOLOGIES USED DAILY\nGo, Kafka\n".encode(), markdown=False).lines)
    assert [(s.kind, s.heading) for s in sections] == [("experience", "EXPERIENCE"),
                                                       ("skills", "TECHNOLOGIES USED DAILY")]


@pytest.mark.parametrize("first, second, entry", [
    ("Work\tQA Lead, Storm Petrel Ltd, Cork.\t03/2020–Today", "Experience",  # its label cell wrapped
     "QA Lead, Storm Petrel Ltd, Cork.\t03/2020–Today"),
    ("EMPLOYMENT Go Developer, Merlin Freight, Sligo.\t2020 / 03 – 2026 / 01", "HISTORY",  # no TAB left
     "Go Developer, Merlin Freight, Sligo.\t2020 / 03 – 2026 / 01"),
])
def test_a_heading_a_label_column_wrapped_beside_the_first_entry_opens_the_section_above_it(
        first: str, second: str, entry: str) -> None:
    lines = ["SUMMARY", "Likes quiet pagers.", first, second, "• Wrote the Go workers.", "• Ran Kafka.",
             "EDUCATION", "BSc, Galway"]
    sections = split_sections(tuple(Line(t, n) for n, t in enumerate(lines, 1)))
    experience = next(s for s in sections if s.kind == "experience")
    assert [line.text for line in experience.lines][1:] == ["• Wrote the Go workers.", "• Ran Kafka."]
    assert experience.lines[0].text == entry


def test_a_detail_line_in_the_text_column_above_a_heading_stays_with_its_job() -> None:
    # the detail sits in the entry's column (an empty date cell before it); the heading after it is whole
    lines = ["EXPERIENCE", "08/2016 – 12/2017\tJunior Developer, Tern Media, Cobh", "\t• Kept the PHP site up.",
             "EDUCATION", "09/2013 – 06/2016\tBSc, Cork"]
    sections = split_sections(tuple(Line(t, n) for n, t in enumerate(lines, 1)))
    assert [(s.kind, [line.text for line in s.lines]) for s in sections] == [
        ("experience", ["08/2016 – 12/2017\tJunior Developer, Tern Media, Cobh", "\t• Kept the PHP site up."]),
        ("education", ["09/2013 – 06/2016\tBSc, Cork"])]


@pytest.mark.parametrize(("text", "kind"), [("Berufserfahrung / Experience", "experience"),
                                            ("Formation | Education", "education"),
                                            ("Parcours / Experience", "experience"),
                                            ("Skills / Experience", None),
                                            ("Go / Kafka", None)])
def test_a_heading_in_two_languages_is_read_when_its_known_parts_agree(text: str, kind: str | None) -> None:
    assert heading_kind(Line(text, 4)) == kind


def test_a_tables_heading_row_is_no_heading_but_a_sidebars_cell_beside_one_is() -> None:
    """'Skill | Experience' heads a skills table; a sidebar's line glued before the main column's
    heading ('English, Spanish<TAB>Employment') still opens that section."""
    table = split_sections((Line("Skills", 1), Line("Skill\tExperience", 2), Line("Go\t6 years", 3)))
    assert [(s.kind, len(s.lines)) for s in table] == [("skills", 2)]
    sidebar = split_sections((Line("Jane Doe", 1), Line("English, Spanish\tEmployment", 2),
                              Line("Engineer, Acme, 2019 – 2021", 3)))
    assert [s.kind for s in sidebar] == ["preamble", "experience"]
