"""The hostile set at scale:  python benchmarks/hostile.py [--jobs N] [--timeout S]

Builds two copies of the hostile recipes (tests/hostile_recipes.py) with the inflate bomb and a 50 MB
text file, plus good CVs, screens them in one CLI run with default limits except --timeout (the
self-referencing PDFs each cost the whole timeout), and checks that every entry is accounted for as
the recipes expect. Prints the wall time and the peak memory (VmHWM, sampled from /proc) of the CLI
process and of its largest worker. Exit 1 when an entry is missing or wrong, or a budget is exceeded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench import sampled
from tests.hostile_recipes import CV_TEXT, Expect, build_hostile, cv_pdf

BUDGET_S, BUDGET_MIB = 180, 1024


def build(root: Path) -> dict[str, Expect]:
    """Sets a/ and b/ of hostile files and c/ of good CVs; report name → expectation."""
    expected: dict[str, Expect] = {}
    for name, options in (("a", {"big_text_mb": 50, "bomb": True}), ("b", {"bomb": True})):
        (root / name).mkdir()
        expected.update({f"{root / name}/{k}": v for k, v in build_hostile(root / name, **options).items()})
    (root / "c").mkdir()
    for i in range(20):
        path = root / "c" / f"good-{i:02d}{'.pdf' if i % 2 else '.txt'}"
        path.write_bytes(cv_pdf() if i % 2 else CV_TEXT.encode())
        expected[str(path)] = ("ok", None)
    return expected


def problems(report: dict, expected: dict[str, Expect]) -> list[str]:
    rows = {r["file"]: r for r in report["candidates"]}
    skipped = {s["file"]: s["reason"] for s in report["skipped"]}
    found = [f"not in the report: {name}" for name in sorted(set(expected) - set(rows) - set(skipped))]
    found += [f"not expected: {name}" for name in sorted((set(rows) | set(skipped)) - set(expected))]
    if len(rows) + len(skipped) != report["summary"]["files"]:
        found.append("the summary's count of files does not add up")
    for name, (kind, detail) in expected.items():
        if kind == "skipped":
            if not (name in skipped and str(detail) in skipped[name]):
                found.append(f"{name}: expected skipped ({detail}), got {skipped.get(name) or rows.get(name)}")
        elif name not in rows or rows[name]["status"] != kind or (
                kind == "error" and rows[name]["error"]["code"] not in detail):  # type: ignore[operator]
            row = rows.get(name)
            found.append(f"{name}: expected {kind} {sorted(detail) if detail else ''}, got "
                         f"{row and (row['status'], row['error'])}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds per file (default 10)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.monotonic()
        expected = build(root)
        built = time.monotonic() - start
        out = root / "report.json"
        start = time.monotonic()
        process, _, err, sampler = sampled(
            [sys.executable, "-m", "screener", "screen", *(str(root / s) for s in "abc"), "-f", "json", "-o",
             str(out), "--jobs", str(args.jobs), "--timeout", str(args.timeout)], stderr=subprocess.PIPE)
        elapsed = time.monotonic() - start
        if process.returncode != 0:
            print(f"the run failed (exit {process.returncode}):\n{err}")
            return 1
        report = json.loads(out.read_text(encoding="utf-8"))
    found = problems(report, expected)
    peak = max(sampler.parent, sampler.child)
    s = report["summary"]
    unaccounted = sum(line.startswith("not ") for line in found)
    print(f"{s['files']} entries ({len(expected)} expected; built in {built:.1f} s): {s['ok']} ok, "
          f"{s['errors']} errors, {s['skipped']} skipped; every entry accounted for: "
          f"{'yes' if not unaccounted else 'NO'}; as the recipes expect: {len(expected) - len(found)} "
          f"of {len(expected)}")
    print(f"time {elapsed:.1f} s with --jobs {args.jobs} --timeout {args.timeout:g} (budget {BUDGET_S} s)")
    print(f"peak memory: CLI process {sampler.parent:.0f} MiB, largest worker {sampler.child:.0f} MiB "
          f"(budget {BUDGET_MIB} MiB)")
    for line in found:
        print("  " + line)
    return 1 if found or elapsed > BUDGET_S or peak > BUDGET_MIB else 0


if __name__ == "__main__":
    sys.exit(main())
