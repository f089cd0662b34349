from __future__ import annotations

import dataclasses
import os
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
AS_OF = date(2026, 11, 1)


@pytest.fixture(scope="session", autouse=True)
def _own_parse_cache(tmp_path_factory):
    """The suite never touches the user's parse cache: it gets its own (CLI subprocesses inherit it)."""
    from screener.cache import ENV_FOLDER

    os.environ[ENV_FOLDER] = str(tmp_path_factory.mktemp("parse-cache"))


@pytest.fixture(scope="session")
def loaded_rules():
    from screener.rules import load_rules

    return load_rules(REPO / "rules" / "requirements.yaml")


@pytest.fixture(scope="session")
def screener(loaded_rules):
    from screener.pipeline import Screener

    return Screener(loaded_rules, AS_OF)


@pytest.fixture(scope="session")
def samples_report(loaded_rules):
    """The bundled samples screened once per test session, in this process, as of 2026-11-01, with the
    rules named as `screener screen samples/` names them from the repository's root."""
    from screener.pipeline import Screener

    rules = dataclasses.replace(loaded_rules, path="rules/requirements.yaml")
    return Screener(rules, AS_OF).screen_paths([REPO / "samples"])


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that folder is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(autouse=True, scope="session")
def _default_audit_log(tmp_path_factory: pytest.TempPathFactory):
    """Commands run by the tests append to an audit log of their own, never to the user's."""
    log = tmp_path_factory.mktemp("data") / "audit.jsonl"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("screener.audit.log.default_log_path", lambda: log)
        yield log
