"""Discovery: a folder's .screenerignore lists files as skipped instead of screening them."""

from __future__ import annotations

from pathlib import Path

from screener.discover import discover


def test_screenerignore_skips_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / ".screenerignore").write_text("# not CVs\nREADME.md\n*.yaml\nsrc/\n", encoding="utf-8")
    for name in ("cv.txt", "README.md", "answers.yaml", "src/cv-source.md", "deep/other.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    inputs, skipped = discover([tmp_path])
    assert [i.file for i in inputs] == ["cv.txt", "deep/other.md"]
    reasons = {s.file: s.reason for s in skipped}
    assert reasons["README.md"] == "excluded by .screenerignore ('README.md')"
    assert reasons["answers.yaml"] == "excluded by .screenerignore ('*.yaml')"
    assert reasons["src/"] == "excluded by .screenerignore ('src/')"
    assert reasons[".screenerignore"] == "hidden file"


def test_without_screenerignore_every_document_is_screened(tmp_path: Path) -> None:
    for name in ("a.txt", "README.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    inputs, skipped = discover([tmp_path])
    assert [i.file for i in inputs] == ["README.md", "a.txt"] and skipped == []
