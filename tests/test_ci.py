"""The CI definitions: every push and pull request runs lint, types, tests and the samples check,
with actions pinned by commit."""

from __future__ import annotations

import re

import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "screener.yml"


def test_the_workflow_runs_everything_on_every_push_and_pull_request() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert set(triggers) == {"push", "pull_request"} and not any(triggers.values())  # no path or branch filter
    runs = " ; ".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    for command in ("ruff check", "mypy screener", "python -m pytest", "screener check"):
        assert command in runs, command


def test_actions_are_pinned_by_commit() -> None:
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_the_local_ci_script_runs_lint_and_types() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "ruff check screener tests benchmarks" in script and "mypy screener" in script
