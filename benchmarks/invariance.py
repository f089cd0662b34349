"""Identity invariance over the devset sources:  python benchmarks/invariance.py [--src DIR]

Each source CV of ../shared/devset/src (the annotated YAML the devset was rendered from) is written
as a sample source, with its author swapped for each of six people of different genders and origins
(name, pronouns, e-mail, phone, address, nationality), rendered in every format (TXT, Markdown,
DOCX, PDF) with the samples' writers, and screened in this process. For every source and format,
the years per skill, score and verdict must be the same whoever the author is. Exit 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from screener.pipeline import Screener  # noqa: E402
from screener.rules import load_rules  # noqa: E402
from tests.identities import FORMATS, PEOPLE, render, with_person  # noqa: E402


def textmodel(src: Path) -> ModuleType:
    """The devset's own date formatting (tools/textmodel.py beside its sources)."""
    spec = importlib.util.spec_from_file_location("devset_textmodel", src.parent / "tools" / "textmodel.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def to_source(c: dict[str, Any], tm: ModuleType) -> str:
    """A devset source as a sample source: '# Name', headline and contact, '## Section', '### entries'."""
    style = tm.style_of(c)
    contact = " · ".join(v for v in (c.get("contact") or {}).values() if v)
    lines = [f"# {c['name']}", c.get("headline") or "", contact, ""]
    if c.get("summary"):
        lines += ["## Summary", c["summary"], ""]
    lines.append("## Experience")
    for p in c["positions"]:
        org = ", ".join(x for x in (p.get("company"), p.get("location")) if x)
        lines.append(f"### {p['title']} | {org} | {tm.date_range(p, style)}")
        lines += [f"- {b}" for b in p.get("bullets") or []]
        lines += [f"- Stack: {p['tech']}"] if p.get("tech") else []
    if c.get("education"):
        lines += ["", "## Education"]
        lines += [f"### {e['degree']} | {e['school']} | {tm.date_range(e, style)}" for e in c["education"]
                  if e.get("start") and e.get("end")]
    if c.get("skills"):
        lines += ["", "## Skills", *tm.skills_lines(c)]
    return "\n".join(lines) + "\n"


def fingerprint(outcome: Any) -> tuple[Any, ...]:
    if outcome.assessment is None or outcome.experience is None:
        return ("error", outcome.error_code)
    skills = tuple((sid, s.years) for sid, s in outcome.experience.skills.items())
    return skills, outcome.experience.total_years, outcome.assessment.score, outcome.assessment.verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=REPO.parent / "shared" / "devset" / "src")
    parser.add_argument("--as-of", default="2026-11-01")
    args = parser.parse_args()
    if not args.src.is_dir():
        print(f"{args.src} is not available", file=sys.stderr)
        return 2
    tm = textmodel(args.src)
    screener = Screener(load_rules(REPO / "rules" / "requirements.yaml"), date.fromisoformat(args.as_of))
    sources = [(p.stem, c) for p in sorted(args.src.glob("*.yaml"))
               if (c := yaml.safe_load(p.read_text(encoding="utf-8"))).get("positions")]
    start, documents, differing = time.perf_counter(), 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for stem, c in sources:
            source = to_source(c, tm)
            for fmt in FORMATS:
                results = {}
                for n, person in enumerate(PEOPLE):
                    path = render(with_person(source, person), fmt, Path(tmp) / f"{stem}-{n}.{fmt}")
                    results[person.name] = fingerprint(screener.screen_file(path))
                    documents += 1
                if len(set(results.values())) > 1:
                    differing.append(f"{stem}.{fmt}: " + "; ".join(f"{k}: {v}" for k, v in results.items()))
    seconds = time.perf_counter() - start
    for line in differing:
        print("DIFFERS", line)
    print(f"invariance: sources={len(sources)} people={len(PEOPLE)} formats={len(FORMATS)} documents={documents} "
          f"differing={len(differing)} seconds={seconds:.1f}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
