"""Checks across a whole rules file (references, duplicates, collisions, weights), on plain data.

They run on the parsed YAML before the models, so every problem is reported with the line of the
exact item at fault, even when other parts of the file are invalid; the :class:`~screener.rules.Rules`
model runs them again to guard rules built in code. Values of the wrong type are skipped here: the
models report those.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from screener.rules.taxonomy import referenced_skills, taxonomy_data

SKILL_ID = r"^[a-z][a-z0-9_]*$"
EXPERIENCE_KINDS = ("total", "backend")

KeyPath = tuple[str | int, ...]


class ProblemAt(ValueError):
    """A validation error at ``path`` below the value being validated, so it can be pointed at precisely."""

    def __init__(self, message: str, path: KeyPath = ()) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Problem:
    path: KeyPath
    message: str
    see: KeyPath | None = None  # the earlier item the message refers to, shown as "(first on line N)"


def cross_check(data: Mapping[str, Any]) -> list[Problem]:
    """Every cross-reference problem of a rules mapping, in file order."""
    skills = data.get("skills")
    skills = skills if isinstance(skills, Mapping) else {}
    taxonomy = taxonomy_data()
    used = {sid: taxonomy[sid] for sid in referenced_skills(dict(data)) if sid in taxonomy and sid not in skills}
    requirements = data.get("requirements")
    problems = _alias_collisions(skills, used)
    if isinstance(requirements, list):
        problems += _requirement_problems(requirements, {**taxonomy, **skills})
    return problems


def _alias_collisions(skills: Mapping[str, Any], from_taxonomy: Mapping[str, Any]) -> list[Problem]:
    """A name shared by two skills in use: the rules file's own, or taxonomy entries it names."""
    problems: list[Problem] = []
    first: dict[str, tuple[str, KeyPath | None]] = {}  # lower-cased name → (skill id, where; None: taxonomy)
    for skill_id, skill in from_taxonomy.items():
        for name in [*skill.get("aliases", []), *skill.get("ambiguous", [])]:
            first.setdefault(name.lower(), (skill_id, None))
    for skill_id, skill in skills.items():
        if not isinstance(skill, Mapping):
            continue
        for field in ("aliases", "ambiguous"):
            names = skill.get(field)
            for i, name in enumerate(names if isinstance(names, list) else []):
                if not isinstance(name, str) or not name.strip():
                    continue
                key, path = name.strip().lower(), ("skills", skill_id, field, i)
                if key in first and first[key][0] != skill_id:
                    other, where = first[key]
                    owner = f"the skill '{other}'" + (" (from the skills taxonomy)" if where is None else "")
                    problems.append(Problem(
                        path, f"the name '{name}' is also a name of {owner}: a word can name only one skill, "
                              "so remove it from one of them" + (
                                  f", or define '{other}' here without it" if where is None else ""), where))
                first.setdefault(key, (skill_id, path))
    return problems


def _requirement_problems(requirements: list[Any], skills: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    if not requirements:
        return [Problem(("requirements",), "there must be at least one requirement")]
    first_id: dict[str, KeyPath] = {}
    weights: list[float] = []
    for i, req in enumerate(requirements):
        if not isinstance(req, Mapping):
            continue
        rid = req.get("id")
        if isinstance(rid, str):
            if rid in first_id:
                problems.append(Problem(("requirements", i, "id"),
                                        f"the id '{rid}' is already used by another requirement; "
                                        "every requirement needs its own id", first_id[rid]))
            first_id.setdefault(rid, ("requirements", i, "id"))
        of = req.get("of")
        if isinstance(of, str) and of not in EXPERIENCE_KINDS and of not in skills:
            problems.append(Problem(("requirements", i, "of"), _unknown_skill(of, skills, with_kinds=True)))
        mentioned = req.get("mentioned")
        for j, sid in enumerate(mentioned if isinstance(mentioned, list) else []):
            if isinstance(sid, str) and sid not in skills:
                problems.append(Problem(("requirements", i, "mentioned", j), _unknown_skill(sid, skills)))
        within = req.get("within")
        if isinstance(within, str) and within not in skills:
            problems.append(Problem(("requirements", i, "within"), _unknown_skill(within, skills)))
        weight = req.get("weight", 1.0)
        if isinstance(weight, int | float) and not isinstance(weight, bool):
            weights.append(float(weight))
    if len(weights) == len(requirements) and sum(weights) <= 0:
        problems.append(Problem(("requirements",), "every requirement has weight 0, so no score can be "
                                                   "computed: give at least one a weight above 0"))
    return problems


def _unknown_skill(name: str, skills: Mapping[str, Any], with_kinds: bool = False) -> str:
    choices = list(skills) + (list(EXPERIENCE_KINDS) if with_kinds else [])
    near = difflib.get_close_matches(name, choices, n=1)
    hint = f" — did you mean '{near[0]}'?" if near else ""
    where = "a skill id from 'skills' or the taxonomy" + (", or 'total' / 'backend'" if with_kinds else "")
    return f"unknown skill '{name}'{hint} (expected {where})"
