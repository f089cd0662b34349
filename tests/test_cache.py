"""The parse cache: values survive the round trip, keys change with every stage's version, and a damaged,
foreign or tampered cache file never gives a wrong parse (it is a miss, and the file is rebuilt)."""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import threading
from pathlib import Path

import pytest

from screener.cache import ParseCache, document_key, findings_key, keys, parse_key
from screener.cache.codec import DecodeError, decode, decode_findings, encode, encode_findings
from screener.cache.store import _checksum
from screener.cli import main
from screener.extract import Limits, extract
from screener.model import Parsed
from screener.parse import parse
from tests.conftest import REPO

SAMPLES = REPO / "samples"
AS_OF_MONTH = 2026 * 12 + 10


@pytest.fixture(scope="module")
def rules(loaded_rules):
    return loaded_rules.rules


@pytest.fixture(scope="module")
def parsed_samples(screener) -> dict[str, tuple[str, Parsed]]:
    """Every sample CV's parse, by file name, with the sha256 of its bytes."""
    out = {}
    for path in sorted(SAMPLES.glob("[0-9]*")):
        data = path.read_bytes()
        document = extract(data, path.name)
        tokens = screener.finder.skills.tokenize(document.lines)
        out[path.name] = (hashlib.sha256(data).hexdigest(), Parsed(document, parse(document, AS_OF_MONTH), tokens))
    return out


def _keys(sha: str, name: str = "cv.pdf") -> tuple[str, str]:
    from screener.rules import default_rules_path, load_rules

    doc = document_key(sha, name, Limits())
    return parse_key(doc, AS_OF_MONTH, load_rules(default_rules_path()).rules), doc


def _fill(cache: ParseCache, parsed_samples: dict[str, tuple[str, Parsed]]) -> None:
    for name, (sha, parsed) in parsed_samples.items():
        cache.store(*_keys(sha, name), parsed)


def test_every_sample_parse_survives_the_round_trip(parsed_samples) -> None:
    for _, parsed in parsed_samples.values():
        assert decode(encode(parsed)) == parsed
    assert any(p.resume.positions for _, p in parsed_samples.values())


def test_cached_tokens_rebuild_the_same_text(parsed_samples) -> None:
    for _, parsed in parsed_samples.values():
        rebuilt = "".join(w + (" " if s else "") for w, s in zip(parsed.tokens.words, parsed.tokens.spaces,
                                                                strict=True))
        assert rebuilt.rstrip(" ") == parsed.document.text.rstrip(" ")


def test_stored_parse_is_loaded_by_its_key_only(tmp_path: Path, parsed_samples, rules) -> None:
    cache = ParseCache(tmp_path)
    _fill(cache, parsed_samples)
    for name, (sha, parsed) in parsed_samples.items():
        key, doc_key = _keys(sha, name)
        assert cache.load(key) == parsed
        assert cache.load_document(doc_key) == parsed.document
        assert cache.load(parse_key(doc_key, AS_OF_MONTH + 1, rules)) is None  # another 'Present'
    sha, _ = next(iter(parsed_samples.values()))
    assert cache.load(_keys(sha, "cv.md")[0]) is None  # the extension tells Markdown from text
    assert cache.load(parse_key(document_key(sha, "cv.pdf", Limits(max_pages=3)), AS_OF_MONTH, rules)) is None
    for more in ({"vocabulary": rules.vocabulary.model_copy(update={"job_titles": ["Wrangler"]})},  # title words
                 {"roles": rules.roles.model_copy(update={"internship": [*rules.roles.internship, "apprentice"]})}):
        assert cache.load(parse_key(_keys(sha)[1], AS_OF_MONTH, rules.model_copy(update=more))) is None
    assert cache.info().entries == len(parsed_samples)


def test_findings_survive_the_round_trip(parsed_samples, screener) -> None:
    for _, parsed in parsed_samples.values():
        findings = screener.finder.find(parsed)
        assert decode_findings(encode_findings(findings)) == findings
    assert any(screener.finder.find(p).keywords for _, p in parsed_samples.values())


def _requirement(rules, rid: str, **update: object):
    requirements = [r.model_copy(update=update) if r.id == rid else r for r in rules.requirements]
    return rules.model_copy(update={"requirements": requirements})


def test_findings_are_keyed_by_what_the_rules_look_for_not_by_how_they_score(rules) -> None:
    key = parse_key(document_key("0" * 64, "cv.pdf", Limits()), AS_OF_MONTH, rules)
    keyword = next(r for r in rules.requirements if r.keywords)
    years = next(r for r in rules.requirements if r.years is not None)
    go = rules.skills["go"]
    scoring = [rules.model_copy(update={"tolerance_years": 2.0}), _requirement(rules, years.id, years=years.years + 3),
               _requirement(rules, keyword.id, weight=keyword.weight + 1, at_least=1),
               _requirement(rules, years.id, gate=not years.gate)]
    words = [rules.model_copy(update={"skills": {**rules.skills, "go": go.model_copy(update={"aliases": [
                 *go.aliases, "golang-ish"]})}}),
             rules.model_copy(update={"skills": {**rules.skills, "go": go.model_copy(update={"not_followed_by": [
                 *go.not_followed_by, "fish"]})}}),
             rules.model_copy(update={"roles": rules.roles.model_copy(update={"backend": [*rules.roles.backend,
                                                                                          "plumber"]})}),
             _requirement(rules, keyword.id, keywords=[*(keyword.keywords or []), "sharding"])]
    assert {findings_key(key, r) for r in scoring} == {findings_key(key, rules)}
    assert len({findings_key(key, r) for r in [rules, *words]}) == 1 + len(words)


def test_forged_findings_with_a_matching_checksum_are_a_miss(tmp_path: Path, parsed_samples, screener, rules) -> None:
    sha, parsed = next(iter(parsed_samples.values()))
    key = findings_key(_keys(sha)[0], rules)
    cache = ParseCache(tmp_path)
    cache.store_findings(key, screener.finder.find(parsed))
    cache.close()
    forged = encode_findings(screener.finder.find(parsed)).replace('"text_chars":', '"text_chars":"9","x":', 1)
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE found SET value = ?, checksum = ?", (forged, _checksum(key, "", forged.encode())))
    db.close()
    assert ParseCache(tmp_path).load_findings(key) is None


@pytest.mark.parametrize("module, constant", [("screener.extract", "EXTRACTOR_VERSION"),
                                              ("screener.parse", "PARSER_VERSION")])
def test_a_new_stage_version_misses_the_cache(tmp_path: Path, parsed_samples, monkeypatch, module: str,
                                              constant: str) -> None:
    import importlib

    sha, parsed = next(iter(parsed_samples.values()))
    cache = ParseCache(tmp_path)
    cache.store(*_keys(sha), parsed)
    assert cache.load(_keys(sha)[0]) == parsed
    monkeypatch.setattr(importlib.import_module(module), constant, getattr(importlib.import_module(module),
                                                                           constant) + 1)
    keys._extraction_versions.cache_clear()
    keys._parse_versions.cache_clear()
    try:
        assert cache.load(_keys(sha)[0]) is None
    finally:
        monkeypatch.undo()
        keys._extraction_versions.cache_clear()
        keys._parse_versions.cache_clear()
    assert cache.load(_keys(sha)[0]) == parsed


@pytest.mark.parametrize("seed", range(8))
def test_flipped_bytes_never_give_a_wrong_parse(tmp_path: Path, parsed_samples, seed: int) -> None:
    cache = ParseCache(tmp_path)
    _fill(cache, parsed_samples)
    cache.close()  # checkpoints the write-ahead log into the file
    data = bytearray(cache.path.read_bytes())
    rng = random.Random(seed)
    # seed 0 damages the header; the others, bytes anywhere (mostly inside stored values)
    spots = range(0, 100, 7) if seed == 0 else [rng.randrange(len(data)) for _ in range(1 + seed * 20)]
    for i in spots:
        data[i] ^= 1 << rng.randrange(8)
    cache.path.write_bytes(bytes(data))

    damaged = ParseCache(tmp_path)
    for name, (sha, parsed) in parsed_samples.items():
        assert damaged.load(_keys(sha, name)[0]) in (parsed, None)
    _fill(damaged, parsed_samples)  # still usable (rebuilt where it had to be)
    for name, (sha, parsed) in parsed_samples.items():
        assert damaged.load(_keys(sha, name)[0]) == parsed


def test_a_garbage_file_is_rebuilt(tmp_path: Path, parsed_samples) -> None:
    cache = ParseCache(tmp_path)
    cache.path.parent.mkdir(parents=True, exist_ok=True)
    cache.path.write_bytes(random.Random(1).randbytes(50_000))
    sha, parsed = next(iter(parsed_samples.values()))
    assert cache.load(_keys(sha)[0]) is None
    cache.store(*_keys(sha), parsed)
    assert cache.load(_keys(sha)[0]) == parsed
    assert cache.info().entries == 1


def test_another_programs_database_is_rebuilt(tmp_path: Path, parsed_samples) -> None:
    path = tmp_path / "parse-cache.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE parsed (key TEXT, value TEXT)")  # our table's name, not our layout
        db.execute("INSERT INTO parsed VALUES ('k', 'v')")
    db.close()
    cache = ParseCache(tmp_path)
    sha, parsed = next(iter(parsed_samples.values()))
    assert cache.load(_keys(sha)[0]) is None
    cache.store(*_keys(sha), parsed)
    assert cache.load(_keys(sha)[0]) == parsed
    assert cache.info().entries == 1


def test_a_tampered_value_with_a_matching_checksum_is_a_miss(tmp_path: Path, parsed_samples) -> None:
    cache = ParseCache(tmp_path)
    sha, parsed = next(iter(parsed_samples.values()))
    key, doc_key = _keys(sha)
    cache.store(key, doc_key, parsed)
    cache.close()
    forged = encode(parsed).replace('"pages":', '"pages":"1","x":', 1)
    with pytest.raises(DecodeError):
        decode(forged)
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE parsed SET value = ?, checksum = ?", (forged, _checksum(key, doc_key, forged.encode())))
    db.close()
    assert ParseCache(tmp_path).load(key) is None
    assert ParseCache(tmp_path).info().entries == 0  # and the entry is gone


@pytest.mark.parametrize("forge", [
    lambda v: v["document"].update(kind="spreadsheet"),  # not a kind screener reads
    lambda v: v["document"].update(pages=True),  # a bool is not a page count
    lambda v: v["resume"]["sections"][0].update(kind="hobbies"),
    lambda v: v["resume"]["sections"][0]["lines"].append(10**6),  # no such line
    lambda v: v["lines"][0].__setitem__(1, "1"),
    lambda v: v["resume"]["positions"][0]["dates"].__setitem__(5, "lunar"),
    lambda v: v["tokens"].update(spaces=v["tokens"]["spaces"][:-1]),
    lambda v: v.update(format=v["format"] + 1),
    lambda v: v.pop("resume"),
], ids=["kind", "pages", "section", "line-ref", "line-number", "calendar", "spaces", "format", "missing"])
def test_a_parse_of_the_wrong_shape_is_refused(parsed_samples, forge) -> None:
    _, parsed = parsed_samples["01-strong-fit.pdf"]
    value = json.loads(encode(parsed))
    forge(value)
    with pytest.raises(DecodeError):
        decode(json.dumps(value))


def test_two_writers_at_once_keep_every_entry(tmp_path: Path, parsed_samples) -> None:
    items = list(parsed_samples.items())

    def write(part: list) -> None:
        cache = ParseCache(tmp_path)  # a connection of its own, as another run would have
        for name, (sha, parsed) in part:
            cache.store(*_keys(sha, name), parsed)
        cache.close()

    threads = [threading.Thread(target=write, args=(items[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cache = ParseCache(tmp_path)
    assert cache.info().entries == len(items)
    assert all(cache.load(_keys(sha, name)[0]) == parsed for name, (sha, parsed) in items)


def test_a_new_cache_opened_while_another_run_holds_its_lock_waits_for_it(tmp_path: Path, parsed_samples) -> None:
    """Two runs creating the cache at once: the switch to write-ahead logging is refused while the other
    holds a lock (SQLite's busy timeout does not cover it); the run waits instead of going on uncached."""
    tmp_path.mkdir(exist_ok=True)
    other = sqlite3.connect(ParseCache(tmp_path).path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, other.execute, ("COMMIT",)).start()
    cache = ParseCache(tmp_path)
    sha, parsed = next(iter(parsed_samples.values()))
    cache.store(*_keys(sha), parsed)
    assert cache.load(_keys(sha)[0]) == parsed
    other.close()


def test_a_cache_locked_too_long_by_another_run_is_left_alone(tmp_path: Path, parsed_samples,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that cannot get the lock goes on without the cache: the file is another run's, not damaged."""
    from screener.cache import store

    _fill(ParseCache(tmp_path), parsed_samples)
    other = sqlite3.connect(tmp_path / store.FILE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run, writing
    monkeypatch.setattr(store, "LOCK_WAIT", 0.1)
    name, (sha, parsed) = next(iter(parsed_samples.items()))
    blocked = ParseCache(tmp_path)
    blocked.store(*_keys(sha, name), parsed)  # waits, gives up, and keeps nothing: no error
    other.execute("ROLLBACK")
    other.close()
    assert ParseCache(tmp_path).info().entries == len(parsed_samples)


def test_cache_info_and_clear_commands(tmp_path: Path, parsed_samples, capsys) -> None:
    _fill(ParseCache(tmp_path), parsed_samples)
    assert main(["cache", "info", "--cache", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "parse-cache.sqlite3") in out
    assert f"entries:  {len(parsed_samples)}" in out
    assert main(["cache", "clear", "--cache", str(tmp_path)]) == 0
    assert f"{len(parsed_samples)} entries removed" in capsys.readouterr().out
    assert main(["cache", "info", "--cache", str(tmp_path)]) == 0
    assert "entries:  0" in capsys.readouterr().out


def test_the_suite_never_uses_the_real_user_cache() -> None:
    import platformdirs

    assert keys.default_folder() != Path(platformdirs.user_cache_dir("screener", appauthor=False))
