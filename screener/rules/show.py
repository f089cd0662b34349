"""The rules as readable tables: requirements, then the skill taxonomy and role words."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from screener.rules.schema import Requirement, Rules, Skill
from screener.rules.taxonomy import taxonomy_data


def print_rules(rules: Rules, source: str, console: Console) -> None:
    """Requirements (what each checks and its share of the score), skills and roles."""
    console.print(Text.assemble((rules.title, "bold"), "  ", (source, "dim")))
    console.print(f"A year count within {rules.tolerance_years:g} y below its threshold is borderline "
                  "(verdict: review).", highlight=False)
    console.print(requirements_table(rules))
    console.print(skills_table(rules))
    console.print(roles_table(rules))


def requirements_table(rules: Rules) -> Table:
    total = sum(r.weight for r in rules.requirements)
    table = Table(title="Requirements", title_justify="left", show_lines=True)
    table.add_column("requirement (id, label)", ratio=3, overflow="fold")
    table.add_column("kind", overflow="fold")
    table.add_column("threshold / check", ratio=1, overflow="fold")
    table.add_column("weight", justify="right", overflow="fold")
    table.add_column("skills / keywords", ratio=3, overflow="fold")
    for r in rules.requirements:
        kind = ("minimum, gate" if r.gate else "minimum") if r.kind == "minimum" else "nice to have"
        share = f"{r.weight:g} ({100 * r.weight / total:.0f}%)" if total else f"{r.weight:g}"
        requirement = Text.assemble((r.id, "bold"), "\n", r.label)
        table.add_row(requirement, *map(Text, (kind, _check(r), share, _subject(r, rules))))
    return table


def _check(r: Requirement) -> str:
    if r.years is not None:
        return f"≥ {r.years:g} year{'' if r.years == 1 else 's'}"
    if r.mentioned is not None:
        return "named in the CV" if len(r.mentioned) == 1 else f"all {len(r.mentioned)} named in the CV"
    where = f", where {r.within} is named" if r.within else ""
    return f"≥ {r.at_least} of {len(r.keywords or [])} keywords{where}"


def _subject(r: Requirement, rules: Rules) -> str:
    if r.years is not None and r.of is not None:
        return {"total": "all experience", "backend": "backend experience"}.get(
            r.of, rules.skills[r.of].label if r.of in rules.skills else r.of)
    if r.mentioned is not None:
        return ", ".join(rules.skills[s].label if s in rules.skills else s for s in r.mentioned)
    return ", ".join(r.keywords or [])


def skills_table(rules: Rules) -> Table:
    table = Table(title="Skills", title_justify="left")
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("label", no_wrap=True)
    table.add_column("aliases (any case)")
    table.add_column("ambiguous (capitalised or in a list)")
    table.add_column("from", no_wrap=True)
    for skill_id, skill in rules.skills.items():
        ambiguous = ", ".join(skill.ambiguous)
        if skill.needs_context:
            ambiguous += " (only in a list or after in/with/using)"
        if skill.followed_by:
            ambiguous += f"; before: {', '.join(skill.followed_by)}"
        if skill.not_followed_by:
            ambiguous += f"; not before: {', '.join(skill.not_followed_by)}"
        table.add_row(*map(Text, (skill_id, skill.label, ", ".join(skill.aliases), ambiguous,
                                  _origin(skill_id, skill))))
    return table


def _origin(skill_id: str, skill: Skill) -> str:
    taxonomy = taxonomy_data()
    if skill_id not in taxonomy:
        return "rules file"
    return "taxonomy" if Skill.model_validate(taxonomy[skill_id]) == skill else "rules file (replaces taxonomy)"


def roles_table(rules: Rules) -> Table:
    table = Table(title="Roles (words in a position's title)", title_justify="left")
    table.add_column("class", no_wrap=True, style="bold")
    table.add_column("words")
    for name, words in rules.roles.model_dump().items():
        table.add_row(Text(name.replace("_", " ")), Text(", ".join(words)))
    return table
