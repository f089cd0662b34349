"""The labelled development set beside the checkout (skipped when absent): accuracy must not regress."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from screener.cli import main
from tests.conftest import shared_or_skip


def test_devset_accuracy(tmp_path: Path) -> None:
    devset = shared_or_skip("devset")
    report = tmp_path / "report.json"
    assert main(["screen", str(devset / "cvs"), "--as-of", "2026-11-01", "-f", "json", "-o", str(report)]) == 0
    spec = importlib.util.spec_from_file_location("devset_evaluate", devset / "evaluate.py")
    assert spec and spec.loader
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    truth = evaluate.load_truth(devset / "truth.yaml")
    rows = json.loads(report.read_text(encoding="utf-8"))
    m = evaluate.evaluate(truth, rows, quiet=True)
    # Scans the truth expects as no_text (it was written for a tool without OCR) are rows where OCR is
    # installed: they carry the 'ocr' warning and the true experience.
    expected = {t["file"]: t for t in truth}
    ocr = [r for r in rows["candidates"] if any(w.startswith("ocr:") for w in r.get("warnings", []))]
    for row in ocr:
        assert expected[row["file"]].get("error_kind") == "no_text", row["file"]
        assert abs(row["experience_years"] - expected[row["file"]]["experience_years"]) <= 0.5, row["file"]
    assert m["coverage"] == 1.0 and m["status"] == 1.0 - len(ocr) / len(truth)
    assert m["within_tol"] >= 0.95
    assert m["go_verb_fp"] == 0 and m["go_fp_all"] == 0
    assert m["verdict"] >= 0.9
