"""JSON résumés: JSON Resume and FRESH positions are taken as data (volunteering is not a job), other
JSON objects are read as an outline; every file is generated here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screener.cache.codec import decode, encode
from screener.errors import ExtractError
from screener.extract import extract
from screener.model import Parsed
from screener.parse import parse
from screener.pipeline import Screener

AS_OF = 2026 * 12 + 10  # 2026-11
SHARED = Path(__file__).resolve().parents[2] / "shared"

RESUME = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {"name": "Sam Example", "label": "Backend Engineer",
               "summary": "Go and Kafka for payments; 6 years of Go in production."},
    "work": [
        {"name": "Acme Payments", "position": "Senior Backend Engineer", "startDate": "2021-03",
         "summary": "Payment services in Go.", "highlights": ["Kafka consumers for settlement", "MySQL sharding"]},
        {"name": "Widget GmbH", "position": "Software Engineer", "startDate": "2017-01-15", "endDate": "2020-12-31",
         "highlights": ["PHP shop on MySQL", "Redis sessions"]},
    ],
    "volunteer": [{"organization": "Code Club", "position": "Mentor", "startDate": "2010-01",
                   "endDate": "2016-12", "summary": "Taught Go and Docker to teenagers."}],
    "education": [{"institution": "TU Example", "area": "Computer Science", "studyType": "BSc",
                   "startDate": "2012", "endDate": "2016"}],
    "skills": [{"name": "Infrastructure", "keywords": ["Docker", "Kubernetes"]}],
}


def screen(tmp_path: Path, screener: Screener, content: object, name: str = "resume.json"):
    path = tmp_path / name
    path.write_text(json.dumps(content), encoding="utf-8")
    return screener.screen_file(path)


def test_work_entries_are_positions_taken_as_data_and_volunteering_is_not_a_job(tmp_path, screener) -> None:
    outcome = screen(tmp_path, screener, RESUME)
    assert outcome.status == "ok" and outcome.document.kind == "json"
    positions = outcome.resume.positions
    assert [(p.title, p.organisation, p.dates.start, p.dates.end, p.dates.ongoing) for p in positions] == [
        ("Senior Backend Engineer", "Acme Payments", 2021 * 12 + 2, 2026 * 12 + 10, True),
        ("Software Engineer", "Widget GmbH", 2017 * 12, 2020 * 12 + 11, False)]
    skills = outcome.experience.skills
    assert skills["go"].dated_months == 69  # Mar 2021 – Nov 2026: the current job names Go, not the mentoring
    assert skills["kafka"].dated_months == 69 and skills["mysql"].dated_months == 69 + 48
    assert skills["redis"].dated_months == 48
    assert skills["docker"].mentioned and skills["docker"].dated_months == 0  # skills[] and volunteering only
    assert outcome.experience.total_months == 69 + 48


def test_a_date_that_is_not_iso_leaves_the_entry_undated(tmp_path, screener) -> None:
    content = {"work": [{"name": "Acme", "position": "Engineer", "startDate": "sometime"},
                        {"name": "Beta", "position": "Go Developer", "startDate": "2019", "endDate": "2020"}]}
    outcome = screen(tmp_path, screener, content)
    [position] = outcome.resume.positions
    assert (position.organisation, position.dates.coarse, position.dates.start, position.dates.end) == \
        ("Beta", True, 2019 * 12 + 6, 2020 * 12 + 5)  # year-only: July to June, as in any CV
    assert "Acme" in outcome.document.text


def test_fresh_employment_history_and_service(tmp_path, screener) -> None:
    fresh = {"meta": {"format": "FRESH@0.6.0"}, "info": {"label": "Engineer", "brief": "Builds backends."},
             "employment": {"history": [{"employer": "Acme", "position": "Backend Developer", "start": "2018-05",
                                         "end": "2020-04", "highlights": ["Kafka pipelines in Go"]}]},
             "service": {"history": [{"organization": "Food Bank", "position": "Volunteer", "start": "2015-01",
                                      "end": "2020-01", "summary": "Redis for the rota"}]},
             "skills": {"sets": [{"name": "Data", "skills": ["MySQL"]}]}}
    outcome = screen(tmp_path, screener, fresh, "cv.json")
    assert [(p.title, p.organisation) for p in outcome.resume.positions] == [("Backend Developer", "Acme")]
    assert outcome.experience.skills["kafka"].dated_months == 24
    assert outcome.experience.skills["redis"].dated_months == 0
    assert outcome.experience.skills["mysql"].mentioned


def test_another_json_shape_is_read_as_an_outline(tmp_path, screener) -> None:
    content = {"profile": {"title": "Backend Engineer"},
               "workExperience": [{"id": 1, "title": "Backend Engineer", "company": "Acme", "location": "Berlin",
                                   "years": "Jan 2020 - Dec 2021", "description": ["Go services on Kafka"]}],
               "technicalSkills": ["Docker", "Redis"]}
    outcome = screen(tmp_path, screener, content, "profile.json")
    lines = outcome.document.text.splitlines()
    assert lines[lines.index("Work Experience") + 1:][:3] == ["Backend Engineer, Acme, Berlin", "Jan 2020 - Dec 2021",
                                                              "• Go services on Kafka"]
    [position] = outcome.resume.positions
    assert position.dates.months == 24 and outcome.experience.skills["go"].dated_months == 24
    assert outcome.experience.skills["redis"].mentioned


@pytest.mark.parametrize("data", [b'{"work": [}', b"{" * 100_000 + b"}" * 100_000])
def test_broken_or_absurdly_nested_json_is_corrupt(data: bytes) -> None:
    with pytest.raises(ExtractError) as err:
        extract(data, "x.json")
    assert err.value.code == "corrupt" and "JSON" in err.value.message


def test_stated_positions_survive_the_parse_cache(screener) -> None:
    document = extract(json.dumps(RESUME).encode(), "resume.json")
    parsed = Parsed(document, parse(document, AS_OF), screener.finder.skills.tokenize(document.lines))
    again = decode(encode(parsed))
    assert again == parsed and again.document.positions == document.positions
    assert parse(again.document, AS_OF + 12).positions[0].dates.end == AS_OF + 12  # 'Present' moves on


def test_the_json_files_of_the_real_corpus_are_rows_with_years(screener) -> None:
    folder = SHARED / "corpus" / "real"
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"{folder} is not available")
    for path in files:
        outcome = screener.screen_file(path)
        assert outcome.status == "ok" and outcome.experience.total_months > 0, path.name
