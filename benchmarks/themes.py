"""The development set through other renderers:  python benchmarks/themes.py --npm DIR [--themes a,b,...]

Each candidate source of the development set beside the checkout (../shared/devset/src/dNN.yaml, whose
true years are in its truth.yaml) is made a JSON Resume document by the development set's own builder
(imported from ../shared at run time, never copied), rendered to HTML by JSON Resume themes the
development set does not use, and printed to PDF by headless Chromium. Both the HTML page and the PDF
are screened, and each theme gets one line: skill years within the truth's tolerance, and experience
within it. A theme that prints years only ('2019 - 2021') is held to the truth's year-only tolerance (1 y).

The themes are npm packages, installed once (the registry is needed for that step only):
``npm install --prefix DIR jsonresume-theme-elegant jsonresume-theme-macchiato …``. Sources on the
Solar Hijri calendar (which JSON Resume cannot state) and the unreadable files are left out.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO.parent / "shared" / "devset"
sys.path.insert(0, str(REPO))

AS_OF = date(2026, 11, 1)
# (papirus prints its PDFs over 100 pages, kwan, classy, professional and sceptile fail under Node 20)
THEMES = ("actual", "caffeine", "crisp", "elegant", "even", "flat", "kendall", "macchiato", "modern",
          "onepage-plus", "short", "slick", "spartan", "stackoverflow")
YEAR_ONLY_TOLERANCE = 1.0  # the truth's tolerance where only years are printed


def builder() -> ModuleType:
    """The development set's builder (its JSON Resume converter and Chromium printing)."""
    spec = importlib.util.spec_from_file_location("devset_build", DEVSET / "tools" / "build.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no builder at {DEVSET / 'tools' / 'build.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(build: ModuleType, theme: str, npm: Path, out: Path) -> list[str]:
    """Every usable source as ``out/dNN.html`` and ``out/dNN.pdf``; the problems met."""
    problems = []
    for source in sorted((DEVSET / "src").glob("d*.yaml")):
        c = yaml.safe_load(source.read_text(encoding="utf-8"))
        if c.get("expected_status") or any(p.get("calendar") == "jalali" for p in c.get("positions") or []):
            continue
        stem = c["file"].split(".")[0]
        document, html = out / f"{stem}.json", out / f"{stem}.html"
        document.write_text(json.dumps(build.jsonresume(c, theme), ensure_ascii=False), encoding="utf-8")
        done = subprocess.run(["node", str(DEVSET / "tools" / "jsonresume-render.js"), theme, str(document), str(html)],
                              env={**os.environ, "JR_DIR": str(npm)}, capture_output=True, text=True, timeout=120)
        document.unlink()
        if done.returncode != 0:
            problems.append(f"{stem}: the theme failed ({done.stderr.strip().splitlines()[-1:]})")
            continue
        try:
            build.chromium_pdf(html, out / f"{stem}.pdf")
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            problems.append(f"{stem}.pdf: {exc}")
    return problems


def score(folder: Path, truth: dict[str, dict[str, Any]]) -> tuple[int, int, int, int, list[str]]:
    """(skill pairs within tolerance, pairs, experiences within tolerance, files, misses), screened here."""
    from screener.pipeline import Screener
    from screener.rules import default_rules_path, load_rules

    screener = Screener(load_rules(default_rules_path()), AS_OF)
    ok = pairs = exp_ok = files = 0
    misses = []
    for path in sorted(folder.iterdir()):
        t = truth[path.stem]
        outcome = screener.screen_file(path, path.name)
        files += 1
        if outcome.status != "ok" or outcome.findings is None:
            pairs += 0 if t.get("ambiguous") else len(t["skills"])
            misses.append(f"{path.name}: {outcome.error_code}")
            continue
        coarse = outcome.resume is not None and all(p.dates.coarse for p in outcome.resume.positions)
        tolerance = YEAR_ONLY_TOLERANCE if coarse else t.get("tolerance_years", 0.25)
        experience = outcome.findings.experience
        wrong = []
        for skill, want in ({} if t.get("ambiguous") else t["skills"]).items():
            got = experience.skills[skill].years if skill in experience.skills else 0.0
            pairs += 1
            if abs(got - want["years"]) <= want.get("tolerance", tolerance) + 1e-9:
                ok += 1
            else:
                wrong.append(f"{skill} {got:g}≠{want['years']:g}")
        years = experience.total_months / 12
        accepted = [t["experience_years"], t.get("experience_years_excl_internships", t["experience_years"])]
        if min(abs(years - v) for v in accepted) <= t.get("experience_tolerance", tolerance) + 1e-9:
            exp_ok += 1
        else:
            wrong.append(f"experience {years:.2f}≠{t['experience_years']:g}")
        if wrong:
            misses.append(f"{path.name}: {'; '.join(wrong)}")
    return ok, pairs, exp_ok, files, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--npm", type=Path, required=True, help="the folder the themes were npm-installed into")
    ap.add_argument("--themes", default=",".join(THEMES), help="comma-separated theme names")
    ap.add_argument("--keep", type=Path, help="render into this folder and keep the documents (reused when there)")
    ap.add_argument("--show", action="store_true", help="print each missed document")
    a = ap.parse_args(argv)
    if not DEVSET.is_dir() or shutil.which("node") is None:
        raise SystemExit("needs ../shared/devset beside the checkout and node on the PATH")
    logging.disable(logging.WARNING)
    truth = {f["file"].split(".")[0]: f for f in yaml.safe_load((DEVSET / "truth.yaml").read_text())["files"]}
    build = builder()
    root = a.keep or Path(tempfile.mkdtemp(prefix="themes-"))
    total = [0, 0, 0, 0]
    try:
        for theme in a.themes.split(","):
            folder = root / theme
            problems: list[str] = []
            if not (folder.is_dir() and any(folder.iterdir())):  # rendered before: reused
                folder.mkdir(parents=True, exist_ok=True)
                problems = render(build, theme, a.npm, folder)
            ok, pairs, exp_ok, files, misses = score(folder, truth)
            total = [x + y for x, y in zip(total, (ok, pairs, exp_ok, files), strict=True)]
            print(f"{theme:14s} files={files:3d} within_tol={100 * ok / max(pairs, 1):5.1f}% "
                  f"experience={100 * exp_ok / max(files, 1):5.1f}%" + (f"  ({len(problems)} not rendered)"
                                                                         if problems else ""))
            for miss in misses if a.show else []:
                print(f"    {miss}")
        print(f"themes: files={total[3]} within_tol={100 * total[0] / max(total[1], 1):.1f}% "
              f"experience={100 * total[2] / max(total[3], 1):.1f}%")
    finally:
        if a.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
