"""Every `screen`, `check` and `diff` appends one record to the audit log; `--no-audit` skips it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from screener.audit.log import verify
from screener.cli import main
from tests.conftest import REPO

SAMPLES = REPO / "samples"
RULES = REPO / "rules" / "requirements.yaml"
FILES = ("01-strong-fit.pdf", "04-overlapping-jobs.txt")


def _folder(tmp_path: Path) -> Path:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, cvs / name)
    return cvs


def _records(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_screen_record(tmp_path: Path) -> None:
    cvs, log = _folder(tmp_path), tmp_path / "audit.jsonl"
    args = ["screen", str(cvs), "--as-of", "2026-11-01", "--rules", str(RULES), "-j", "1", "-f", "json",
            "-o", str(tmp_path / "r.json")]
    assert main([*args, "--audit-log", str(log)]) == 0
    (record,) = _records(log)
    assert record["command"] == "screen" and record["as_of"] == "2026-11-01" and record["version"]
    assert record["options"]["paths"] == [str(cvs)] and record["options"]["blind"] is False
    (run,) = record["runs"]
    assert run["rules"] == {"path": str(RULES), "sha256": hashlib.sha256(RULES.read_bytes()).hexdigest()}
    by_file = {f["file"]: f for f in run["files"]}
    assert set(by_file) == set(FILES)
    strong = by_file["01-strong-fit.pdf"]
    assert strong["sha256"] == hashlib.sha256((cvs / "01-strong-fit.pdf").read_bytes()).hexdigest()
    assert (strong["status"], strong["verdict"], strong["unmet_gates"]) == ("ok", "pass", [])
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {c["file"]: c["score"] for c in report["candidates"]} == {f: e["score"] for f, e in by_file.items()}
    # No CV text and no personal data: not a line of the CVs, not a name, e-mail or phone number.
    text = log.read_text(encoding="utf-8")
    for name in FILES:
        source = SAMPLES / "src" / f"{Path(name).stem}.md"
        for line in (source if source.exists() else SAMPLES / name).read_text(encoding="utf-8").splitlines():
            words = line.strip("#-* ")
            assert len(words) < 12 or words not in text, words
    for personal in ("Priya", "Venkataraman", "WANJIRU", "priya.venkataraman@example.com", "98450", "Nairobi"):
        assert personal not in text
    assert main([*args, "--audit-log", str(log), "--no-audit"]) == 0
    assert len(_records(log)) == 1


def test_default_log_and_chain_across_commands(tmp_path: Path, _default_audit_log: Path) -> None:
    cvs = _folder(tmp_path)
    before = len(_records(_default_audit_log)) if _default_audit_log.exists() else 0
    assert main(["screen", str(cvs / FILES[1]), "--as-of", "2026-11-01", "-j", "1", "-f", "csv",
                 "-o", str(tmp_path / "r.csv")]) == 0
    expected = tmp_path / "expected.yaml"
    assert main(["check", "--samples", str(cvs), "--expected", str(expected), "--update",
                 "--as-of", "2026-11-01"]) == 0
    assert main(["check", "--samples", str(cvs), "--expected", str(expected)]) == 0
    assert main(["diff", str(RULES), str(RULES), str(cvs), "--as-of", "2026-11-01"]) == 0
    records = _records(_default_audit_log)[before:]
    assert [r["command"] for r in records] == ["screen", "check", "check", "diff"]
    assert records[1]["options"]["update"] is True and records[2]["options"]["update"] is False
    assert {f["file"] for f in records[2]["runs"][0]["files"]} == set(FILES)
    assert len(records[3]["runs"]) == 2 and records[3]["options"]["old_rules"] == str(RULES)
    assert verify(_default_audit_log).intact
    assert main(["audit", "verify"]) == 0


def test_unwritable_log_is_a_usage_error(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cvs = _folder(tmp_path)
    assert main(["screen", str(cvs / FILES[1]), "-j", "1", "--audit-log", str(blocker / "audit.jsonl")]) == 2
    captured = capsys.readouterr()
    assert "cannot write the audit log" in captured.err and captured.out == ""  # refused before screening
