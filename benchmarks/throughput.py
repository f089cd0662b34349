"""Cold and warm throughput on one mixed folder:  python benchmarks/throughput.py [--files N] [--dask]

The folder (a temporary copy, never kept) mixes the development set, the real corpus beside the
checkout (../shared) and generated CVs (benchmarks/bench.py) up to N files (default 1000). Printed,
side by side, each with the machine's load average (a shared machine makes wall times noisy; CPU
seconds and the cold ratio, measured back to back, say more):

- cold: a fresh `screener screen --jobs J` process with an empty parse cache (it fills it), timed from
  process start, and the reference: one process running pdfminer.six's ``extract_text`` on every PDF
  (python-docx for DOCX, a plain read for text) over the same files;
- warm: a fresh process after a rules change (every year threshold one higher), every file's findings
  read from the cache, timed from process start and after the imports (the screening itself); and
  `screener diff` of the two rules files over the first 500 files;
- p50/p95 seconds per file, screened one by one in this process, without and with the cache;
- peak memory (VmHWM) of the largest worker and of the CLI process;
- with --dask: the same screen on a local Dask cluster of 1, 2 and 4 single-threaded workers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from benchmarks.bench import PeakSampler, write_cvs  # noqa: E402
from tests.hostile_recipes import marked_processes, peak_rss_mb  # noqa: E402

AS_OF = "2026-11-01"
# The child times the screening apart from the interpreter's start and the parent's imports (spaCy).
CHILD = """
import sys, time
start = time.time()
from screener.cli import main
import screener.batch, screener.pipeline, screener.report, screener.diff
imported = time.time()
code = main(sys.argv[1:])
print(start, imported, time.time(), code)
"""
REFERENCE = """
import sys, time, logging
from pathlib import Path
logging.disable(logging.CRITICAL)
start = time.time()
from pdfminer.high_level import extract_text
import docx
for path in sorted(Path(sys.argv[1]).iterdir()):
    try:
        if path.suffix == ".pdf":
            extract_text(str(path))
        elif path.suffix == ".docx":
            "\\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        else:
            path.read_bytes().decode("utf-8", "replace")
    except Exception:
        pass
print(time.time() - start, time.process_time())
"""


def build_folder(folder: Path, files: int) -> dict[str, int]:
    """The devset, the real corpus's documents and generated CVs, ``files`` in all."""
    sources = [p for d in (SHARED / "devset" / "cvs", SHARED / "corpus" / "real") if d.is_dir()
               for p in sorted(d.iterdir()) if p.is_file() and p.suffix.lower() in (".pdf", ".docx", ".txt", ".md")]
    for n, path in enumerate(sources[:files]):
        shutil.copyfile(path, folder / f"s{n:03d}-{path.name}")
    generated = write_cvs(folder, max(0, files - len(sources)))
    return {"devset+real": min(len(sources), files), **generated}


def stricter_rules(folder: Path) -> Path:
    """The shipped rules with every year threshold one year higher: a rules change that moves outcomes."""
    text = (REPO / "rules" / "requirements.yaml").read_text(encoding="utf-8")
    text, count = re.subn(r"^(\s+years: )(\d+(?:\.\d+)?)", lambda m: f"{m.group(1)}{float(m.group(2)) + 1:g}",
                          text, flags=re.MULTILINE)
    assert count, "no year threshold found in the rules"
    path = folder / "stricter.yaml"
    path.write_text(text, encoding="utf-8")
    return path


class Sampler(PeakSampler):
    """Peak memory as in bench.py, plus the CPU seconds used by every marked process (the CLI, its
    forkserver and workers): on a shared machine, CPU time says what wall time cannot."""

    def __init__(self, marker: str, root: int) -> None:
        super().__init__(marker, root)
        self.cpu: dict[int, float] = {}

    def run(self) -> None:
        ticks = os.sysconf("SC_CLK_TCK")
        while not self.done.wait(0.05):
            for pid in marked_processes(self.marker):
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
                except OSError:
                    continue
                self.cpu[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
                rss = peak_rss_mb(pid)
                if pid == self.root:
                    self.parent = max(self.parent, rss)
                else:
                    self.child = max(self.child, rss)


def cli(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run the CLI in a fresh process; its times, CPU seconds and the peak memory of it and its workers."""
    marker = uuid.uuid4().hex
    launched = time.time()
    process = subprocess.Popen([sys.executable, "-c", CHILD, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True,
                               env={**os.environ, **env, "SCREENER_TEST_MARK": marker})
    sampler = Sampler(marker, process.pid)
    sampler.start()
    stdout, _ = process.communicate()
    sampler.done.set()
    sampler.join()
    start, imported, end, code = stdout.split()[-4:]
    if code not in ("0", "1"):
        raise SystemExit(f"screener {' '.join(args[:1])} failed (exit {code})")
    return {"total": float(end) - launched, "work": float(end) - float(imported), "cpu": sum(sampler.cpu.values()),
            "parent_mb": sampler.parent, "worker_mb": sampler.child}


def per_file(folder: Path, cache: Path | None) -> list[float]:
    """CPU seconds per file, screened one by one in this process (no workers, no limits)."""
    import logging
    from datetime import date

    from screener.cache import ParseCache
    from screener.pipeline import Screener
    from screener.rules import find_rules, load_rules

    screener = Screener(load_rules(find_rules(None)), date.fromisoformat(AS_OF),
                        cache=ParseCache(cache) if cache else None)
    logging.disable(logging.CRITICAL)  # pdfminer's complaints about damaged files
    times = []
    for path in sorted(folder.iterdir()):
        start = time.process_time()
        screener.screen_file(path, path.name)
        times.append(time.process_time() - start)
    return times


def load() -> str:
    return f" [load average {os.getloadavg()[0]:.2f}]"


def quantiles(times: list[float]) -> str:
    cuts = statistics.quantiles(times, n=100)
    return f"p50 {cuts[49] * 1000:.1f} ms, p95 {cuts[94] * 1000:.1f} ms"


def on_dask(folder: Path, files: int, workers: int) -> float:
    from distributed import LocalCluster

    with (LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                       dashboard_address=None, worker_dashboard_address=None) as cluster,
          tempfile.TemporaryDirectory() as out):
        timing = cli(["screen", str(folder), "--as-of", AS_OF, "-f", "json", "-o", f"{out}/r.json", "--no-cache",
                      "--no-audit", "--executor", "dask", "--scheduler", cluster.scheduler_address], {})
        report = json.loads(Path(out, "r.json").read_text(encoding="utf-8"))
        assert len(report["candidates"]) == files
    return timing["work"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="files in the folder (default 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--dask", action="store_true", help="also screen on local Dask clusters of 1, 2, 4 workers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp, "cvs"), Path(tmp, "cache")
        folder.mkdir()
        kinds = build_folder(folder, args.files)
        rules = stricter_rules(Path(tmp))
        n = len(list(folder.iterdir()))
        print(f"{n} files: " + ", ".join(f"{count} {kind}" for kind, count in kinds.items()))
        env = {"SCREENER_CACHE_DIR": str(cache)}
        screen = ["screen", str(folder), "--as-of", AS_OF, "-f", "json", "-o", str(Path(tmp, "r.json")),
                  "--jobs", str(args.jobs), "--no-audit"]

        reference, reference_cpu = map(float, subprocess.run([sys.executable, "-c", REFERENCE, str(folder)],
                                                             capture_output=True, text=True, check=True).stdout.split())
        print(f"pdfminer extract_text loop, one process: {n / reference:.1f} files/s ({reference:.1f} s, "
              f"{reference_cpu:.1f} CPU s){load()}")
        cold = cli(screen, env)
        print(f"cold, --jobs {args.jobs}: {n / cold['total']:.1f} files/s ({cold['total']:.1f} s from process "
              f"start, {cold['work']:.1f} s after imports, {cold['cpu']:.1f} CPU s): {reference / cold['total']:.2f}x "
              f"as fast as the loop; {reference_cpu / cold['cpu']:.2f}x less CPU{load()}")
        print(f"peak memory: largest worker {cold['worker_mb']:.0f} MiB, CLI process {cold['parent_mb']:.0f} MiB")
        warm = cli([*screen, "--rules", str(rules)], env)
        print(f"warm (rules changed, every file's findings cached), {n} files: {warm['total']:.2f} s from process "
              f"start, {warm['work']:.2f} s after imports, {warm['cpu']:.2f} CPU s{load()}")
        first = [str(p) for p in sorted(folder.iterdir())[:500]]
        diff = cli(["diff", str(REPO / "rules" / "requirements.yaml"), str(rules), *first, "--as-of", AS_OF,
                    "--no-audit"], env)
        print(f"diff of two rules files, warm, {len(first)} files: {diff['total']:.2f} s from process start, "
              f"{diff['work']:.2f} s after imports, {diff['cpu']:.2f} CPU s{load()}")
        warm_times = per_file(folder, cache)
        print(f"CPU time per file, one process: cold {quantiles(per_file(folder, None))}; warm "
              f"{quantiles(warm_times)}, {sum(warm_times):.2f} s for all {n}")
        if args.dask:
            base = None
            for workers in (1, 2, 4):
                seconds = on_dask(folder, n, workers)
                base = base or seconds
                print(f"dask, {workers} worker{'s' if workers > 1 else ''}: {seconds:.1f} s after imports, "
                      f"{n / seconds:.1f} files/s, speed-up {base / seconds:.2f}x")


if __name__ == "__main__":
    main()
