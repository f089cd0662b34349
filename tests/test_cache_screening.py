"""Screening with the parse cache gives the same report as without it; a rules change re-scores from the
cache without reading a file again; check and diff use it; a damaged cache file changes nothing."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest

from screener.cache import ParseCache
from screener.cli import main
from screener.pipeline import Screener
from screener.rules import load_rules
from tests.conftest import AS_OF, REPO

SAMPLES = REPO / "samples"
RULES = REPO / "rules" / "requirements.yaml"


@pytest.fixture(scope="module")
def cvs(tmp_path_factory) -> Path:
    """A PDF, a DOCX, a text and a Markdown sample (Markdown is told from text by its name)."""
    folder = tmp_path_factory.mktemp("cvs")
    for name in ("01-strong-fit.pdf", "02-near-miss-go.docx", "04-overlapping-jobs.txt", "05-go-verb.md"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "05-go-verb.txt").write_bytes((SAMPLES / "05-go-verb.md").read_bytes())  # same bytes, as text
    return folder


@pytest.fixture(scope="module")
def stricter_rules(tmp_path_factory) -> Path:
    text, count = re.subn(r"(^  - id: go_years\n(?:    .*\n)*?    years: )\S+", r"\g<1>20",
                          RULES.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    assert count == 1
    path = tmp_path_factory.mktemp("rules") / "stricter.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _report(*args: str) -> str:
    out = Path(args[args.index("-o") + 1])
    assert main(["screen", *args, "--as-of", AS_OF.isoformat(), "-f", "json", "--jobs", "2"]) == 0
    return out.read_text(encoding="utf-8")


def _scores(screener: Screener, folder: Path) -> list[tuple]:
    outcomes = [screener.screen_file(p, p.name) for p in sorted(folder.iterdir())]
    return [(o.file, o.status, o.assessment) for o in outcomes]


def test_a_cached_run_gives_the_same_report_byte_for_byte(tmp_path: Path, cvs: Path, monkeypatch) -> None:
    default = tmp_path / "default"
    monkeypatch.setenv("SCREENER_CACHE_DIR", str(default))
    uncached = _report(str(cvs), "-o", str(tmp_path / "0.json"), "--no-cache")
    assert not default.exists()  # --no-cache keeps nothing
    cold = _report(str(cvs), "-o", str(tmp_path / "1.json"))  # the default folder comes from the environment
    warm = _report(str(cvs), "-o", str(tmp_path / "2.json"), "--cache", str(default))
    assert uncached == cold == warm
    assert ParseCache(default).info().entries == len(list(cvs.iterdir()))
    assert json.loads(warm)["summary"]["ok"] == len(list(cvs.iterdir()))


def test_a_rules_change_rescores_from_the_cache_without_reading_files(tmp_path: Path, cvs: Path, loaded_rules,
                                                                       stricter_rules: Path, monkeypatch) -> None:
    cache = ParseCache(tmp_path)
    before = _scores(Screener(loaded_rules, AS_OF, cache=cache), cvs)
    stricter = load_rules(stricter_rules)
    expected = _scores(Screener(stricter, AS_OF), cvs)
    assert expected != before  # the change matters to someone

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached file was extracted again")

    monkeypatch.setattr("screener.pipeline.extract", no_reading)
    assert _scores(Screener(stricter, AS_OF, cache=cache), cvs) == expected


def test_another_month_parses_again_from_the_cached_document(tmp_path: Path, cvs: Path, loaded_rules,
                                                              monkeypatch) -> None:
    from datetime import date

    cache = ParseCache(tmp_path)
    _scores(Screener(loaded_rules, AS_OF, cache=cache), cvs)
    later = date(2027, 6, 1)
    expected = _scores(Screener(loaded_rules, later), cvs)
    monkeypatch.setattr("screener.pipeline.extract", lambda *a, **k: pytest.fail("extracted again"))
    assert _scores(Screener(loaded_rules, later, cache=cache), cvs) == expected


@pytest.mark.parametrize("seed", range(2))
def test_a_damaged_cache_file_changes_no_result(tmp_path: Path, cvs: Path, loaded_rules, screener, seed: int) -> None:
    expected = _scores(screener, cvs)
    cache = ParseCache(tmp_path)
    _scores(Screener(loaded_rules, AS_OF, cache=cache), cvs)
    cache.close()
    data = bytearray(cache.path.read_bytes())
    rng = random.Random(seed)
    for _ in range(200):
        data[rng.randrange(len(data))] ^= 0xFF
    cache.path.write_bytes(bytes(data))
    assert _scores(Screener(loaded_rules, AS_OF, cache=ParseCache(tmp_path)), cvs) == expected
    assert _scores(Screener(loaded_rules, AS_OF, cache=ParseCache(tmp_path)), cvs) == expected


def test_check_and_diff_fill_and_use_the_cache(tmp_path: Path, cvs: Path, stricter_rules: Path, capsys) -> None:
    cache = tmp_path / "cache"
    args = ["diff", str(RULES), str(stricter_rules), str(cvs), "--as-of", AS_OF.isoformat(), "--cache", str(cache)]
    assert main(args) == 1
    first = capsys.readouterr().out
    assert ParseCache(cache).info().entries == len(list(cvs.iterdir()))
    assert main(args) == 1
    assert capsys.readouterr().out == first
    samples = tmp_path / "samples"
    shutil.copytree(cvs, samples)
    check = ["check", "--samples", str(samples), "--as-of", AS_OF.isoformat(), "--cache", str(tmp_path / "c2")]
    assert main([*check, "--update"]) == 0
    assert ParseCache(tmp_path / "c2").info().entries == len(list(cvs.iterdir()))
    assert main(check) == 0


def _changed(loaded, **changes: object):
    """The rules with some requirements changed (``{id: {field: value}}``) or other top-level fields."""
    from screener.rules import LoadedRules

    rules = loaded.rules
    requirements = [r.model_copy(update=changes.get("requirements", {}).get(r.id, {})) for r in rules.requirements]
    top = {k: v for k, v in changes.items() if k != "requirements"}
    return LoadedRules(rules.model_copy(update={"requirements": requirements, **top}), loaded.path, loaded.sha256)


def test_a_threshold_or_weight_change_rescores_cached_findings_without_matching(tmp_path: Path, cvs: Path,
                                                                               loaded_rules, monkeypatch) -> None:
    cache = ParseCache(tmp_path)
    _scores(Screener(loaded_rules, AS_OF, cache=cache), cvs)
    moved = _changed(loaded_rules, tolerance_years=1.0,
                     requirements={"go_years": {"years": 9.0, "weight": 5.0}, "docker": {"gate": False}})
    expected = _scores(Screener(moved, AS_OF), cvs)
    assert expected != _scores(Screener(loaded_rules, AS_OF), cvs)
    monkeypatch.setattr("screener.findings.Finder.find", lambda *a: pytest.fail("matched again"))
    monkeypatch.setattr("screener.pipeline.extract", lambda *a, **k: pytest.fail("extracted again"))
    assert _scores(Screener(moved, AS_OF, cache=cache), cvs) == expected


def test_new_words_are_found_again_in_the_cached_parse(tmp_path: Path, cvs: Path, loaded_rules, monkeypatch) -> None:
    cache = ParseCache(tmp_path)
    _scores(Screener(loaded_rules, AS_OF, cache=cache), cvs)
    skills = dict(loaded_rules.rules.skills)
    skills["kafka"] = skills["kafka"].model_copy(update={"aliases": [*skills["kafka"].aliases, "event streaming"]})
    keyword = next(r for r in loaded_rules.rules.requirements if r.keywords)
    more = _changed(loaded_rules, skills=skills,
                    requirements={keyword.id: {"keywords": [*(keyword.keywords or []), "consumer"]}})
    expected = _scores(Screener(more, AS_OF), cvs)
    monkeypatch.setattr("screener.pipeline.extract", lambda *a, **k: pytest.fail("extracted again"))
    assert _scores(Screener(more, AS_OF, cache=cache), cvs) == expected


def test_a_file_that_cannot_be_read_is_not_read_again(tmp_path: Path, loaded_rules, monkeypatch) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    cache = ParseCache(tmp_path / "cache")
    first = _scores(Screener(loaded_rules, AS_OF, cache=cache), folder)
    assert all(status == "error" for _, status, _ in first)
    read = []
    monkeypatch.setattr("screener.pipeline.extract", lambda *a, **k: read.append(a[1]) or pytest.fail("read"))
    again = [(o.file, o.error_code, o.error_message) for o in
             (Screener(loaded_rules, AS_OF, cache=cache).screen_file(p, p.name) for p in sorted(folder.iterdir()))]
    assert [(f, s) for f, s, _ in first] == [(f, "error") for f, _, _ in again]
    assert not read


def test_a_warm_run_starts_no_worker_and_loads_no_reader(tmp_path: Path, cvs: Path, stricter_rules: Path) -> None:
    import subprocess
    import sys

    cache = tmp_path / "cache"
    args = [str(cvs), "--as-of", AS_OF.isoformat(), "-f", "json", "--cache", str(cache), "--no-audit"]
    assert main(["screen", *args, "-o", str(tmp_path / "cold.json")]) == 0
    probe = ("import sys; from screener.cli import main; code = main(sys.argv[1:]); "
             "print(code, sorted(m for m in ('spacy', 'pdfminer', 'pypdfium2', 'docx', 'bs4', "
             "'multiprocessing.forkserver', 'screener.parse.dates', 'phonenumbers') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe, "screen", *args, "--rules", str(stricter_rules),
                           "-o", str(tmp_path / "warm.json")], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.split(None, 1) == ["0", "[]\n"], done.stderr
    uncached = tmp_path / "uncached.json"
    assert main(["screen", *args[:-3], "--no-cache", "--no-audit", "--rules", str(stricter_rules),
                 "-o", str(uncached)]) == 0
    assert (tmp_path / "warm.json").read_bytes() == uncached.read_bytes()


@pytest.mark.parametrize("helper_dies", [False, True])
def test_cached_rows_split_over_two_processes_are_the_rows_of_one(tmp_path: Path, cvs: Path, loaded_rules,
                                                                  monkeypatch, helper_dies: bool) -> None:
    import os

    from screener import batch
    from screener.discover import discover
    from screener.spool import unpacked
    from screener.worker import Settings

    inputs, _ = discover([cvs])
    settings = Settings(loaded_rules, AS_OF, cache=tmp_path)
    _scores(Screener(loaded_rules, AS_OF, cache=ParseCache(tmp_path)), cvs)  # every file cached

    def run(processes: int) -> tuple[dict[int, object], list[int]]:
        rows: dict[int, object] = {}
        missed = batch.screen_cached(inputs, settings, tmp_path, lambda i, row: rows.__setitem__(i, unpacked(row)),
                                     lambda: None, processes)
        return rows, missed

    one = run(1)
    assert sorted(one[0]) == list(range(len(inputs))) and one[1] == []
    monkeypatch.setattr(batch, "SPLIT_FROM", 2)
    if helper_dies:
        monkeypatch.setattr(batch, "_help", lambda *args: os._exit(1))
    rows, missed = run(2)
    helped = list(range(1, len(inputs), 2))
    assert missed == (helped if helper_dies else [])  # what a dead helper did not answer goes to workers
    assert rows == {i: row for i, row in one[0].items() if i not in missed}
