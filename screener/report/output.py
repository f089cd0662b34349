"""Where a report goes: standard output, or a file that appears whole or not at all.

The file is checked (and its temporary sibling created) before any CV is screened, so a wrong
``--output`` fails in a second, not after the batch. The finished file follows the umask like any
file the user creates: a report is meant to be shared.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from screener.errors import ScreenerError
from screener.report import SUFFIXES, Format


def choose_format(fmt: Format | None, output: Path | None, warn: Callable[[str], None]) -> Format:
    """``--format`` when given, else the format the output file's extension names, else the table."""
    implied = SUFFIXES.get(output.suffix.lower()) if output is not None else None
    if fmt is None:
        if output is not None and implied is None:
            warn(f"'{output.name}': the extension names no report format, so it gets the table; "
                 f"use --format ({', '.join(f.value for f in Format)}) to choose")
        return implied or Format.table
    if implied is not None and implied is not fmt:
        warn(f"writing {fmt.value} to '{output}', whose extension suggests {implied.value}")
    return fmt


@contextlib.contextmanager
def report_output(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside ``output`` renamed into place when the block ends
    without an error (and removed when it does not)."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    handle, tmp = _open_beside(output)
    try:
        with handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to standard output, or atomically to a file (see :func:`report_output`)."""
    with report_output(output) as out:
        out.write(text)


def _open_beside(output: Path) -> tuple[TextIO, str]:
    if output.is_dir():
        raise ScreenerError(f"cannot write the report to '{output}': it is a folder")
    parent = output.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScreenerError(f"cannot write the report to '{output}': its folder '{parent}' cannot be created "
                            f"({exc.strerror or exc})") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise ScreenerError(f"cannot write the report to '{output}': {exc.strerror or exc} in '{parent}'") from None
    return os.fdopen(fd, "w", encoding="utf-8", newline=""), tmp


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
