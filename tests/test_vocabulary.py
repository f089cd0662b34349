"""The vocabulary files: shipped complete, checked like the rules file, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.parse import wordlists as vocabulary
from screener.parse.wordlists import Months, OpenEnds, VocabularyError, parse_vocabulary

MONTHS_HEAD = "jalali: {}\nyear_marks: [年]\nmonth_marks: [月]\ngregorian:\n"


def test_every_shipped_language_names_all_twelve_months() -> None:
    months = vocabulary.months()
    assert len(months.gregorian) >= 15
    for language, names in months.gregorian.items():
        assert sorted(names) == list(range(1, 13)), language
    for script, names in months.jalali.items():
        assert sorted(names) == list(range(1, 13)), script


def test_files_are_read_once_per_process() -> None:
    assert vocabulary.open_ends() is vocabulary.open_ends()


def test_the_version_follows_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in vocabulary.VOCABULARY_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(vocabulary, "VOCABULARY_DIR", tmp_path)
    assert vocabulary._fingerprint() == vocabulary.VOCABULARY_VERSION
    with (tmp_path / "months.yaml").open("a", encoding="utf-8") as f:
        f.write("# an edit\n")
    assert vocabulary._fingerprint() != vocabulary.VOCABULARY_VERSION


def test_a_word_naming_two_months_is_refused_with_its_line() -> None:
    text = MONTHS_HEAD + "  english:\n    1: [jan]\n  lingo:\n    2: [feb, jan]\n"
    with pytest.raises(VocabularyError) as err:
        parse_vocabulary(text, "months.yaml", Months)
    [problem] = err.value.problems
    assert problem.startswith("months.yaml:8:14:")
    assert "gregorian.lingo.2[1]" in problem and "'jan'" in problem and "month 2 here but gregorian month 1" in problem


def test_a_misspelt_key_and_a_wrong_value_are_named() -> None:
    text = "present: [now]\nsince: [since]\nonwards: [onwards]\nuntil: [to]\nupdated: [updated]\nuntill: [x]\n"
    with pytest.raises(VocabularyError) as err:
        parse_vocabulary(text, "open_ends.yaml", OpenEnds)
    assert err.value.problems == ["open_ends.yaml:6:1: untill: unknown key"]
    text = "present: [now, yes]\nsince: [since]\nonwards: [onwards]\nuntil: [to]\nupdated: [updated]\n"
    with pytest.raises(VocabularyError) as err:
        parse_vocabulary(text, "open_ends.yaml", OpenEnds)
    [problem] = err.value.problems
    assert problem.startswith("open_ends.yaml:1:16: present[1]:")


def test_a_month_number_out_of_range_points_at_the_month() -> None:
    text = MONTHS_HEAD + "  english:\n    1: [jan]\n    13: [smarch]\n"
    with pytest.raises(VocabularyError) as err:
        parse_vocabulary(text, "months.yaml", Months)
    [problem] = err.value.problems
    assert problem.startswith("months.yaml:7:") and "gregorian.english.13" in problem


@pytest.mark.parametrize("text", ["", "present: [now\n", "!!python/object:os.system {}\n"])
def test_empty_broken_or_tagged_files_are_clear_errors(text: str) -> None:
    with pytest.raises(VocabularyError) as err:
        parse_vocabulary(text, "open_ends.yaml", OpenEnds)
    assert all(p.startswith("open_ends.yaml:") for p in err.value.problems)
