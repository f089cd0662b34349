"""The rules file's structure: skill taxonomy, role classification and requirements.

The same models export the JSON Schema that editors use for completion (``screener rules schema``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from screener.rules.consistency import EXPERIENCE_KINDS, SKILL_ID, ProblemAt, cross_check
from screener.rules.taxonomy import with_taxonomy

__all__ = ["EXPERIENCE_KINDS", "SKILL_ID", "ProblemAt", "Requirement", "Roles", "Rules", "Skill",
           "json_schema"]

SkillId = Annotated[str, StringConstraints(pattern=SKILL_ID)]


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
    english_phrases: list[str] = Field(
        default_factory=list,
        description="Phrases in which an ambiguous name is English wherever they stand ('go/no-go', "
                    "'go-getter'); a mention inside one never counts. Case-insensitive.")
    needs_context: bool = Field(
        False,
        description="For ambiguous names too common even when capitalised ('C', 'R', 'Julia', 'Chef', "
                    "'Spring'): they count only in a list ('Python, R, SQL'), after 'in', 'with' or "
                    "'using' ('written in C'), or right before a followed_by word ('R scripts').")
    followed_by: list[str] = Field(
        default_factory=list,
        description="Words that, right after an ambiguous name, show it is the technology ('Chef "
                    "cookbooks', 'Puppet manifests'), whatever its case or place.")

    @field_validator("aliases", "ambiguous", "not_followed_by", "english_phrases", "followed_by")
    @classmethod
    def _no_empty(cls, value: list[str]) -> list[str]:
        for i, name in enumerate(value):
            if not name.strip():
                raise ProblemAt("an empty name: write a word, or remove the empty entry", (i,))
        return value

    @model_validator(mode="after")
    def _named(self) -> Skill:
        if not self.aliases and not self.ambiguous:
            raise ProblemAt("a skill needs at least one name in 'aliases' (or 'ambiguous')", ("aliases",))
        return self


class Roles(_Strict):
    """How positions are classified, by the words of their title (checked in this order)."""

    backend: list[str] = Field(
        description="1. Words that make a title a backend / software engineering role whatever else it says.")
    not_backend: list[str] = Field(
        description="2. Words that make a title not a backend role even when it also says 'engineer'.")
    technical: list[str] = Field(
        description="3. Words of other technical titles, counted as backend ('Engineer', 'Team Lead', "
                    "'Member of Technical Staff').")
    backend_work: list[str] = Field(
        description="4. When the title says none of the above ('CTO', 'Consultant', 'Owner'): words in the "
                    "position's own text that show backend work ('API', 'microservices'); the position is "
                    "backend when they outnumber the not_backend words of its text. An internship is backend "
                    "only when its own words name backend work.")
    education: list[str] = Field(
        description="Words of degrees and schools: a dated entry that names one and no job title is "
                    "education, not a position (when a CV's education heading was not recognised).")
    not_positions: list[str] = Field(
        description="Titles that are breaks, not jobs (sabbatical, career break); they never count.")
    internship: list[str] = Field(description="Words that mark an internship (counted, and flagged).")


class Requirement(_Strict):
    """One line of the posting. Exactly one of years, mentioned or keywords says how it is checked."""

    model_config = ConfigDict(json_schema_extra={  # what the validator checks, for editors too
        "oneOf": [{"required": [check]} for check in ("years", "mentioned", "keywords")],
        "dependentRequired": {"years": ["of"], "of": ["years"], "within": ["keywords"]}})

    id: str = Field(pattern=SKILL_ID, description="Short unique id.", examples=["go_years"])
    label: str = Field(description="The posting's own words.")
    kind: Literal["minimum", "nice_to_have"] = Field(
        description="'minimum': a qualification the posting asks for; "
                    "'nice_to_have': it only adds to the score.")
    weight: float = Field(1.0, ge=0, le=100, description="Share of the score (relative to the others).")
    gate: bool = Field(
        True, description="Minimums only: when true, clearly missing it makes the verdict 'fail'. "
                          "Keyword checks are usually not gates: CVs rarely use the posting's words.")
    years: float | None = Field(None, ge=0, le=50, description="Years needed of `of`.")
    of: str | None = Field(None, description="With years: a skill id, or 'total' / 'backend' experience.")
    mentioned: list[str] | None = Field(None, description="Skill ids the CV must name anywhere.")
    keywords: list[str] | None = Field(
        None, description="Phrases searched for in the CV (case-insensitive; spaces and hyphens "
                          "are interchangeable).")
    at_least: int = Field(1, ge=1, description="Keywords: how many distinct phrases make it fully met.")
    within: str | None = Field(
        None, description="Keywords: a skill id. A phrase then counts only in a position, or a line, that "
                          "names this skill ('partitions' counts for Kafka only where Kafka is named).",
        examples=["kafka"])

    @model_validator(mode="after")
    def _one_check(self) -> Requirement:
        checks = [name for name in ("years", "mentioned", "keywords") if getattr(self, name) is not None]
        if len(checks) != 1:
            raise ProblemAt("needs exactly one of 'years', 'mentioned' or 'keywords'"
                            + (f" (has {' and '.join(checks)})" if checks else ""), tuple(checks[1:2]))
        if self.years is not None and not self.of:
            raise ProblemAt("'years' needs 'of' (a skill id, 'total' or 'backend')", ("years",))
        if self.of is not None and self.years is None:
            raise ProblemAt("'of' is only used with 'years'", ("of",))
        if self.keywords is not None:
            if not self.keywords:
                raise ProblemAt("'keywords' must list at least one phrase", ("keywords",))
            for i, keyword in enumerate(self.keywords):
                if not keyword.strip():
                    raise ProblemAt("an empty keyword: write a phrase, or remove the empty entry",
                                    ("keywords", i))
            if self.at_least > len(self.keywords):
                raise ProblemAt(f"'at_least' is {self.at_least} but only {len(self.keywords)} keywords "
                                "are listed", ("at_least",))
        else:
            for key in ("at_least", "within"):
                if key in self.model_fields_set:
                    raise ProblemAt(f"'{key}' is only used with 'keywords'", (key,))
        if self.mentioned is not None and not self.mentioned:
            raise ProblemAt("'mentioned' must list at least one skill id", ("mentioned",))
        if self.kind == "nice_to_have" and self.gate and "gate" in self.model_fields_set:
            raise ProblemAt("a nice-to-have never fails a CV, so it cannot be a gate: "
                            "make it 'kind: minimum' or remove 'gate'", ("gate",))
        return self


HeadingKind = Literal["experience", "education", "skills", "projects", "summary", "credentials", "activities", "other"]


class VocabularyExtension(_Strict):
    """Words this rules file adds to the parser's vocabulary (screener/data/vocabulary/*.yaml)."""

    headings: dict[HeadingKind, list[str]] = Field(
        default_factory=dict,
        description="More section headings by the kind of section they open: only 'experience' sections "
                    "hold jobs; dates under education, projects, credentials and activities never count.",
        examples=[{"experience": ["Stations of my career"], "activities": ["Guilds"]}])
    job_titles: list[str] = Field(
        default_factory=list, description="More job-title words: a dated line with one is a job, not a degree.",
        examples=[["Wirtschaftsinformatiker"]])


class Rules(_Strict):
    """A rules file: what the posting asks for, and how to recognise it in a CV."""

    version: Literal[1] = Field(description="Format version of this file.")
    title: str = Field(description="The position, as shown in reports.")
    tolerance_years: float = Field(
        0.25, ge=0, le=5, description="A year count this close below a threshold is borderline: 'review'.")
    skills: dict[SkillId, Skill] = Field(
        default_factory=dict,
        description="Skills by id (a lower-case word, e.g. 'go', 'mysql'). Any id of the packaged taxonomy "
                    "can be used without being defined here; a skill defined here replaces the taxonomy's "
                    "entry of the same id.",
        json_schema_extra={"additionalProperties": False})
    roles: Roles = Field(
        description="How positions are classified as backend roles, breaks or internships.")
    requirements: list[Requirement] = Field(
        description="The posting's requirements, each checked in every CV.")
    vocabulary: VocabularyExtension = Field(
        default_factory=VocabularyExtension,
        description="Words added to the parser's vocabulary: section headings, job-title words.")

    def parser_words(self) -> tuple[dict[HeadingKind, list[str]], list[str]]:
        """The words this file adds to the parser's vocabulary: headings by section kind (its
        ``vocabulary`` key), and job-title words (that key's, and the technical and internship role
        words, which are job-title words too). They key the parse cache."""
        return dict(self.vocabulary.headings), self.vocabulary.job_titles + self.roles.technical + self.roles.internship

    @model_validator(mode="before")
    @classmethod
    def _taxonomy(cls, data: Any) -> Any:
        """The taxonomy entries that the requirements use and the file does not define join its skills."""
        return with_taxonomy(data) if isinstance(data, dict) else data

    @model_validator(mode="after")
    def _consistent(self) -> Rules:
        # parse_rules runs the same checks on the YAML itself, reporting every problem with its line;
        # this guards rules built in code.
        problems = cross_check(self.model_dump())
        if problems:
            raise ProblemAt(problems[0].message, problems[0].path)
        return self


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a rules file (shipped as screener/data/requirements.schema.json for editors)."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **Rules.model_json_schema(),
            "title": "screener rules file"}
