"""The command line: a thin shell over :mod:`screener.pipeline` and :mod:`screener.report`.

Exit codes: 0 success, 1 a check found changed outcomes, 2 usage or rules error, 3 internal error,
130 interrupted.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import traceback
import warnings
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from screener import __version__
from screener.cli_audit import (
    AuditLogOption,
    BlindKeyOption,
    BlindOption,
    NoAuditOption,
    audit_path,
    check_blind_key,
    record_run,
)
from screener.cli_cache import CacheOption, NoCacheOption, cache_folder
from screener.errors import RulesError, ScreenerError, WorkerStartError
from screener.report import Format

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Screen résumés against a job posting's requirements, with evidence for every number. "
                       "Verdicts are recommendations for a person to check, never decisions.")
err = Console(stderr=True, emoji=False)  # ":100:" in "rules.yaml:100:9" is a line number, not an emoji

EXIT_OK, EXIT_CHANGED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# Typer may vendor its own copy of Click: find Click's usage-error base class through Typer.
_CLICK_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class ExecutorKind(StrEnum):
    local = "local"
    dask = "dask"


class ParseFormat(StrEnum):
    json = "json"
    table = "table"


class PdfBackendChoice(StrEnum):
    auto = "auto"
    pdfium = "pdfium"
    pdfminer = "pdfminer"


RulesOption = Annotated[Path | None, typer.Option(
    "--rules", help="Rules file (default: ./rules/requirements.yaml, else the packaged default).")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="What 'Present' means, YYYY-MM-DD (default: today). Pin it for reproducible reports.")]
PdfBackendOption = Annotated[PdfBackendChoice, typer.Option(
    "--pdf-backend", help="How PDFs are read: pdfium, pdfminer, or auto (pdfium, falling back to pdfminer "
                          "where pdfium cannot parse a file).")]


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD", param_hint="--as-of") from None


def _version(value: bool) -> None:
    if value:
        print(f"screener {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    pass


def _screener(rules: Path | None, as_of: str | None, pdf_backend: PdfBackendChoice) -> Any:
    from screener.extract import Limits
    from screener.pipeline import Screener
    from screener.rules import find_rules, load_rules

    return Screener(load_rules(find_rules(rules)), _as_of(as_of), Limits(pdf_backend=pdf_backend.value))


@app.command()
def screen(
    paths: Annotated[list[Path], typer.Argument(help="CV files and folders (searched recursively).",
                                                exists=True)],
    rules: RulesOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", "-f", help="Output format (default: from the --output file's extension, else table).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report here (.json .jsonl .csv .md .html: the format follows).")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Files screened in parallel, each in a worker process (default: the number "
                                    "of CPUs, at most 8).")] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0.1, help="Seconds one file may take; a file over it is stopped and reported as "
                                   "'timeout'.")] = 60.0,
    max_size: Annotated[float, typer.Option(
        "--max-size", min=0.001, help="Largest file read, in MB; a larger one is reported as 'too_large'.")] = 20.0,
    max_pages: Annotated[int, typer.Option(
        "--max-pages", min=1, help="Most PDF pages read; a longer PDF is reported as 'too_many_pages'.")] = 100,
    memory: Annotated[int, typer.Option(
        "--memory", min=0, help="Memory (address space) one worker may use, in MiB; a file needing more is "
                                "reported as 'memory'. 0: no limit.")] = 1024,
    top: Annotated[int | None, typer.Option(
        "--top", min=0, help="The table shows the best N candidates (0: all; default: as many as fit the "
                             "terminal, all in a file).")] = None,
    blind: BlindOption = False,
    blind_key: BlindKeyOption = None,
    audit_log: AuditLogOption = None,
    no_audit: NoAuditOption = False,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    executor: Annotated[ExecutorKind, typer.Option(
        "--executor", help="Where files are screened: worker processes here, or tasks on a Dask cluster "
                           "(needs --scheduler and pip install 'screener[dask]').")] = ExecutorKind.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="The Dask scheduler's address, e.g. tcp://127.0.0.1:8786.")] = None,
    pdf_backend: PdfBackendOption = PdfBackendChoice.auto,
) -> None:
    """Screen CVs and print a ranked, explained report."""
    from screener.executor import DaskCluster, Executor, LocalPool
    from screener.worker import Settings, sigterm_interrupts

    pool: Executor
    if executor is ExecutorKind.dask:
        if not scheduler:
            raise typer.BadParameter("--executor dask needs --scheduler ADDRESS", param_hint="--scheduler")
        pool = DaskCluster(scheduler)
    else:
        if scheduler:
            raise typer.BadParameter("--scheduler is for --executor dask", param_hint="--scheduler")
        jobs = jobs or min(os.cpu_count() or 1, 8)
        pool = LocalPool(jobs)
    from screener.batch import run_batch
    from screener.discover import looked_for
    from screener.extract import Limits
    from screener.report import formatter
    from screener.report.contract import candidate_text
    from screener.report.output import choose_format, report_output
    from screener.report.table import TableFormatter
    from screener.rules import find_rules, load_rules
    from screener.spool import Spool

    chosen = choose_format(fmt, output, lambda message: err.print(f"screener: {message}", markup=False))
    limits = Limits(max_bytes=int(max_size * 1_000_000), max_pages=max_pages, pdf_backend=pdf_backend.value)
    check_blind_key(blind, blind_key)
    log = audit_path(audit_log, no_audit)
    row_text = candidate_text if chosen is Format.json else None  # encoded in parallel, where rows are made
    settings = Settings(load_rules(find_rules(rules)), _as_of(as_of), limits, timeout, memory, blind,
                        cache_folder(cache, no_cache), row_text)
    key: dict[str, str] = {}
    options = {"format": chosen.value, "output": output and str(output), "jobs": jobs, "timeout": timeout,
               "max_size": max_size, "max_pages": max_pages, "memory": memory, "blind": blind,
               "executor": executor.value}
    # exit 130 with no half-written output, as for Ctrl-C; the output is checked before screening; the rows'
    # spool sits beside the report, unlinked from the start (see screener.spool), so it is never left behind
    with (sigterm_interrupts(), report_output(output) as out,
          Spool(output.parent if output is not None else None, row_text) as spool):
        report = run_batch(settings, paths, pool, spool, progress=err.is_terminal, blind_key=key)
        (TableFormatter(top=top) if chosen is Format.table else formatter(chosen)).write(report, out)
        record_run(log, "screen", options | ({} if blind else {"paths": list(map(str, paths))}),
                   [report], blind)  # reads the rows back, so while the spool is open
    if blind_key is not None:
        from screener.blind import write_key  # the redactor's libraries load only for a blind run

        write_key(blind_key, key)
    if not report.candidates:
        err.print(f"screener: no résumés found in {', '.join(map(str, paths))}: {looked_for()}", markup=False,
                  highlight=False)
    err.print(report.summary.text(), highlight=False, markup=False)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="One CV.", exists=True, dir_okay=False)],
    rules: RulesOption = None,
    as_of: AsOfOption = None,
    blind: BlindOption = False,
    pdf_backend: PdfBackendOption = PdfBackendChoice.auto,
) -> None:
    """Show every requirement of one CV with its result and evidence."""
    from screener.report.explain import print_explanation
    from screener.result import Candidate

    screener = _screener(rules, as_of, pdf_backend)
    outcome = screener.screen_file(file)
    row = Candidate.from_outcome(outcome)
    if blind:
        from screener.blind import blind_candidate, blind_rows
        from screener.discover import Input

        given = Input(str(file.resolve()), str(file))
        row = blind_rows([blind_candidate(outcome, screener.loaded, file)], [given], [])[0][0]
    print_explanation(row, Console(highlight=False, emoji=False))


@app.command("parse")
def parse_command(
    file: Annotated[Path, typer.Argument(help="One CV.", exists=True, dir_okay=False)],
    as_of: AsOfOption = None,
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="JSON, or a readable dump.")] = ParseFormat.json,
    pdf_backend: PdfBackendOption = PdfBackendChoice.auto,
) -> None:
    """Dump what screener understood of one CV: sections, positions, skills and claims (for debugging)."""
    from screener.report.parsed import parsed_view, print_parsed

    screener = _screener(None, as_of, pdf_backend)
    view = parsed_view(screener.screen_file(file))
    if fmt is ParseFormat.json:
        from screener.report.output import write_output

        write_output(json.dumps(view, indent=2, ensure_ascii=False) + "\n", None)
    else:
        print_parsed(view, Console(highlight=False, emoji=False))


def _register_workflow() -> None:
    from screener import cli_audit, cli_cache, cli_rules

    cli_rules.register(app)
    cli_cache.register(app)
    cli_audit.register(app)


_register_workflow()


@contextlib.contextmanager
def _library_messages(shown: bool) -> Iterator[None]:
    """Warnings and log records of the libraries (pdfminer's 'Could not get FontBBox', …) go to stderr
    only with --debug: a damaged font is not the user's concern, and its evidence is in the report."""
    root = logging.getLogger()
    handler: logging.Handler = logging.StreamHandler() if shown else logging.NullHandler()
    root.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default" if shown else "ignore")
            yield
    finally:
        root.removeHandler(handler)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail on the closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> int:
    """Entry point with one error boundary: clear messages for users, a traceback only with --debug."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
    try:
        with _library_messages(shown=debug):
            code = app(args=args, prog_name="screener", standalone_mode=False)
    except BrokenPipeError:  # the reader went away (`screener … | head`): nothing more to say
        _silence_stdout()
        return EXIT_OK
    except RulesError as exc:
        for problem in exc.problems:  # one problem per line, unwrapped, for editors and CI logs
            err.print(problem, highlight=False, markup=False, soft_wrap=True)
        return EXIT_USAGE
    except WorkerStartError as exc:
        err.print(f"screener: {exc}.", highlight=False, markup=False)
        return EXIT_INTERNAL
    except ScreenerError as exc:
        err.print(f"screener: {exc}", highlight=False, markup=False, soft_wrap=True)  # one line, for scripts
        return EXIT_USAGE
    except (KeyboardInterrupt, typer.Abort):
        err.print("interrupted")
        return EXIT_INTERRUPTED
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except _CLICK_ERROR as exc:  # usage errors: a bad option, a missing argument
        exc.show()  # type: ignore[attr-defined]
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the one place a bug is turned into a message
        if debug:
            traceback.print_exc()
        else:
            err.print(f"screener: internal error: {type(exc).__name__}: {exc}. Please report it; "
                      "run again with --debug to see the traceback.", highlight=False, markup=False)
        return EXIT_INTERNAL
    return code if isinstance(code, int) else EXIT_OK
