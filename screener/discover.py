"""Discovery: the paths a user gives → the files to screen, in a stable order, and the ones skipped.

Every file found is either screened or skipped with a reason. Folders are walked recursively with
``os.scandir`` so that an unreadable folder is reported, not silently left out (as ``os.walk`` does).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from screener.report.build import Skipped

DOCUMENT_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".text", ""}


@dataclass(frozen=True)
class Input:
    path: Path
    file: str  # the name shown in the report: relative to the folder given, POSIX separators


def discover(paths: list[Path]) -> tuple[list[Input], list[Skipped]]:
    """Files to screen and files skipped, each in a stable order."""
    inputs: list[Input] = []
    skipped: list[Skipped] = []
    for given in paths:
        if given.is_dir():
            _walk(given, given, inputs, skipped)
        elif given.exists() or given.is_symlink():
            inputs.append(Input(given, str(given)))
        else:
            skipped.append(Skipped(str(given), "does not exist"))
    return inputs, skipped


def _walk(folder: Path, top: Path, inputs: list[Input], skipped: list[Skipped]) -> None:
    """Add a folder's files; symbolic links are followed only to files inside ``top``."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        skipped.append(Skipped(folder.relative_to(top).as_posix() + "/",
                               f"folder could not be read: {exc.strerror or exc}"))
        return
    for entry in entries:
        path = Path(entry.path)
        name = path.relative_to(top).as_posix()
        if entry.name.startswith("."):
            skipped.append(Skipped(name, "hidden file"))
        elif entry.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(top.resolve()) or not target.is_file():
                skipped.append(Skipped(name, "link that leaves the folder, loops or points to a folder"))
            else:
                inputs.append(Input(path, name))
        elif entry.is_dir(follow_symlinks=False):
            _walk(path, top, inputs, skipped)
        elif path.suffix.lower() not in DOCUMENT_SUFFIXES:
            skipped.append(Skipped(name, f"unsupported file type '{path.suffix}'"))
        else:
            inputs.append(Input(path, name))
