"""Where the per-file work runs: worker processes on this machine, or tasks on a Dask cluster.

Both take the same inputs and settings and give one report row (a Candidate) per input, in the inputs'
order, with the same per-file limits, so the report does not depend on the executor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from screener.result import Candidate
from screener.worker import Settings, screen_all

if TYPE_CHECKING:
    from screener.discover import Input


class Executor(Protocol):
    def screen(self, tasks: Sequence[Input], settings: Settings, on_done: Callable[[], None]) -> list[Candidate]:
        """One row per task, in the tasks' order; ``on_done`` is called once per finished task."""
        ...


@dataclass(frozen=True)
class LocalPool:
    """Up to ``jobs`` worker processes on this machine."""

    jobs: int

    def screen(self, tasks: Sequence[Input], settings: Settings, on_done: Callable[[], None]) -> list[Candidate]:
        return screen_all(tasks, settings, self.jobs, on_done)


@dataclass(frozen=True)
class DaskCluster:
    """Tasks on the Dask cluster whose scheduler is at ``scheduler`` (e.g. tcp://10.0.0.5:8786)."""

    scheduler: str

    def screen(self, tasks: Sequence[Input], settings: Settings, on_done: Callable[[], None]) -> list[Candidate]:
        from screener.executor.dask import screen_on_dask

        return screen_on_dask(tasks, settings, self.scheduler, on_done)
