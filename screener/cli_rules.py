"""Commands for the rules workflow: rules validate / schema / show, check, diff.

Thin shells: the logic lives in screener.rules, screener.check and screener.diff. A RulesError
(an invalid rules file) propagates to cli.main, which prints every problem and exits 2.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from screener.cli_audit import AuditLogOption, NoAuditOption, audit_path, record_run
from screener.cli_cache import CacheOption, NoCacheOption, cache_folder
from screener.errors import RulesError, ScreenerError

rules_app = typer.Typer(no_args_is_help=True, help="Validate, inspect and export the rules file.")
EXIT_CHANGED = 1


def _console() -> Console:
    """Tables as wide as the terminal; 160 columns when the output is a file or a CI log."""
    return Console(width=None if sys.stdout.isatty() else 160, emoji=False)


RULES_HELP = "Rules file (default: ./rules/requirements.yaml, else the packaged default)."
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="What 'Present' means, YYYY-MM-DD. Pin it for reproducible results.")]


def _date(value: str | None, default: date | None = None) -> date:
    if value is None:
        return default or date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD",
                                 param_hint="--as-of") from None


@rules_app.command("validate")
def validate(files: Annotated[list[Path] | None, typer.Argument(help=RULES_HELP)] = None) -> None:
    """Check rules files. Every problem is printed with file:line:column, key and a suggestion."""
    from screener.rules import find_rules, load_rules

    problems: list[str] = []
    for path in files or [find_rules(None)]:
        try:
            rules = load_rules(path).rules
        except RulesError as exc:
            problems += exc.problems
            continue
        minimums = [r for r in rules.requirements if r.kind == "minimum"]
        gates = sum(r.gate for r in minimums)
        nice = len(rules.requirements) - len(minimums)
        print(f"{path}: OK — {len(rules.requirements)} requirements ({len(minimums)} minimum, "
              f"{gates} of them gates; {nice} nice to have), {len(rules.skills)} skills")
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise RulesError([*problems, f"{count} found: fix them and run 'screener rules validate' again"])


@rules_app.command("schema")
def schema() -> None:
    """Print the rules file's JSON Schema (editors use it for completion and checks)."""
    from screener.rules.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@rules_app.command("show")
def show(file: Annotated[Path | None, typer.Argument(help=RULES_HELP)] = None) -> None:
    """Show a rules file as tables: requirements, skills and roles."""
    from screener.rules import find_rules, load_rules
    from screener.rules.show import print_rules

    path = find_rules(file)
    print_rules(load_rules(path).rules, str(path), _console())


@rules_app.command("draft")
def draft(
    posting: Annotated[Path, typer.Argument(help="The job posting: TXT, Markdown, PDF or DOCX.",
                                            exists=True, dir_okay=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the rules here (default: stdout).")]
    = None,
) -> None:
    """Draft a starter rules file from a job posting.

    Year counts become 'years' requirements, skills under minimum / required headings minimums, and
    those under nice-to-have / bonus / preferred headings weighted nice-to-haves; each requirement
    carries a comment with the posting line it came from. Read it, then run 'screener rules validate'."""
    from screener.errors import ExtractError
    from screener.extract import extract, read_file
    from screener.extract.limits import Limits
    from screener.report.output import write_output
    from screener.rules import parse_rules
    from screener.rules.draft import draft_rules

    try:
        document = extract(read_file(posting, Limits()), posting.name, Limits())
    except ExtractError as exc:
        raise ScreenerError(f"cannot read the posting '{posting}': {exc.message}") from None
    text = draft_rules(document.lines, posting.name)
    parse_rules(text, str(output or "the draft"))  # a draft that does not validate is a bug: never write it
    write_output(text, output)
    if output is not None:
        _console().print(f"Wrote {output}: check it with 'screener rules validate {output}'.", highlight=False,
                         markup=False)


def check(
    rules: Annotated[Path | None, typer.Option("--rules", help=RULES_HELP)] = None,
    samples: Annotated[Path, typer.Option(
        "--samples", help="Folder of sample CVs (searched like `screen` does, honouring its .screenerignore)."
    )] = Path("samples"),
    expected: Annotated[Path | None, typer.Option(
        "--expected", help="Expectations file (default: SAMPLES/expected.yaml).")] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="Record the current outcomes as expected (keeps the file's comments).")] = False,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="What 'Present' means, YYYY-MM-DD (default: the expectations file's as_of).")] = None,
    audit_log: AuditLogOption = None,
    no_audit: NoAuditOption = False,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare the sample CVs' verdicts and scores with samples/expected.yaml.

    Exit 1 when any outcome changed, or a sample was added or removed."""
    from screener.cache import ParseCache
    from screener.check import (
        Expectations,
        compare,
        differences_table,
        read_expectations,
        results_of,
        write_expectations,
    )
    from screener.pipeline import Screener
    from screener.rules import find_rules, load_rules

    if not samples.is_dir():
        raise ScreenerError(f"the samples folder '{samples}' does not exist (run from the repository root, "
                            "or pass --samples DIR)")
    expected = expected or samples / "expected.yaml"
    if expected.exists():
        expectations = read_expectations(expected)
    elif update:
        expectations = Expectations(None, 0.0, {})
    else:
        raise ScreenerError(f"'{expected}' does not exist: record the current outcomes with "
                            "'screener check --update --as-of YYYY-MM-DD'")
    day = _date(as_of, expectations.as_of)
    log = audit_path(audit_log, no_audit)
    folder = cache_folder(cache, no_cache)
    screener = Screener(load_rules(find_rules(rules)), day, cache=ParseCache(folder) if folder else None)
    report = screener.screen_paths([samples])
    results = results_of(report)
    differences = compare(expectations, results)
    record_run(log, "check", {"samples": str(samples), "expected": str(expected), "update": update}, [report])
    out = _console()
    if update:
        write_expectations(expected, results, day)
        out.print(f"Recorded {len(results)} samples in {expected} (as of {day}); {len(differences)} changed.",
                  highlight=False, markup=False)
        return
    if not differences:
        out.print(f"OK: all {len(results)} samples match {expected} (as of {day}).",
                  highlight=False, markup=False)
        return
    out.print(differences_table(differences, str(expected)))
    total = len(set(results) | set(expectations.files))
    out.print(f"{len(differences)} of {total} samples changed. If the change is intended, record it with "
              "'screener check --update' and commit the new expectations.", highlight=False)
    raise typer.Exit(EXIT_CHANGED)


def diff(
    old_rules: Annotated[str, typer.Argument(help="The old rules file, or git:REV:path.")],
    new_rules: Annotated[str, typer.Argument(help="The new rules file, or git:REV:path.")],
    paths: Annotated[list[Path], typer.Argument(help="CV files and folders (searched recursively).",
                                                exists=True)],
    as_of: AsOfOption = None,
    audit_log: AuditLogOption = None,
    no_audit: NoAuditOption = False,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show whose verdict, score or rank a rules change moves, and why.

    Screens the same CVs under both rule files and names the requirements that flipped.
    Exit 1 when anything changed."""
    from screener.batch import run_batch
    from screener.diff import changes_table, compare_reports, load_rules_source, rule_changes
    from screener.executor import LocalPool
    from screener.spool import Spool
    from screener.worker import Settings

    day = _date(as_of)
    log = audit_path(audit_log, no_audit)
    old, new = load_rules_source(old_rules), load_rules_source(new_rules)
    jobs = os.cpu_count() or 1
    folder = cache_folder(cache, no_cache)
    with Spool() as old_rows, Spool() as new_rows:
        old_report = run_batch(Settings(old, day, cache=folder), paths, LocalPool(jobs), old_rows)
        new_report = run_batch(Settings(new, day, cache=folder), paths, LocalPool(jobs), new_rows)
        if not new_report.candidates:
            skipped = "; ".join(f"{s.file}: {s.reason}" for s in new_report.skipped)
            raise ScreenerError(f"no CV was found in the paths given ({skipped or 'nothing to screen'})")
        changes = compare_reports(old_report, new_report)
        record_run(log, "diff", {"old_rules": old_rules, "new_rules": new_rules, "paths": list(map(str, paths))},
                   [old_report, new_report])
    out = _console()
    edits = rule_changes(old.rules, new.rules)
    out.print(f"Rules {old_rules} → {new_rules}: " + (f"{len(edits)} changes" if edits else "no changes"),
              highlight=False, markup=False)
    for line in edits:
        out.print(f"  {line}", highlight=False, markup=False)
    screened = len(new_report.candidates)
    if not changes:
        out.print(f"No outcome changed: the {screened} CVs keep their verdict, score and rank (as of {day}).",
                  highlight=False)
        return
    out.print(changes_table(changes))
    verdicts = sum(c.old.verdict != c.new.verdict for c in changes)
    out.print(f"{len(changes)} of {screened} CVs changed, {verdicts} of them in verdict (as of {day}).",
              highlight=False)
    raise typer.Exit(EXIT_CHANGED)


def register(app: typer.Typer) -> None:
    """Attach the rules workflow commands to the main app."""
    app.add_typer(rules_app, name="rules")
    app.command("check")(check)
    app.command("diff")(diff)
