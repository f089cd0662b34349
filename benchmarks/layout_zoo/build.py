"""Draw seeded sources and layouts and write the documents: the zoo's documents and their truth."""

from __future__ import annotations

import random
from pathlib import Path

from .layouts import arrange, draw_choices
from .score import Case
from .source import draw_source
from .writers import Unavailable, write


def build(seed: int, count: int, folder: Path, writers: tuple[str, ...] | None = None,
          reuse: bool = False) -> tuple[list[Case], list[str]]:
    """``count`` documents in ``folder`` (one source each, its own layout choices); also the reasons of
    documents that could not be written here (a missing program or font): they are drawn again.
    With ``reuse``, a document already in the folder is kept (the same seed draws the same documents)."""
    rng = random.Random(seed)
    cases: list[Case] = []
    skipped: list[str] = []
    attempts = 0
    while len(cases) < count and attempts < count * 3:
        attempts += 1
        source = draw_source(rng)
        choices = draw_choices(rng, writers)
        layout = arrange(source, choices, rng)
        stem = f"zoo-{seed}-{attempts:04d}"  # by draw, so a document that could not be written shifts no name
        try:
            path = write(layout, folder, stem, reuse=reuse)
        except Unavailable as exc:
            skipped.append(f"{choices['writer']}: {exc}")
            continue
        cases.append(Case(path.name, source.truth(), layout.choices))
    return cases, skipped
