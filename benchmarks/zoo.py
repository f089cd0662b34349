"""The layout zoo as a benchmark:  python benchmarks/zoo.py [--seed N] [--count 500] [--writers txt,md,...]

Draws ``--count`` fictional CVs from ``--seed`` (each its own person and its own layout choices),
writes them to a temporary folder, screens them with the packaged rules at --as-of 2026-11-01, and
prints one line in the development set's format, then, per layout choice, how many documents had a
miss (a skill or the experience off by more than 0.25 y). ``--show N`` prints N missed documents with
what was wrong; ``--keep DIR`` keeps the documents.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.layout_zoo.build import build  # noqa: E402
from benchmarks.layout_zoo.layouts import CHOICES  # noqa: E402
from benchmarks.layout_zoo.score import breakdown, line, misses, summary  # noqa: E402

AS_OF = date(2026, 11, 1)


def screen(folder: Path, files: list[str]) -> dict[str, dict]:
    """Rows of the screener's JSON contract, one per file (screened in this process)."""
    from screener.pipeline import Screener
    from screener.report.contract import candidate_dict
    from screener.result import Candidate
    from screener.rules import default_rules_path, load_rules

    screener = Screener(load_rules(default_rules_path()), AS_OF)
    return {f: candidate_dict(Candidate.from_outcome(screener.screen_file(folder / f, f))) for f in files}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--writers", default=",".join(CHOICES["writer"]), help="comma-separated writers to draw from")
    ap.add_argument("--show", type=int, default=0, help="print this many missed documents")
    ap.add_argument("--keep", type=Path, help="write the documents here and keep them (documents already there "
                                              "are reused: the same seed draws the same documents)")
    a = ap.parse_args(argv)
    logging.disable(logging.WARNING)  # pdfminer's complaints about fonts are not results
    folder = a.keep or Path(tempfile.mkdtemp(prefix="zoo-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        started = time.monotonic()
        cases, skipped = build(a.seed, a.count, folder, tuple(a.writers.split(",")), reuse=a.keep is not None)
        built = time.monotonic()
        rows = screen(folder, [c.file for c in cases])
        done = time.monotonic()
        print(line("zoo", summary(cases, rows)))
        print(f"seed={a.seed} documents={len(cases)} written in {built - started:.0f}s, screened in "
              f"{done - built:.0f}s; not written here: {len(skipped)}"
              + (f" ({sorted(set(skipped))[0]}, …)" if skipped else ""))
        lines = breakdown(cases, rows)
        print("misses by layout choice (documents with a skill or experience off by > 0.25 y):")
        print("\n".join(lines) if lines else "  none")
        shown = [(c, m) for c in cases if (m := misses(c, rows.get(c.file)))][: a.show]
        for case, wrong in shown:
            choices = " ".join(f"{k}={v}" for k, v in case.choices.items())
            print(f"{case.file}: {'; '.join(wrong)}\n    {choices}")
    finally:
        if a.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
