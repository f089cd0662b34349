"""Consistency checks between the sample CVs and samples/src/positions.yaml (used by generate.py).

The alias patterns follow the ground-truth rules: Go/Golang (the English verb 'go' never counts:
it is lowercase or hyphenated, as in 'Go-live'), Kafka/MSK, MySQL/Percona, Redis/ElastiCache,
Docker/docker-compose, PHP, Laravel, Rust.
"""
import re
from pathlib import Path

import docx

SKILLS = ["go", "kafka", "mysql", "redis", "docker", "php", "laravel", "rust"]
ALIASES = {  # the English verb never counts: it is lowercase ('go live') or hyphenated ('Go-live')
    "go": r"\bGolang\b|\bGo\b(?!-)", "kafka": r"(?i)\bKafka\b|\bMSK\b",
    "mysql": r"(?i)\bMySQL\b|\bPercona\b", "redis": r"(?i)\bRedis\b|\bElastiCache\b",
    "docker": r"(?i)\bDocker\b|\bdocker-compose\b", "php": r"\bPHP\b",
    "laravel": r"(?i)\bLaravel\b", "rust": r"\bRust\b",
}
HEADING = re.compile(r"^[ \t]*(#+[ \t]*)?(technical skills|skills|education|projects)\b", re.I | re.M)


def rendered_text(path: Path) -> str:
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        return "\n".join([p.text for p in d.paragraphs]
                         + [c.text for t in d.tables for row in t.rows for c in row.cells])
    from pdfminer.high_level import extract_text
    return extract_text(str(path))


def named(text: str) -> set[str]:
    return {s for s, rx in ALIASES.items() if re.search(rx, text)}


def check(meta: dict, text: str, mentioned: set, rendered: str | None) -> list[str]:
    """Each position's own text (title line to the next position) names exactly its `uses`,
    the whole CV names exactly the mentioned skills, every date string is in the file."""
    problems, starts = [], []
    for p in meta["positions"]:
        at = text.find(p["dates"])
        if at < 0 or (rendered is not None and p["dates"] not in rendered):
            problems.append(f"dates {p['dates']!r} missing")
            continue
        start = text.rfind("\n", 0, at) + 1
        for _ in range(meta.get("anchor", 0)):
            start = text.rfind("\n", 0, start - 1) + 1
        starts.append(start)
    if problems or starts != sorted(starts):
        return problems or ["positions are not in text order"]
    ends = starts[1:] + [HEADING.search(text, starts[-1]).start()]
    for p, a, b in zip(meta["positions"], starts, ends, strict=True):
        if named(text[a:b]) != set(p["uses"]):
            problems.append(f"{p['role']}: names {sorted(named(text[a:b]))}, uses {sorted(p['uses'])}")
    for label, body in (("source", text), ("rendered file", rendered)):
        if body is not None and named(body) != mentioned:
            problems.append(f"{label} names {sorted(named(body))}, expected {sorted(mentioned)}")
    return problems
