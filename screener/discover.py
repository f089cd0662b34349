"""Discovery: the paths a user gives → the files to screen and the ones skipped, each in a stable order.

Every entry found is either screened or skipped with a reason. Folders are walked with ``os.scandir``
(iteratively, so depth is no problem) so that an unreadable folder is reported, not silently left out
as ``os.walk`` does. Symbolic links are followed only to regular files inside the folder given; links
that leave it, loop, dangle or point to folders are skipped. FIFOs, sockets and devices are skipped
(reading a FIFO would block). Files named on the command line are screened whatever their name.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from screener.result import Skipped

DOCUMENT_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".text", "", ".json", ".html", ".htm",
                     ".odt", ".rtf", ".png", ".jpg", ".jpeg"}  # images are read by OCR, or say how to enable it
# Shown escaped in names: controls, line/paragraph separators and bidi overrides (which can make a
# name in a terminal or spreadsheet look like another).
_UNSAFE = {*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


@dataclass(frozen=True, slots=True)
class Input:
    """A file to screen. Two strings, no ``Path`` object: the parent holds one per file for the whole batch."""

    location: str  # the absolute path: a worker's current folder may not be the caller's
    file: str  # the name shown in the report (see display_name)

    @property
    def path(self) -> Path:
        return Path(self.location)


def looked_for() -> str:
    """The files a folder is searched for, in a sentence."""
    suffixes = ", ".join(sorted(s for s in DOCUMENT_SUFFIXES if s))
    return f"screener reads {suffixes} files and files without an extension (the type is read from the content)"


def display_name(name: str) -> str:
    """A file name safe for any report: bytes that are not UTF-8 and control characters as ``\\xNN``,
    line separators and bidi controls as ``\\uNNNN``.

    Names are otherwise kept as they are (not NFC-normalised), so two files whose names differ only
    in normalisation stay two rows.
    """
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    if not any(ord(c) in _UNSAFE for c in text):
        return text
    return "".join((f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") if ord(c) in _UNSAFE else c
                   for c in text)


def discover(paths: Sequence[Path]) -> tuple[list[Input], list[Skipped]]:
    """Files to screen and entries skipped, both sorted by their shown name.

    Names are relative to the folder given (POSIX separators), prefixed with that folder when
    several paths are given (so equal names in two folders stay apart); a file given directly keeps
    the path as given. A file reached twice (a folder given twice) is listed once.
    """
    inputs: dict[str, Input] = {}
    skipped: list[Skipped] = []
    for given in paths:
        shown = str(given)
        prefix = "" if len(paths) == 1 else shown.rstrip("/") + "/"
        try:
            mode = given.stat().st_mode
        except OSError as exc:
            if exc.errno == errno.EACCES:  # the worker will report it as unreadable
                _add(inputs, given, shown)
            else:
                skipped.append(Skipped(display_name(shown), _missing(given, exc)))
            continue
        if stat.S_ISDIR(mode):
            _walk(given, prefix, inputs, skipped)
        elif stat.S_ISREG(mode):
            _add(inputs, given, shown)
        else:
            skipped.append(Skipped(display_name(shown), "not a regular file (a FIFO, socket or device)"))
    return (sorted(inputs.values(), key=lambda i: (i.file, i.location)),
            sorted(skipped, key=lambda s: (s.file, s.reason)))


def _add(inputs: dict[str, Input], path: str | Path, name: str) -> None:
    absolute = os.path.normpath(os.path.abspath(path))
    inputs.setdefault(absolute, Input(absolute, display_name(name)))


def _missing(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (not followed)"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if path.is_symlink() else "does not exist"
    return f"could not be examined: {exc.strerror or exc}"


IGNORE_FILE = ".screenerignore"


def _ignore_patterns(top: Path) -> list[str]:
    """Glob patterns from the folder's .screenerignore (one per line, '#' comments): paths relative
    to the folder that are listed as skipped instead of screened, e.g. 'README.md' or 'src/'."""
    try:
        text = (top / IGNORE_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _ignored(relative: str, is_dir: bool, patterns: list[str]) -> str | None:
    target = relative + "/" if is_dir else relative
    return next((p for p in patterns if fnmatch.fnmatchcase(target, p) or fnmatch.fnmatchcase(relative, p)), None)


def _walk(top: Path, prefix: str, inputs: dict[str, Input], skipped: list[Skipped]) -> None:
    """Add a folder's files; ``prefix`` + the path relative to ``top`` is the shown name."""
    walk = _Walk(os.path.realpath(top), prefix, _ignore_patterns(top), inputs, skipped)
    stack: list[tuple[str, str]] = [(str(top), prefix)]
    while stack:
        folder, rel = stack.pop()
        shown = display_name(rel or prefix or str(top) + "/")
        try:
            listing = os.scandir(folder)
        except OSError as exc:
            skipped.append(Skipped(shown, f"folder could not be read ({exc.strerror or exc}); "
                                          "its files are not listed"))
            continue
        with listing:
            try:
                for entry in listing:  # one at a time: a folder of 100,000 files is not held as a list
                    if (subfolder := walk.visit(entry, rel)) is not None:
                        stack.append(subfolder)
            except OSError as exc:
                skipped.append(Skipped(shown, f"folder could not be read to the end ({exc.strerror or exc}); "
                                              "some of its files are not listed"))


@dataclass(frozen=True)
class _Walk:
    real_top: str
    prefix: str
    patterns: list[str]
    inputs: dict[str, Input]
    skipped: list[Skipped]

    def visit(self, entry: os.DirEntry[str], rel: str) -> tuple[str, str] | None:
        """Add one entry of a folder to the inputs or the skipped; a folder to search is returned instead."""
        name = rel + entry.name
        is_dir = _is_dir(entry)
        if (pattern := _ignored(name[len(self.prefix):], is_dir, self.patterns)) is not None:
            self.skipped.append(Skipped(display_name(name + "/" if is_dir else name),
                                        f"excluded by {IGNORE_FILE} ('{pattern}')"))
        elif entry.name.startswith("."):
            self.skipped.append(Skipped(display_name(name + "/") if is_dir else display_name(name),
                                        "hidden folder (not searched)" if is_dir else "hidden file"))
        elif is_dir:
            return entry.path, name + "/"
        elif (reason := _skip_reason(entry, self.real_top)) is not None:
            self.skipped.append(Skipped(display_name(name), reason))
        else:
            _add(self.inputs, entry.path, name)
        return None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A real folder (not a link to one)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _skip_reason(entry: os.DirEntry[str], real_top: str) -> str | None:
    """Why a file (or link) in a folder is not screened; None to screen it."""
    try:
        mode = entry.stat(follow_symlinks=entry.is_symlink()).st_mode
    except OSError as exc:
        if entry.is_symlink():
            return _missing(Path(entry.path), exc)
        mode = stat.S_IFREG  # cannot be examined: the worker reports it as unreadable
    if entry.is_symlink():
        if os.path.commonpath([real_top, os.path.realpath(entry.path)]) != real_top:
            return "symbolic link that leaves the folder (not followed)"
        if stat.S_ISDIR(mode):
            return "symbolic link to a folder (not followed)"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device)"
    if (suffix := PurePath(entry.name).suffix).lower() not in DOCUMENT_SUFFIXES:
        return f"unsupported file type '{display_name(suffix)}'"
    return None
