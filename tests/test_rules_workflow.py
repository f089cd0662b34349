"""`rules show`, `check` and `diff`: what a rules change does to the outcomes, as CI sees it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from screener.cli import main
from tests.conftest import REPO

RULES = REPO / "rules" / "requirements.yaml"
SAMPLES = REPO / "samples"
AS_OF = "2026-11-01"

STRONG = """\
JANE ROE
Senior Backend Engineer · Lisbon · jane.roe@example.com

SUMMARY
Backend engineer building payment systems in Go with Kafka, MySQL and Redis.

WORK EXPERIENCE

2018-01 – 2026-10    Senior Backend Engineer, Acme Payments, Lisbon
                     - Go payment services; Kafka consumer groups, partitions and idempotent producers.
                     - MySQL schema design, EXPLAIN, covering indexes and replication.
                     - Redis caching; Docker, GitHub Actions CI/CD and feature flags.
                     - Go concurrency: goroutines, worker pools, backpressure; sharding and idempotency.

SKILLS
Go, Kafka, MySQL, Redis, Docker

EDUCATION
2014 – 2017          BSc Computer Science, Lisbon Technical University
"""

WEAK = """\
JOHN DOE
PHP Developer · Porto · john.doe@example.com

SUMMARY
Web developer working with PHP and Laravel.

WORK EXPERIENCE

2024-01 – 2026-10    PHP Developer, Small Shop, Porto
                     - Laravel web shop on MySQL.

SKILLS
PHP, Laravel, MySQL

EDUCATION
2020 – 2023          BSc Information Systems, Porto University
"""


@pytest.fixture(autouse=True)
def unwrapped_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from screener import cli

    monkeypatch.setattr(cli.err, "soft_wrap", True)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def samples(tmp_path: Path) -> Path:
    """Two CVs, plus the files a samples folder also holds that are not CVs (left out by its .screenerignore)."""
    folder = tmp_path / "samples"
    (folder / "src").mkdir(parents=True)
    (folder / ".screenerignore").write_text("README.md\n*.yaml\n*.py\nsrc/\n", encoding="utf-8")
    (folder / "strong.txt").write_text(STRONG, encoding="utf-8")
    (folder / "weak.txt").write_text(WEAK, encoding="utf-8")
    (folder / "README.md").write_text("# Samples\n\nNot a CV.\n", encoding="utf-8")
    (folder / "answers.yaml").write_text("files: {}\n", encoding="utf-8")
    (folder / "generate.py").write_text("print('not a CV')\n", encoding="utf-8")
    (folder / "src" / "strong.md").write_text(STRONG, encoding="utf-8")
    return folder


def rules_with_go_years(tmp_path: Path, years: int) -> Path:
    """A copy of the shipped rules with go_years's threshold changed."""
    text, count = re.subn(r"(^  - id: go_years\n(?:    .*\n)*?    years: )\S+", rf"\g<1>{years}",
                          RULES.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1
    path = tmp_path / f"go-{years}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_show_lists_every_requirement_and_skill(capsys) -> None:
    code, out, _ = run(capsys, "rules", "show", str(RULES))
    rules = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    assert code == 0
    assert all(r["id"] in out for r in rules["requirements"])
    used = {r.get("of") for r in rules["requirements"]} | {s for r in rules["requirements"]
                                                            for s in r.get("mentioned", [])}
    assert all(skill in out for skill in used - {"backend", "total", None})
    assert "taxonomy" in out  # the skills the file uses without defining them say where they come from


def test_check_records_then_passes_then_catches_a_threshold_change(tmp_path, samples, capsys) -> None:
    expected = samples / "expected.yaml"
    code, out, _ = run(capsys, "check", "--samples", str(samples), "--rules", str(RULES), "--update", "--as-of", AS_OF)
    assert code == 0 and "Recorded 2 samples" in out
    recorded = yaml.safe_load(expected.read_text(encoding="utf-8"))
    assert set(recorded["files"]) == {"strong.txt", "weak.txt"}  # README, answers, src/ and .py left out
    assert recorded["files"]["strong.txt"]["verdict"] == "pass" and str(recorded["as_of"]) == AS_OF

    code, out, _ = run(capsys, "check", "--samples", str(samples), "--rules", str(RULES))
    assert code == 0 and out.startswith("OK: all 2 samples match")

    stricter = rules_with_go_years(tmp_path, 20)
    code, out, _ = run(capsys, "check", "--samples", str(samples), "--rules", str(stricter))
    assert code == 1
    assert "strong.txt" in out and "verdict pass → fail" in out and "weak.txt" not in out

    expected.write_text(expected.read_text(encoding="utf-8").replace(
        "files:\n", "# reviewed by the hiring manager\nfiles:\n  # the reference candidate\n"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--samples", str(samples), "--rules", str(stricter), "--update")
    assert code == 0 and "1 changed" in out
    text = expected.read_text(encoding="utf-8")
    assert "# reviewed by the hiring manager\n" in text and "# the reference candidate\n" in text
    assert "# Expected outcomes of the sample CVs" in text and f"as_of: {AS_OF}" in text
    assert run(capsys, "check", "--samples", str(samples), "--rules", str(stricter))[0] == 0


def test_check_counts_added_and_missing_samples(samples, capsys) -> None:
    assert run(capsys, "check", "--samples", str(samples), "--rules", str(RULES), "--update", "--as-of", AS_OF)[0] == 0
    (samples / "weak.txt").rename(samples / "weak2.txt")
    code, out, _ = run(capsys, "check", "--samples", str(samples), "--rules", str(RULES))
    assert code == 1
    assert "new sample" in out and "sample missing" in out and "2 of 3 samples changed" in out


def test_score_within_tolerance_is_not_a_change(samples, capsys) -> None:
    assert run(capsys, "check", "--samples", str(samples), "--rules", str(RULES), "--update", "--as-of", AS_OF)[0] == 0
    expected = samples / "expected.yaml"
    data = yaml.safe_load(expected.read_text(encoding="utf-8"))
    score = data["files"]["weak.txt"]["score"]
    text = expected.read_text(encoding="utf-8").replace("score_tolerance: 0.5", "score_tolerance: 2")
    expected.write_text(text.replace(f"score: {score}", f"score: {score + 1.5}"), encoding="utf-8")
    assert run(capsys, "check", "--samples", str(samples), "--rules", str(RULES))[0] == 0
    expected.write_text(text.replace(f"score: {score}", f"score: {score + 2.5}"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--samples", str(samples), "--rules", str(RULES))
    assert code == 1 and "(tolerance ±2)" in out


def test_check_without_expectations_is_a_usage_error(samples, capsys) -> None:
    code, _, err = run(capsys, "check", "--samples", str(samples), "--rules", str(RULES))
    assert code == 2 and "screener check --update" in err


def test_check_with_invalid_rules_exits_2(tmp_path, samples, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(RULES.read_text(encoding="utf-8").replace("  - id: go_years", "  - id: go_years\n    yeras: 1"),
                   encoding="utf-8")
    assert run(capsys, "check", "--samples", str(samples), "--rules", str(RULES), "--update", "--as-of", AS_OF)[0] == 0
    code, _, err = run(capsys, "check", "--samples", str(samples), "--rules", str(bad))
    assert code == 2 and "did you mean 'years'?" in err


@pytest.fixture()
def real_expectations(tmp_path: Path) -> Path:
    if not (SAMPLES / "expected.yaml").is_file():
        pytest.skip("samples/expected.yaml has not been recorded yet")
    copy = tmp_path / "expected.yaml"
    shutil.copy(SAMPLES / "expected.yaml", copy)
    return copy


def test_the_real_samples_match_their_expectations(capsys, monkeypatch, real_expectations) -> None:
    monkeypatch.chdir(REPO)
    code, out, _ = run(capsys, "check")
    assert code == 0, out


def test_real_samples_catch_a_threshold_change_and_update_keeps_comments(tmp_path, capsys,
                                                                         real_expectations) -> None:
    stricter = rules_with_go_years(tmp_path, 20)
    args = ("check", "--samples", str(SAMPLES), "--expected", str(real_expectations), "--rules", str(stricter))
    code, out, _ = run(capsys, *args)
    assert code == 1 and "verdict pass → fail" in out
    before = [line for line in real_expectations.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert run(capsys, *args, "--update")[0] == 0
    after = [line for line in real_expectations.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert before and after == before
    assert run(capsys, *args)[0] == 0


def test_diff_names_the_flipped_requirement(tmp_path, samples, capsys) -> None:
    stricter = rules_with_go_years(tmp_path, 20)
    (samples / "src" / "strong.md").unlink()
    (samples / "README.md").unlink()
    code, out, _ = run(capsys, "diff", str(RULES), str(stricter), str(samples), "--as-of", AS_OF)
    assert code == 1
    assert "requirements[go_years].years: " in out and "→ 20" in out
    assert re.search(r"strong\.txt .*pass → fail", out) and "weak.txt" not in out
    assert "go_years: met → unmet" in out
    assert "1 of 2 CVs changed, 1 of them in verdict" in out


def test_diff_of_identical_rules_changes_nothing(samples, capsys) -> None:
    code, out, _ = run(capsys, "diff", str(RULES), str(RULES), str(samples / "strong.txt"), "--as-of", AS_OF)
    assert code == 0 and "no changes" in out and "No outcome changed" in out


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True,
                   capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_reads_old_rules_from_git_through_a_symlink(tmp_path, samples, capsys, monkeypatch) -> None:
    repo = tmp_path / "repo"
    (repo / "rules").mkdir(parents=True)
    shutil.copy(RULES, repo / "requirements.yaml")
    (repo / "rules" / "requirements.yaml").symlink_to("../requirements.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "rules")
    shutil.copy(rules_with_go_years(tmp_path, 20), repo / "requirements.yaml")
    monkeypatch.chdir(repo)
    cv = str(samples / "strong.txt")
    code, out, _ = run(capsys, "diff", "git:HEAD:rules/requirements.yaml", "rules/requirements.yaml", cv,
                       "--as-of", AS_OF)
    assert code == 1 and "go_years: met → unmet" in out

    code, _, err = run(capsys, "diff", "git:HEAD~3:rules/requirements.yaml", "rules/requirements.yaml", cv)
    assert code == 2 and "git could not read it" in err
    code, _, err = run(capsys, "diff", "git:HEAD:nothing.yaml", "rules/requirements.yaml", cv)
    assert code == 2 and "there is no file 'nothing.yaml' in HEAD" in err
