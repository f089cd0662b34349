"""The PDF backends side by side:  python benchmarks/pdf_backends.py [FOLDER...]

For every PDF under the folders (default: the samples, the development set and the real corpus
beside the checkout), extracts the text with each backend in this one process and prints the CPU
time per file (median, mean, max, total; CPU time, as the machine may be shared), how many files
gave the same lines, and the files that differ. Accuracy is measured separately, by screening the
same files with ``--pdf-backend`` and each data set's evaluate.py (see the README).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from screener.errors import ExtractError  # noqa: E402
from screener.extract import Limits  # noqa: E402
from screener.extract.pdf import extract_pdf  # noqa: E402

BACKENDS = ("pdfminer", "pdfium", "auto")
DEFAULT = [REPO / "samples", REPO.parent / "shared" / "devset" / "cvs", REPO.parent / "shared" / "corpus" / "real"]


def read(data: bytes, backend: str) -> tuple[float, list[str] | str]:
    started = time.process_time()
    try:
        result: list[str] | str = [line.text for line in extract_pdf(data, Limits(pdf_backend=backend)).lines]
    except ExtractError as exc:
        result = exc.code
    return time.process_time() - started, result


def main(folders: list[Path]) -> None:
    files = sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*.pdf"))
    if not files:
        sys.exit("no PDF files found")
    for backend in BACKENDS:  # warm up: imports and font caches are not per file
        read(files[0].read_bytes(), backend)
    times: dict[str, list[float]] = {b: [] for b in BACKENDS}
    differ: list[str] = []
    for path in files:
        data = path.read_bytes()
        results = {}
        for backend in BACKENDS:
            seconds, results[backend] = read(data, backend)
            times[backend].append(seconds)
        if results["pdfminer"] != results["pdfium"]:
            differ.append(path.name)
    print(f"{len(files)} PDF files")
    print(f"{'backend':10} {'median ms':>10} {'mean ms':>8} {'max ms':>8} {'total s':>8}")
    for backend, values in times.items():
        print(f"{backend:10} {statistics.median(values) * 1e3:10.1f} {statistics.mean(values) * 1e3:8.1f} "
              f"{max(values) * 1e3:8.1f} {sum(values):8.2f}")
    print(f"same lines with pdfminer and pdfium: {len(files) - len(differ)} of {len(files)}")
    if differ:
        print("differ:", ", ".join(differ))


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or DEFAULT)
