"""An append-only JSON Lines log of screening runs, hash-chained so that an edit, a deletion or a
reordering is found by :func:`verify`.

Each record carries ``seq`` (1, 2, 3, … in file order), ``prev`` (the previous record's hash; 64
zeros for the first) and ``hash``: the sha256 of the record's canonical JSON without ``hash``. An
edited record no longer matches its hash; a record edited and re-hashed no longer matches the next
record's ``prev``; a deleted or moved record breaks the sequence. Records hold outcomes and hashes,
never CV text or personal data (see :func:`screener.audit.records.run_record`).

Appends take an exclusive lock on the file (``fcntl.flock``), so concurrent runs chain correctly, and
are fsync'ed before the lock is released. The log proves that it has not been altered since the last
record only together with that record's hash kept elsewhere: ``screener audit verify`` prints it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screener.errors import ScreenerError

try:
    import fcntl
except ImportError:  # Windows: appends are not locked against concurrent runs
    fcntl = None  # type: ignore[assignment]

GENESIS = "0" * 64
LOG_NAME = "audit.jsonl"


def default_log_path() -> Path:
    """The log in the user's data folder (e.g. ~/.local/share/screener/audit.jsonl on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("screener", appauthor=False) / LOG_NAME


def record_hash(record: dict[str, Any]) -> str:
    """The sha256 of a record's canonical JSON (sorted keys, no spaces), leaving out its own hash."""
    body = {k: v for k, v in record.items() if k != "hash"}
    return hashlib.sha256(_canonical(body)).hexdigest()


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


class Spilled:
    """A JSON array with one element per screened file, kept in an unlinked temporary file as each
    element's canonical JSON, so a record of 100,000 files is not held in memory."""

    def __init__(self, items: Iterable[Any]) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed with this object)
        for n, item in enumerate(items):
            self._file.write((b"," if n else b"") + _canonical(item))

    def chunks(self) -> Iterator[bytes]:
        yield b"["
        self._file.seek(0)
        while block := self._file.read(1 << 16):
            yield block
        yield b"]"


def _pieces(value: Any) -> Iterator[bytes]:
    """``value`` as canonical JSON (the bytes :func:`record_hash` hashes), in pieces, reading
    :class:`Spilled` arrays back from their files."""
    if isinstance(value, Spilled):
        yield from value.chunks()
    elif isinstance(value, dict):
        for n, key in enumerate(sorted(value)):
            yield (b"," if n else b"{") + _canonical(key) + b":"
            yield from _pieces(value[key])
        yield b"}" if value else b"{}"
    elif isinstance(value, list | tuple):
        for n, item in enumerate(value):
            yield b"," if n else b"["
            yield from _pieces(item)
        yield b"]" if value else b"[]"
    else:
        yield _canonical(value)


@contextmanager
def _locked(path: Path) -> Iterator[int]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # closing releases the lock


_EDGE = 4096  # bytes read at each end of the last record
_HASH = re.compile(rb'"hash":"([0-9a-f]{64})"')
_SEQ = re.compile(rb'"seq":(\d+)')


def _chain_end(fd: int) -> tuple[str, int]:
    """The ``hash`` and ``seq`` of the file's last record (GENESIS and 0 when there is none).

    Read from the two ends of its line, not parsed whole: a record lists every file of its batch. Keys
    are sorted, so ``hash`` comes before the long values (``options``, ``runs``) and ``seq`` after them;
    inside a JSON string every quote is escaped, so ``"hash":`` and ``"seq":`` can only be keys. A cut
    line (no closing brace) or one without them is damaged; anything else wrong is for :func:`verify`."""
    end = os.lseek(fd, 0, os.SEEK_END)
    while end > 0 and os.pread(fd, 1, end - 1) == b"\n":
        end -= 1
    start = end
    while start > 0:
        block = os.pread(fd, min(8192, start), max(0, start - 8192))
        if (cut := block.rfind(b"\n")) >= 0:
            start -= len(block) - cut - 1
            break
        start -= len(block)
    if start == end:
        return GENESIS, 0
    head = os.pread(fd, min(_EDGE, end - start), start)
    tail = os.pread(fd, min(_EDGE, end - start), max(start, end - _EDGE))
    found_hash, found_seq = _HASH.search(head), _SEQ.findall(tail)
    if not (head.startswith(b"{") and tail.endswith(b"}") and found_hash and found_seq):
        raise ValueError("not a whole record")
    return found_hash.group(1).decode(), int(found_seq[-1])


def _unwritable(path: Path, exc: OSError) -> ScreenerError:
    return ScreenerError(f"cannot write the audit log '{path}': {exc.strerror or exc} "
                         "(pass --audit-log PATH to write it elsewhere, or --no-audit)")


def check_writable(path: Path) -> None:
    """Fail now, before a batch is screened, if the log cannot be appended to (creating it if need be)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))
    except OSError as exc:
        raise _unwritable(path, exc) from None


def append(path: Path, entry: dict[str, Any]) -> dict[str, Any]:
    """Add one record to the log at ``path`` (created with mode 0600) and return it as written. Its values
    may include :class:`Spilled` arrays."""
    try:
        with _locked(path) as fd:
            try:
                prev, seq = _chain_end(fd)
            except ValueError:
                raise ScreenerError(f"the audit log '{path}' ends in a damaged record: check it with "
                                    f"'screener audit verify {path}', or pass --audit-log or --no-audit") from None
            record = {"seq": seq + 1, **entry, "prev": prev}
            digest = hashlib.sha256()
            for piece in _pieces(record):
                digest.update(piece)
            record["hash"] = digest.hexdigest()
            size = os.lseek(fd, 0, os.SEEK_END)
            needs_newline = size > 0 and os.pread(fd, 1, size - 1) != b"\n"
            with open(fd, "wb", buffering=1 << 16, closefd=False) as out:  # appends: the fd is O_APPEND
                out.write(b"\n" if needs_newline else b"")
                out.writelines(_pieces(record))
                out.write(b"\n")
            os.fsync(fd)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    return record


@dataclass(frozen=True)
class Verification:
    """The result of checking a log: intact, or the first problem and the line it is on."""

    records: int
    head: str  # the hash of the last record checked (GENESIS for an empty log)
    line: int | None = None  # 1-based line of the first problem
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify(path: Path) -> Verification:
    """Check every record's hash, the chain of ``prev`` hashes and the sequence numbers, in file order."""
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as exc:
        raise ScreenerError(f"cannot read the audit log '{path}': {exc.strerror or exc}") from None
    if lines and lines[-1] == b"":
        lines.pop()
    records: list[dict[str, Any] | None] = []
    for raw in lines:
        try:
            record = json.loads(raw)
        except ValueError:
            record = None
        records.append(record if isinstance(record, dict) else None)
    seqs = [r.get("seq") if r else None for r in records]
    prev = GENESIS
    for n, record in enumerate(records, start=1):
        expected = n
        if record is None:
            return Verification(n - 1, prev, n, "not a JSON record (damaged or edited)")
        if record.get("hash") != record_hash(record):
            return Verification(n - 1, prev, n, f"record {record.get('seq')} was edited: its content does not "
                                                "match its hash")
        seq = record.get("seq")
        if seq != expected:
            if expected in seqs[n:]:
                why = f"records are out of order: record {seq} comes before record {expected}"
            elif isinstance(seq, int) and seq > expected:
                gone = f"record {expected}" if seq == expected + 1 else f"records {expected}–{seq - 1}"
                why = f"{gone} missing before this line (deleted?)"
            else:
                why = f"record {seq} is out of place (expected record {expected})"
            return Verification(n - 1, prev, n, why)
        if record.get("prev") != prev:
            return Verification(n - 1, prev, n, f"the chain is broken: record {seq} does not follow the hash "
                                                "of the record before it (that record was replaced?)")
        prev = record["hash"]
    return Verification(len(records), prev)
