"""Where the per-file work runs: worker processes on this machine, or tasks on a Dask cluster.

Both take the same inputs and settings and hand over one report row per input (packed by the worker
that made it, see screener.spool), with its input's index, as soon as it is finished, with the same
per-file limits, so the report does not depend on the executor and the caller need not keep the rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from screener.spool import Row
from screener.worker import Settings, prepare, screen_each

if TYPE_CHECKING:
    from screener.discover import Input


class Executor(Protocol):
    @property
    def processes(self) -> int:
        """How many processes of this machine it may keep busy."""
        ...

    def prepare(self) -> None:
        """Get ready to screen (start what takes time to start), while the caller does something else."""
        ...

    def screen(self, tasks: Sequence[Input], settings: Settings, on_row: Callable[[int, Row], None]) -> None:
        """``on_row(index, row)`` once per task, in the order tasks finish."""
        ...


@dataclass(frozen=True)
class LocalPool:
    """Up to ``jobs`` worker processes on this machine."""

    jobs: int

    @property
    def processes(self) -> int:
        return self.jobs

    def prepare(self) -> None:
        prepare()

    def screen(self, tasks: Sequence[Input], settings: Settings, on_row: Callable[[int, Row], None]) -> None:
        screen_each(tasks, settings, self.jobs, on_row)


@dataclass(frozen=True)
class DaskCluster:
    """Tasks on the Dask cluster whose scheduler is at ``scheduler`` (e.g. tcp://10.0.0.5:8786)."""

    scheduler: str
    processes: int = 1  # of this machine: the cluster's are its own

    def prepare(self) -> None:
        pass  # the cluster's workers are already running

    def screen(self, tasks: Sequence[Input], settings: Settings, on_row: Callable[[int, Row], None]) -> None:
        from screener.executor.dask import screen_on_dask

        screen_on_dask(tasks, settings, self.scheduler, on_row)
