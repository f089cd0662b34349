"""The rules file's structure: skill taxonomy, role classification and requirements.

The same models export the JSON Schema that editors use for completion (``screener rules schema``).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SKILL_ID = r"^[a-z][a-z0-9_]*$"
EXPERIENCE_KINDS = ("total", "backend")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Skill(_Strict):
    """A technology, and the words that name it."""

    label: str = Field(description="How the skill is shown in reports.", examples=["Go"])
    aliases: list[str] = Field(
        description="Unambiguous names, matched case-insensitively as whole words.",
        examples=[["golang", "go-lang"]])
    ambiguous: list[str] = Field(
        default_factory=list,
        description="Names that are also ordinary English words ('go', 'rust'). They count only when "
                    "written with a capital letter and not followed by a word in not_followed_by, or "
                    "when they stand in a list ('Go, Python').")
    not_followed_by: list[str] = Field(
        default_factory=list,
        description="Words that, right after an ambiguous name, show it is English ('go through', "
                    "'go live'). A hyphen counts as a separator: 'Go-live' is 'Go' followed by 'live'.")

    @field_validator("aliases", "ambiguous", "not_followed_by")
    @classmethod
    def _no_empty(cls, value: list[str]) -> list[str]:
        if any(not v.strip() for v in value):
            raise ValueError("must not contain empty names")
        return value

    @model_validator(mode="after")
    def _named(self) -> Skill:
        if not self.aliases and not self.ambiguous:
            raise ValueError("a skill needs at least one alias")
        return self


class Roles(_Strict):
    """How positions are classified, by words in their title and organisation."""

    backend: list[str] = Field(description="Words of backend / software engineering titles.")
    not_backend: list[str] = Field(
        description="Words that make a title not a backend role even when it also says 'engineer'.")
    not_positions: list[str] = Field(
        description="Titles that are breaks, not jobs (sabbatical, career break); they never count.")
    internship: list[str] = Field(description="Words that mark an internship (counted, and flagged).")


class Requirement(_Strict):
    """One line of the posting. Exactly one of years, mentioned or keywords says how it is checked."""

    id: str = Field(pattern=SKILL_ID, description="Short unique id.", examples=["go_years"])
    label: str = Field(description="The posting's own words.")
    kind: Literal["minimum", "nice_to_have"]
    weight: float = Field(1.0, ge=0, le=100, description="Share of the score (relative to the others).")
    gate: bool = Field(
        True, description="Minimums only: when true, clearly missing it makes the verdict 'fail'. "
                          "Keyword checks are usually not gates: CVs rarely use the posting's words.")
    years: float | None = Field(None, ge=0, le=50, description="Years needed of `of`.")
    of: str | None = Field(None, description="A skill id, or 'total' / 'backend' experience.")
    mentioned: list[str] | None = Field(None, description="Skill ids the CV must name anywhere.")
    keywords: list[str] | None = Field(
        None, description="Phrases searched for in the CV (case-insensitive; spaces and hyphens "
                          "are interchangeable).")
    at_least: int = Field(1, ge=1, description="Keywords: how many distinct phrases make it fully met.")

    @model_validator(mode="after")
    def _one_check(self) -> Requirement:
        checks = [name for name in ("years", "mentioned", "keywords") if getattr(self, name) is not None]
        if len(checks) != 1:
            raise ValueError("needs exactly one of 'years', 'mentioned' or 'keywords'"
                             + (f" (has {', '.join(checks)})" if checks else ""))
        if self.years is not None and not self.of:
            raise ValueError("'years' needs 'of' (a skill id, 'total' or 'backend')")
        if self.keywords is not None and (not self.keywords or any(not k.strip() for k in self.keywords)):
            raise ValueError("'keywords' must be a list of non-empty phrases")
        if self.keywords is not None and self.at_least > len(self.keywords):
            raise ValueError(f"'at_least' is {self.at_least} but only {len(self.keywords)} keywords are listed")
        if self.mentioned is not None and not self.mentioned:
            raise ValueError("'mentioned' must list at least one skill id")
        return self


class Rules(_Strict):
    """A rules file: what the posting asks for, and how to recognise it in a CV."""

    version: Literal[1] = Field(description="Format version of this file.")
    title: str = Field(description="The position, as shown in reports.")
    tolerance_years: float = Field(
        0.25, ge=0, le=5, description="A year count this close below a threshold is borderline: 'review'.")
    skills: dict[str, Skill] = Field(description="The skill taxonomy, by id.")
    roles: Roles
    requirements: list[Requirement]

    @field_validator("skills")
    @classmethod
    def _skill_ids(cls, value: dict[str, Skill]) -> dict[str, Skill]:
        bad = [k for k in value if not re.match(SKILL_ID, k)]
        if bad:
            raise ValueError(f"skill ids must be lower-case words: {', '.join(bad)}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Rules:
        seen: dict[str, str] = {}
        for skill_id, skill in self.skills.items():
            for alias in skill.aliases + skill.ambiguous:
                key = alias.strip().lower()
                if key in seen and seen[key] != skill_id:
                    raise ValueError(f"alias '{alias}' is used by both '{seen[key]}' and '{skill_id}'")
                seen[key] = skill_id
        ids = [r.id for r in self.requirements]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate requirement ids: {', '.join(dupes)}")
        if not self.requirements:
            raise ValueError("there must be at least one requirement")
        if sum(r.weight for r in self.requirements) <= 0:
            raise ValueError("the requirement weights add up to 0, so no score can be computed")
        for r in self.requirements:
            referenced = ([r.of] if r.of and r.of not in EXPERIENCE_KINDS else []) + (r.mentioned or [])
            unknown = [s for s in referenced if s not in self.skills]
            if unknown:
                raise ValueError(f"requirement '{r.id}' names unknown skill(s): {', '.join(unknown)}")
        return self
