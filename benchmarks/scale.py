"""Memory and throughput as the folder grows:  python benchmarks/scale.py [--sizes 1000 5000 20000] [--jobs 2]

For each size, writes that many byte-unique CVs (plain text and Markdown: cheap to read, so the parent's
share of the work shows) to a temporary folder, then times one fresh `screener screen FOLDER -f json -o
FILE --jobs J --no-cache --no-audit` and samples, from /proc (Linux), the peak memory (VmHWM) of the CLI
process and of its largest worker. Printed per size: seconds, CVs per second (from process start), the
two peaks and the report's size; then the parent's peak and the throughput of the largest size against
the smallest. Nothing is kept.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench import sampled, variant  # noqa: E402


def write_folder(folder: Path, count: int) -> None:
    """``count`` distinct CVs, alternately .txt and .md, each with its own reference line."""
    for i in range(count):
        suffix = ".md" if i % 2 else ".txt"
        (folder / f"cv{i:06d}{suffix}").write_text(variant(i) + f"\nReference {uuid.uuid4().hex}\n", encoding="utf-8")


def screen(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    start = time.monotonic()
    process, _, err, sampler = sampled(
        [sys.executable, "-m", "screener", "screen", str(folder), "-f", "json", "-o", str(out),
         "--as-of", "2026-11-01", "--jobs", str(jobs), "--no-cache", "--no-audit"],
        env={"PYTHONPATH": str(REPO)}, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.monotonic() - start
    if process.returncode != 0:
        raise SystemExit(f"screening failed (exit {process.returncode}): {err.strip()}")
    return {"seconds": seconds, "parent_mb": sampler.parent, "worker_mb": sampler.child,
            "report_mb": out.stat().st_size / 1e6, "summary": err.strip().splitlines()[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(f"{'files':>6} {'seconds':>8} {'CV/s':>6} {'parent MiB':>11} {'worker MiB':>11} {'report MB':>10}")
    results = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="screener-scale-") as tmp:
            folder = Path(tmp, "cvs")
            folder.mkdir()
            write_folder(folder, size)
            r = results[size] = screen(folder, Path(tmp, "report.json"), args.jobs)
        print(f"{size:>6} {r['seconds']:>8.1f} {size / r['seconds']:>6.1f} {r['parent_mb']:>11.0f} "
              f"{r['worker_mb']:>11.0f} {r['report_mb']:>10.1f}   {r['summary']}", flush=True)
    small, large = min(results), max(results)
    if small != large:
        a, b = results[small], results[large]
        print(f"parent peak at {large} files: {b['parent_mb'] / a['parent_mb']:.2f}x its value at {small}; "
              f"throughput {100 * ((large / b['seconds']) / (small / a['seconds']) - 1):+.1f}%")


if __name__ == "__main__":
    main()
