"""End to end through the CLI: the samples' years and verdicts, the report contract, exit codes."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from screener.cli import main
from screener.report import Format, formatter
from screener.result import Report
from tests.conftest import REPO

SAMPLES = REPO / "samples"
SKILLS = ("go", "kafka", "mysql", "redis", "docker", "php", "laravel", "rust")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def answers() -> dict:
    return yaml.safe_load((SAMPLES / "answers.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def samples_json(tmp_path_factory) -> bytes:
    """The samples' JSON report as `screener screen` writes it (workers, atomic file)."""
    out = tmp_path_factory.mktemp("report") / "samples.json"
    with contextlib.chdir(REPO):
        assert main(["screen", "samples", "--as-of", "2026-11-01", "--format", "json", "--output", str(out)]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def samples_dict(samples_json: bytes) -> dict:
    return json.loads(samples_json)


def test_the_cli_writes_the_same_bytes_as_the_library(samples_json: bytes, samples_report: Report) -> None:
    assert samples_json == formatter(Format.json).render(samples_report).encode("utf-8")


def test_report_follows_the_json_schema(samples_dict: dict) -> None:
    schema = json.loads((REPO / "screener" / "data" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(samples_dict, schema)
    assert samples_dict["schema_version"] == 1 and samples_dict["as_of"] == "2026-11-01"


def test_every_sample_is_screened(samples_dict: dict, answers: dict) -> None:
    rows = {c["file"]: c for c in samples_dict["candidates"]}
    assert set(answers["files"]) <= set(rows)
    assert all(rows[f]["status"] == "ok" for f in answers["files"])


def test_years_per_skill_match_the_answers(samples_dict: dict, answers: dict) -> None:
    rows = {c["file"]: c for c in samples_dict["candidates"]}
    wrong = []
    for name, truth in answers["files"].items():
        row = rows[name]
        loose = set(truth.get("year_only_tolerance") or [])
        claimed = {s: c["claimed"] for s, c in (truth.get("claims") or {}).items() if c["dated"] == 0}
        for skill in SKILLS:
            tol = 1.0 if skill in loose else 0.25
            got, want = row["skills"][skill], dict(truth["skills"][skill])
            if skill in claimed:  # no dated use: the claim stands in, and says so
                assert got["basis"] == "claim", f"{name} {skill}"
                want["years"] = claimed[skill]
            if abs(got["years"] - want["years"]) > tol + 1e-9 or got["mentioned"] != want["mentioned"]:
                wrong.append(f"{name} {skill}: {got['years']} {got['mentioned']} != {want}")
        for key, loose_key in (("experience_years", "experience"), ("backend_years", "backend")):
            tol = 1.0 if loose_key in loose else 0.25
            if abs(row[key] - truth[key]) > tol + 1e-9:
                wrong.append(f"{name} {key}: {row[key]} != {truth[key]}")
    assert wrong == []


def test_verdicts_match_the_answers(samples_dict: dict, answers: dict) -> None:
    rows = {c["file"]: c for c in samples_dict["candidates"]}
    for name, truth in answers["files"].items():
        verdict = rows[name]["verdict"]
        if truth.get("ambiguous"):  # a minimum met only by an undated claim is for a person to verify
            assert verdict == "review", name
        elif truth["meets_minimums"]:
            assert verdict in ("pass", "review"), name
        else:
            assert verdict in ("fail", "review"), name
            assert rows[name]["score"] < min(r["score"] for f, r in rows.items()
                                             if answers["files"].get(f, {}).get("meets_minimums")), name


def test_every_skill_year_has_evidence(samples_dict: dict) -> None:
    for row in samples_dict["candidates"]:
        for skill, value in row["skills"].items():
            if value["years"] > 0 and value["basis"] == "dated":
                dated = [e for e in value["evidence"] if e["months"] > 0]
                assert dated and all(e["source"].startswith("position") and e["start"] for e in dated), skill


def test_csv_and_jsonl_have_one_row_per_candidate_with_skill_columns(samples_report: Report) -> None:
    n = len(samples_report.candidates)
    rows = list(csv.DictReader(io.StringIO(formatter(Format.csv).render(samples_report))))
    assert len(rows) == n and {f"{s}_years" for s in SKILLS} <= set(rows[0])
    scores = [float(r["score"]) for r in rows if r["score"]]
    assert scores == sorted(scores, reverse=True)
    lines = formatter(Format.jsonl).render(samples_report).splitlines()
    assert len(lines) == n and "go_years" in json.loads(lines[0])


def test_table_on_the_terminal(capsys, monkeypatch) -> None:
    monkeypatch.chdir(SAMPLES)  # a short name: a long checkout path would wrap in the table's file column
    code, out, err = run(capsys, "screen", "01-strong-fit.pdf", "--as-of", "2026-11-01")
    assert code == 0 and "01-strong-fit.pdf" in out and "pass" in out
    assert "1 file: 1 pass, 0 review, 0 fail, 0 errors, 0 skipped" in err


def test_explain_shows_positions_evidence_and_verdict(capsys) -> None:
    code, out, _ = run(capsys, "explain", str(SAMPLES / "02-near-miss-go.docx"), "--as-of", "2026-11-01")
    assert code == 0
    assert "Positions" in out and "position 1:" in out and "2+ years with Go in production" in out
    assert "verdict fail" in out or "verdict review" in out


def test_parse_dumps_positions_with_normalised_dates(capsys) -> None:
    code, out, _ = run(capsys, "parse", str(SAMPLES / "04-overlapping-jobs.txt"), "--as-of", "2026-11-01")
    view = json.loads(out)
    assert code == 0 and view["positions"]
    assert all(len(p["start"]) == 7 and p["months"] > 0 for p in view["positions"])


def test_version_and_help(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("screener ")
    for command in ("screen", "explain", "parse"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "Usage" in out


@pytest.mark.parametrize("command", ["screen", "explain", "parse"])
def test_a_path_that_does_not_exist_is_a_usage_error(capsys, command: str) -> None:
    code, out, err = run(capsys, command, str(SAMPLES / "no-such-cv.pdf"))
    assert code == 2 and "does not exist" in err and out == ""


def test_bad_as_of_is_a_usage_error(capsys) -> None:
    code, _, err = run(capsys, "screen", str(SAMPLES), "--as-of", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


def test_invalid_rules_exit_2_naming_file_line_and_key(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "rules.yaml"
    text = (REPO / "rules" / "requirements.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("    years: 2\n", "    yeras: 2\n", 1), encoding="utf-8")
    line = text.splitlines().index("    years: 2") + 1
    code, _, err = run(capsys, "screen", str(SAMPLES), "--rules", str(bad))
    assert code == 2
    assert f"{bad}:{line}:5:" in err and "did you mean 'years'" in err


def test_packaged_rules_are_used_outside_the_repository(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, "screen", str(SAMPLES / "01-strong-fit.pdf"), "-f", "json", "-o", "r.json")
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert code == 0 and report["rules"]["path"].endswith("requirements.yaml")
    assert Path(report["rules"]["path"]).resolve() != (tmp_path / "rules" / "requirements.yaml")
