"""``screener diff``: the same CVs under two rule files — whose verdict, score or rank moved, and why.

A rules file may come from git as ``git:REV:path`` (read with ``git show``-like plumbing, no shell),
so a reviewer can compare a change with the version before it.
"""

from __future__ import annotations

import hashlib
import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from screener.errors import RulesError
from screener.result import Candidate, Report
from screener.rules import LoadedRules, Rules, load_rules, parse_rules


@dataclass(frozen=True)
class Change:
    file: str
    old: Candidate
    new: Candidate
    old_rank: int
    new_rank: int
    why: tuple[str, ...]


def load_rules_source(spec: str) -> LoadedRules:
    """A rules file from disk, or from git when written ``git:REV:path``."""
    if not spec.startswith("git:"):
        return load_rules(Path(spec))
    rev, sep, path = spec[4:].partition(":")
    if not sep or not rev or not path:
        example = "git:HEAD~1:rules/requirements.yaml"
        raise RulesError([f"{spec}: write a rules file from git as git:REV:path, e.g. {example}"])
    raw = _git_file(rev, path, spec)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RulesError([f"{spec}: the rules file is not UTF-8 text"]) from None
    return LoadedRules(parse_rules(text, spec), spec, hashlib.sha256(raw).hexdigest())


def _git_file(rev: str, path: str, spec: str) -> bytes:
    """A file's content at a revision, following symbolic links stored in git (as rules/ has)."""
    for _ in range(8):
        listing = _git(["ls-tree", "-z", rev, "--", path], spec)
        if not listing:
            raise RulesError([f"{spec}: there is no file '{path}' in {rev}"])
        mode, kind, obj = listing.split(b"\t", 1)[0].decode().split()
        if kind != "blob":
            raise RulesError([f"{spec}: '{path}' is a folder in {rev}, not a rules file"])
        data = _git(["cat-file", "blob", obj], spec)
        if mode != "120000":
            return data
        path = posixpath.normpath(posixpath.join(posixpath.dirname(path), data.decode()))
    raise RulesError([f"{spec}: too many symbolic links"])


def _git(args: list[str], spec: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise RulesError([f"{spec}: git is not installed, so a rules file cannot be read from git"]) from None
    except subprocess.TimeoutExpired:
        raise RulesError([f"{spec}: git took too long to answer"]) from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise RulesError([f"{spec}: git could not read it: {message[-1] if message else 'unknown error'}"])
    return done.stdout


def compare_reports(old: Report, new: Report) -> list[Change]:
    """Every CV whose verdict, score or rank differs between the two reports, by file name."""
    old_rows = {c.file: (rank, c) for rank, c in enumerate(old.ranked(), start=1)}
    new_rows = {c.file: (rank, c) for rank, c in enumerate(new.ranked(), start=1)}
    changes = []
    for file in sorted(old_rows.keys() & new_rows.keys()):
        (old_rank, a), (new_rank, b) = old_rows[file], new_rows[file]
        if (a.verdict, a.score, old_rank) != (b.verdict, b.score, new_rank):
            changes.append(Change(file, a, b, old_rank, new_rank, _why(a, b)))
    return changes


def _why(a: Candidate, b: Candidate) -> tuple[str, ...]:
    """The requirements that flipped status; else those whose share met changed; else the weights."""
    failure = a.error or b.error
    if failure is not None:
        return (f"could not be screened: {failure.message}",)
    old = {r.id: r for r in a.requirements}
    new = {r.id: r for r in b.requirements}
    flips = []
    for rid in [*old, *(i for i in new if i not in old)]:
        x, y = old.get(rid), new.get(rid)
        if x is None or y is None or x.status != y.status:
            before = x.status if x else "(not in the old rules)"
            after = f"{y.status} ({y.detail})" if y else "(removed)"
            flips.append(f"{rid}: {before} → {after}")
    if flips:
        return tuple(flips)
    partial = [f"{rid}: {old[rid].fraction:.0%} → {new[rid].fraction:.0%} met ({new[rid].detail})"
               for rid in old if old[rid].fraction != new[rid].fraction]
    if partial:
        return tuple(partial)
    if a.score != b.score:
        return ("the requirements' weights changed",)
    return ("same results; other CVs moved past it or behind it",)


def rule_changes(old: Rules, new: Rules) -> list[str]:
    """What differs between two rule files, one line per changed value or added/removed item."""
    lines = []
    old_ids, new_ids = [r.id for r in old.requirements], [r.id for r in new.requirements]
    for what, a_ids, b_ids in (("skill", list(old.skills), list(new.skills)),
                               ("requirement", old_ids, new_ids)):
        lines += [f"removed {what} '{i}'" for i in a_ids if i not in b_ids]
        lines += [f"added {what} '{i}'" for i in b_ids if i not in a_ids]
    a, b = _flat(old), _flat(new)
    for key in [k for k in a if k in b and a[k] != b[k]]:
        if isinstance(a[key], list) and isinstance(b[key], list):
            came = [v for v in b[key] if v not in a[key]]
            gone = [v for v in a[key] if v not in b[key]]
            parts = [f"{verb} {_value(items)}" for verb, items in (("added", came), ("removed", gone))
                     if items]
            lines.append(f"{key}: {'; '.join(parts) or 'reordered'}")
        else:
            lines.append(f"{key}: {_value(a[key])} → {_value(b[key])}")
    lines += [f"{key}: set to {_value(b[key])}" for key in b if key not in a and _group(key) in _groups(a)]
    lines += [f"{key}: removed" for key in a if key not in b and _group(key) in _groups(b)]
    return lines


def _group(key: str) -> str:
    return key.rsplit(".", 1)[0]


def _groups(flat: dict[str, Any]) -> set[str]:
    return {_group(k) for k in flat}


def _flat(rules: Rules) -> dict[str, Any]:
    flat: dict[str, Any] = {"rules.title": rules.title, "rules.tolerance_years": rules.tolerance_years}
    for sid, skill in rules.skills.items():
        flat.update({f"skills.{sid}.{k}": v for k, v in skill.model_dump().items()})
    flat.update({f"roles.{k}": v for k, v in rules.roles.model_dump().items()})
    for r in rules.requirements:
        flat.update({f"requirements[{r.id}].{k}": v for k, v in r.model_dump().items()
                     if v is not None and k != "id"})
    return flat


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def changes_table(changes: list[Change]) -> Table:
    table = Table(title="CVs whose outcome changed (old → new)", title_justify="left", show_lines=True)
    for name in ("file", "verdict", "score", "rank", "why (requirement: old → new)"):
        table.add_column(name, overflow="fold", no_wrap=name in ("verdict", "rank"))
    for c in changes:
        table.add_row(*map(Text, (c.file, _arrow(c.old.verdict or "error", c.new.verdict or "error"),
                                  _arrow(_score(c.old.score), _score(c.new.score)),
                                  _arrow(str(c.old_rank), str(c.new_rank)), "\n".join(c.why))))
    return table


def _arrow(old: str, new: str) -> str:
    return old if old == new else f"{old} → {new}"


def _score(score: float | None) -> str:
    return "-" if score is None else f"{score:.1f}"
