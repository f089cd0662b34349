"""Scores never depend on who the person is: the same CV under six people, in every format, gets the
same years per skill, score and verdict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.identities import FORMATS, PEOPLE, REPO, render, with_person

# Sample sources with different verdicts and layouts: (source, PDF layout, DOCX mode).
BASES = {
    "01-strong-fit": (("below", "helv"), "headings"),  # pass
    "02-near-miss-go": (("right", "helv"), "table"),  # fail: Go under the minimum
    "11-year-only": (("right", "helv"), "inline"),  # year-only ranges
}


def _fingerprint(outcome: Any) -> dict[str, Any]:
    assessment, experience = outcome.assessment, outcome.experience
    assert assessment is not None and experience is not None, (outcome.file, outcome.error_message)
    return {"years": {sid: s.years for sid, s in experience.skills.items()},
            "experience": experience.total_years, "backend": experience.backend_years,
            "requirements": [(r.requirement.id, r.status, r.fraction) for r in assessment.results],
            "score": assessment.score, "verdict": assessment.verdict}


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[Path]]:
    """Every base CV × format × person, rendered once for the session."""
    folder = tmp_path_factory.mktemp("identities")
    files: dict[tuple[str, str], list[Path]] = {}
    for stem, (layout, mode) in BASES.items():
        source = (REPO / "samples" / "src" / f"{stem}.md").read_text(encoding="utf-8")
        for fmt in FORMATS:
            files[stem, fmt] = [render(with_person(source, person), fmt, folder / f"{stem}-{n}.{fmt}", layout, mode)
                                for n, person in enumerate(PEOPLE)]
    return files


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", BASES)
def test_same_cv_same_result_whoever_wrote_it(screener, generated, stem: str, fmt: str) -> None:
    outcomes = [screener.screen_file(path) for path in generated[stem, fmt]]
    for person, outcome in zip(PEOPLE, outcomes, strict=True):  # the swap happened: each document names its author
        text = outcome.document.text
        assert person.name.upper() in text.upper() and person.email in text and person.nationality in text
    first = _fingerprint(outcomes[0])
    assert first["years"]["go"] > 0  # a real result, not an empty one
    for person, outcome in zip(PEOPLE[1:], outcomes[1:], strict=True):
        assert _fingerprint(outcome) == first, person.name
