"""The audit log: hash-chained records, safe concurrent appends, and `screener audit verify`."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from screener.audit.log import GENESIS, append, record_hash, verify
from screener.audit.records import file_entry, run_record
from screener.cli import main


def _record(n: int) -> dict:
    files = [file_entry(f"cv{n}.pdf", f"{n:064x}", "ok", 50.0 + n, "pass", [], blind=False)]
    return run_record("screen", {"format": "json"}, date(2026, 11, 1), [("rules.yaml", "ab" * 32, files)])


def _log(tmp_path: Path, count: int = 4) -> Path:
    log = tmp_path / "audit.jsonl"
    for n in range(1, count + 1):
        append(log, _record(n))
    return log


def _lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines()


def test_records_are_chained_and_numbered(tmp_path: Path) -> None:
    log = _log(tmp_path, 3)
    records = [json.loads(line) for line in _lines(log)]
    assert [r["seq"] for r in records] == [1, 2, 3]
    assert records[0]["prev"] == GENESIS
    assert [r["prev"] for r in records[1:]] == [r["hash"] for r in records[:2]]
    assert all(r["hash"] == record_hash(r) for r in records)
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    result = verify(log)
    assert result.intact and result.records == 3 and result.head == records[-1]["hash"]


def test_record_holds_outcomes_not_text(tmp_path: Path) -> None:
    record = json.loads(_lines(_log(tmp_path, 1))[0])
    assert set(record) == {"seq", "time", "version", "command", "options", "as_of", "runs", "prev", "hash"}
    assert record["time"].endswith("Z") and record["as_of"] == "2026-11-01"
    assert record["runs"][0]["files"][0] == {"file": "cv1.pdf", "sha256": f"{1:064x}", "status": "ok",
                                             "score": 51.0, "verdict": "pass", "unmet_gates": []}
    blind = file_entry("Jane Doe CV.pdf", "cd" * 32, "ok", 40.0, "fail", ["go_years"], blind=True)
    assert "file" not in blind and blind["sha256"] == "cd" * 32


def test_a_long_record_is_written_as_its_canonical_json(tmp_path: Path) -> None:
    """A batch's entries go to disk one at a time and are hashed and appended from there: the line is
    still exactly the record's canonical JSON, and its hash the one verify computes."""
    files = (file_entry(f"Zoë {n}.pdf", f"{n:064x}", "error" if n % 3 == 0 else "ok", None if n % 3 == 0 else n / 7,
                        None if n % 3 == 0 else "review", ["go_years"] if n % 2 else [], blind=False)
             for n in range(3000))
    log = tmp_path / "audit.jsonl"
    append(log, run_record("screen", {"paths": ["dossier/ü"], "top": None, "empty": {}}, date(2026, 11, 1),
                           [("rules.yaml", "ab" * 32, files), ("other.yaml", "cd" * 32, [])]))
    [line] = _lines(log)
    record = json.loads(line)
    assert line == json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert record["hash"] == record_hash(record) and verify(log).intact
    first, second = record["runs"]
    assert len(first["files"]) == 3000 and first["files"][7]["file"] == "Zoë 7.pdf" and second["files"] == []
    append(log, _record(2))  # chained onto it from the two ends of its line
    assert json.loads(_lines(log)[1])["prev"] == record["hash"] and json.loads(_lines(log)[1])["seq"] == 2
    assert verify(log).intact


def _edit(log: Path, n: int, change) -> None:
    lines = _lines(log)
    lines[n] = change(lines[n])
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_verify_names_an_edited_record(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _edit(log, 2, lambda line: line.replace('"verdict":"pass"', '"verdict":"fail"'))
    result = verify(log)
    assert (result.line, result.records) == (3, 2) and "edited" in result.problem


def test_verify_names_an_edited_and_rehashed_record_by_the_broken_link(tmp_path: Path) -> None:
    log = _log(tmp_path)

    def rehash(line: str) -> str:
        record = json.loads(line)
        record["runs"][0]["files"][0]["score"] = 99.0
        record["hash"] = record_hash(record)
        return json.dumps(record, sort_keys=True, separators=(",", ":"))

    _edit(log, 1, rehash)
    result = verify(log)
    assert result.line == 3 and "chain is broken" in result.problem


def test_verify_names_a_deleted_record(tmp_path: Path) -> None:
    log = _log(tmp_path)
    lines = _lines(log)
    del lines[1]
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = verify(log)
    assert result.line == 2 and "record 2 missing" in result.problem


def test_verify_names_reordered_records(tmp_path: Path) -> None:
    log = _log(tmp_path)
    lines = _lines(log)
    lines[1], lines[2] = lines[2], lines[1]
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = verify(log)
    assert result.line == 2 and "out of order" in result.problem


def test_verify_names_a_damaged_line(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _edit(log, 3, lambda line: line[: len(line) // 2])
    result = verify(log)
    assert result.line == 4 and "not a JSON record" in result.problem


def test_append_refuses_to_chain_onto_a_damaged_record(tmp_path: Path) -> None:
    from screener.errors import ScreenerError

    log = _log(tmp_path, 2)
    log.write_text(log.read_text() + '{"half a rec', encoding="utf-8")
    with pytest.raises(ScreenerError, match="damaged record"):
        append(log, _record(3))


def _append_many(path: str, start: int) -> None:
    for n in range(start, start + 15):
        append(Path(path), _record(n))


def test_concurrent_appends_keep_the_chain(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    workers = [ctx.Process(target=_append_many, args=(str(log), 100 * i)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    result = verify(log)
    assert result.intact and result.records == 60


def test_cli_verify_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _log(tmp_path)
    assert main(["audit", "verify", str(log)]) == 0
    assert "4 records, the chain is intact" in capsys.readouterr().out
    lines = _lines(log)
    del lines[2]
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["audit", "verify", str(log)]) == 1
    assert f"{log}:3: record 3 missing" in capsys.readouterr().out
    assert main(["audit", "verify", str(tmp_path / "none.jsonl")]) == 2
