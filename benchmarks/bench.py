"""Throughput and memory of `screener screen`:  python benchmarks/bench.py [--cvs N]

Writes N CVs (TXT, Markdown, PDF, DOCX: the samples with small variations, plus generated ones) to a
temporary folder, then, for --jobs 1 and 2, runs a fresh process that screens the folder twice
through the CLI with a parse cache of its own, empty at first: the first run is "cold" (timed from
process start: imports, forkserver, spaCy in each worker), the second "warm" (same process, every
file a cache hit). 'jobs none' is the reference without workers: the same report from the pipeline
called in one process, with no cache and no time or memory limits. Peak memory is the high-water mark
(VmHWM) of the CLI process and of its largest worker, sampled from /proc (Linux).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.hostile_recipes import CV_TEXT, cv_pdf, docx, marked_processes, peak_rss_mb

SKILLS = ["Go", "Kafka", "MySQL", "Redis", "Docker", "PHP", "Python", "Java", "Rust", "Kubernetes"]
CHILD = """
import sys, time
from pathlib import Path
folder, jobs, out, cache = sys.argv[1:5]
if jobs == "0":  # the reference: the same report from one process, no workers and no limits
    from datetime import date
    from screener.pipeline import Screener
    from screener.report import Format, formatter
    from screener.rules import find_rules, load_rules
    screener = Screener(load_rules(find_rules(None)), date(2026, 11, 1))
    def once():
        report = screener.screen_paths([Path(folder)])
        Path(out).write_text(formatter(Format.json).render(report), encoding="utf-8")
else:
    from screener.cli import main
    args = ["screen", folder, "-f", "json", "-o", out, "--as-of", "2026-11-01", "--jobs", jobs, "--cache", cache]
    once = lambda: main(args) == 0 or sys.exit(1)
once()
first = time.time()
once()
print(first, time.time() - first)
"""


def variant(i: int) -> str:
    """CV_TEXT with another name, other years and other skills."""
    rng = random.Random(i)
    start = rng.randint(2005, 2020)
    skills = ", ".join(rng.sample(SKILLS, 5))
    return (CV_TEXT.replace("JANE EXAMPLE", f"CANDIDATE {i}").replace("2019-01", f"{start + 3}-0{rng.randint(1, 9)}")
            .replace("2015-03", f"{start}-0{rng.randint(1, 9)}").replace("2018-12", f"{start + 2}-12")
            .replace("Go, Kafka, MySQL, Redis, Docker", skills))


def write_cvs(folder: Path, count: int) -> dict[str, int]:
    """``count`` CVs in ``folder``; the number of each kind."""
    samples = sorted(p for p in (REPO / "samples").glob("[0-9]*") if p.suffix in (".pdf", ".docx", ".txt", ".md"))
    kinds: dict[str, int] = {}
    for i in range(count):
        if samples and i % 2 == 0:
            source = samples[(i // 2) % len(samples)]
            target = folder / f"{i:04d}-{source.name}"
            if source.suffix in (".txt", ".md"):
                target.write_text(source.read_text(encoding="utf-8") + f"\nReference {i}\n", encoding="utf-8")
            else:
                shutil.copyfile(source, target)
        else:
            suffix = (".txt", ".pdf", ".docx")[i % 3]
            target = folder / f"{i:04d}-generated{suffix}"
            text = variant(i)
            if suffix == ".pdf":
                target.write_bytes(cv_pdf(text=text))
            elif suffix == ".docx":
                target.write_bytes(docx(text=text))
            else:
                target.write_text(text, encoding="utf-8")
        kinds[target.suffix] = kinds.get(target.suffix, 0) + 1
    return kinds


class PeakSampler(threading.Thread):
    """Polls the VmHWM of every process carrying a marker: the CLI process and, apart, its workers."""

    def __init__(self, marker: str, root: int) -> None:
        super().__init__(daemon=True)
        self.marker, self.root = marker, root
        self.parent = self.child = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            for pid in marked_processes(self.marker):
                rss = peak_rss_mb(pid)
                if pid == self.root:
                    self.parent = max(self.parent, rss)
                else:
                    self.child = max(self.child, rss)


def sampled(command: list[str], env: dict[str, str] | None = None,
            **popen: Any) -> tuple[subprocess.Popen[str], str, str, PeakSampler]:
    """Run ``command`` to its end while sampling the peak memory of it and of its workers."""
    marker = uuid.uuid4().hex
    process = subprocess.Popen(command, text=True, env={**os.environ, **(env or {}), "SCREENER_TEST_MARK": marker},
                               **popen)
    sampler = PeakSampler(marker, process.pid)
    sampler.start()
    stdout, stderr = process.communicate()
    sampler.done.set()
    sampler.join()
    return process, stdout, stderr, sampler


def run(folder: Path, jobs: int, count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        start = time.time()
        process, stdout, _, sampler = sampled(
            [sys.executable, "-c", CHILD, str(folder), str(jobs), f"{out}/r.json", f"{out}/cache"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if process.returncode != 0:
            raise SystemExit(f"the benchmark run failed (exit {process.returncode})")
        screened = len(json.loads(Path(out, "r.json").read_text(encoding="utf-8"))["candidates"])
        assert screened == count, f"{screened} of {count} CVs screened"
    first, warm = map(float, stdout.split())
    return {"cold": count / (first - start), "warm": count / warm, "cold_s": first - start, "warm_s": warm,
            "parent_mb": sampler.parent, "worker_mb": sampler.child}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cvs", type=int, default=240, help="how many CVs to generate (default 240)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kinds = write_cvs(folder, args.cvs)
        print(f"{args.cvs} CVs: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
        print(f"{'jobs':>4} {'cold CV/s':>10} {'(s)':>6} {'warm CV/s':>10} {'(s)':>6} {'parent MiB':>11} "
              f"{'worker MiB':>11}")
        for jobs in (1, 2, 0):
            r = run(folder, jobs, args.cvs)
            print(f"{jobs or 'none':>4} {r['cold']:>10.1f} {r['cold_s']:>6.2f} {r['warm']:>10.1f} {r['warm_s']:>6.2f} "
                  f"{r['parent_mb']:>11.0f} {r['worker_mb']:>11.0f}")


if __name__ == "__main__":
    main()
