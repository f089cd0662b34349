"""The parse cache on disk: one SQLite file in WAL mode, so that two runs can share it. It has two tables:
``parsed`` (what extraction and parsing made of a file), ``found`` (what a rules file's words found in
such a parse, see screener.findings) and ``failed`` (why a file could not be read, where that follows
from its bytes alone); none holds a score.

Every value carries the sha256 of its JSON: a value that fails it, or does not decode, is a miss and is
deleted. A file that is not a screener parse cache of this layout (damaged, another program's
database, another version's) is deleted and made anew; a cache that still fails is switched off for
the run. Either way a file is screened from its bytes again, so results are never wrong.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from screener.cache.codec import DecodeError, decode, decode_findings, encode, encode_findings
from screener.errors import CONTENT_FAILURES, ExtractError
from screener.model import Document, Findings, Parsed

T = TypeVar("T")
FILE_NAME = "parse-cache.sqlite3"
APPLICATION_ID = 0x53435243  # 'SCRC' in the database header: a screener parse cache
LAYOUT = 2  # PRAGMA user_version: the table layout below
LOCK_WAIT = 30.0  # seconds a statement waits for another run's write to end
_TABLE = """CREATE TABLE parsed (
    key TEXT PRIMARY KEY,        -- sha256 and everything parsing depends on (see screener.cache.keys)
    document_key TEXT NOT NULL,  -- sha256 and everything extraction depends on
    value TEXT NOT NULL,         -- the parse as JSON (screener.cache.codec)
    checksum TEXT NOT NULL       -- sha256 of both keys and value
)"""
_INDEX = "CREATE INDEX parsed_document ON parsed (document_key)"
_FOUND = """CREATE TABLE found (
    key TEXT PRIMARY KEY,        -- a parse's key and what the rules look for (see screener.cache.keys)
    value TEXT NOT NULL,         -- the findings as JSON (screener.cache.codec)
    checksum TEXT NOT NULL       -- sha256 of key and value
)"""
_FAILED = """CREATE TABLE failed (
    key TEXT PRIMARY KEY,        -- a document's key (screener.cache.keys.document_key)
    value TEXT NOT NULL,         -- [error code, message] as JSON (screener.errors.CONTENT_FAILURES)
    checksum TEXT NOT NULL       -- sha256 of key and value
)"""
_SCHEMA = (_TABLE, _INDEX, _FOUND, _FAILED)
_VALUE_TABLES = {"found", "failed"}  # (key, value, checksum): one value per key
_SIDE_FILES = ("-wal", "-shm", "-journal")
_DAMAGED = (sqlite3.DatabaseError, UnicodeDecodeError)  # what reading a damaged file raises


class _NotOurs(Exception):
    """The file is a database, but not a parse cache of this layout."""


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    size: int  # bytes on disk, including the write-ahead log


class ParseCache:
    """What extraction and parsing made of each file, by key. Opened lazily, once per process."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._conn: sqlite3.Connection | None = None
        self._off = False  # set when the file cannot be used even after rebuilding it

    def load(self, key: str) -> Parsed | None:
        """The parse stored under ``key``, or None."""
        row = self._execute("SELECT rowid, key, document_key, value, checksum FROM parsed WHERE key = ?", (key,))
        return self._decoded(row, key=key) if row else None

    def load_document(self, document_key: str) -> Document | None:
        """The document of any parse of the same bytes read the same way (parsed for another month)."""
        row = self._execute("SELECT rowid, key, document_key, value, checksum FROM parsed WHERE document_key = ? "
                            "LIMIT 1", (document_key,))
        parsed = self._decoded(row, document_key=document_key) if row else None
        return parsed.document if parsed else None

    def store(self, key: str, document_key: str, parsed: Parsed) -> None:
        value = encode(parsed).encode()
        self._execute("INSERT OR REPLACE INTO parsed VALUES (?, ?, ?, ?)",
                      (key, document_key, value.decode(), _checksum(key, document_key, value)))

    def load_findings(self, key: str) -> Findings | None:
        """The findings stored under ``key`` (see screener.cache.keys.findings_key), or None."""
        return self._load("found", key, decode_findings)

    def store_findings(self, key: str, findings: Findings) -> None:
        self._store("found", key, encode_findings(findings))

    def load_failure(self, document_key: str) -> ExtractError | None:
        """Why the document could not be read, when that followed from its bytes alone; or None."""
        return self._load("failed", document_key, _decode_failure)

    def store_failure(self, document_key: str, failure: ExtractError) -> None:
        if failure.code in CONTENT_FAILURES:
            self._store("failed", document_key, json.dumps([failure.code, failure.message], ensure_ascii=False))

    def info(self) -> CacheInfo:
        if not self.path.exists():
            return CacheInfo(self.path, 0, 0)
        row = self._execute("SELECT count(*) FROM parsed", ())
        size = sum(p.stat().st_size for p in (self.path, *self._side_files()) if p.exists())
        return CacheInfo(self.path, row[0] if row else 0, size)

    def clear(self) -> int:
        """Delete every entry (and give the space back); how many there were."""
        entries = self.info().entries
        self.close()
        for path in (self.path, *self._side_files()):
            path.unlink(missing_ok=True)
        return entries

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # --- below: checking values, opening and rebuilding the file ----------------------------------------

    def _load(self, table: str, key: str, decode: Callable[[str], T]) -> T | None:
        """The value stored under ``key`` in a (key, value, checksum) table; one that fails its checksum
        or does not decode is deleted."""
        assert table in _VALUE_TABLES
        row = self._execute(f"SELECT rowid, value, checksum FROM {table} WHERE key = ?", (key,))
        if row is None:
            return None
        rowid, value, checksum = row
        try:
            if checksum.decode() == _checksum(key, "", value):
                return decode(value.decode())
        except (DecodeError, UnicodeDecodeError, AttributeError):
            pass
        self._execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
        return None

    def _store(self, table: str, key: str, value: str) -> None:
        assert table in _VALUE_TABLES
        data = value.encode()
        self._execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", (key, value, _checksum(key, "", data)))

    def _decoded(self, row: tuple[Any, ...], key: str | None = None, document_key: str | None = None) -> Parsed | None:
        """The value of a row if its checksum holds for the key asked for (a damaged index cannot hand
        over another file's parse); a row that fails is deleted."""
        rowid, row_key, row_document_key, value, checksum = row  # bytes: damaged text must not fail in sqlite3
        try:
            expected = _checksum(key or row_key.decode(), document_key or row_document_key.decode(), value)
            if checksum.decode() == expected:
                return decode(value.decode())
        except (DecodeError, UnicodeDecodeError, AttributeError):
            pass
        self._execute("DELETE FROM parsed WHERE rowid = ?", (rowid,))
        return None

    def _execute(self, sql: str, args: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """Run one statement and fetch its first row; a damaged file is rebuilt and the statement tried
        once more. A cache that is locked for too long or cannot be used is a miss (or keeps nothing)."""
        for _ in range(2):
            conn = self._connection()
            if conn is None:
                return None
            try:
                if sql.startswith(("INSERT", "DELETE")):
                    _write(conn, sql, args)
                    return None
                row: tuple[Any, ...] | None = conn.execute(sql, args).fetchone()
                return row
            except sqlite3.OperationalError:  # locked by another run for too long, disk full, I/O error
                return None
            except _DAMAGED:
                self._rebuild()
        return None

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is None and not self._off:
            try:
                self._conn = self._open()
            except sqlite3.OperationalError:  # locked by another run for too long, or the disk fails: the
                self._off = True  # file may be sound, so it is not rebuilt; this run goes on without it
            except (_NotOurs, *_DAMAGED):
                self._rebuild()
            except OSError:  # the folder cannot be made or written: run without a cache
                self._off = True
        return self._conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None, check_same_thread=False)
        conn.text_factory = bytes
        try:
            _write_ahead_log(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("BEGIN IMMEDIATE")  # two runs opening a new file at once: one creates the table
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            layout = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if (app, layout, tables) == (0, 0, set()):
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {LAYOUT}")
            elif (app, layout, tables) != (APPLICATION_ID, LAYOUT, {b"parsed", *(t.encode() for t in _VALUE_TABLES)}):
                raise _NotOurs
            elif {r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE sql NOT NULL")} \
                    != {statement.encode() for statement in _SCHEMA}:
                raise _NotOurs  # a damaged schema (a column renamed by a flipped bit) fails every query
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        return conn

    def _rebuild(self) -> None:
        """Delete a file that is not a usable parse cache and start an empty one; off if that fails too."""
        self.close()
        try:
            for path in (self.path, *self._side_files()):
                path.unlink(missing_ok=True)
            self._conn = self._open()
        except (OSError, _NotOurs, *_DAMAGED):
            self._off = True

    def _side_files(self) -> list[Path]:
        return [self.path.with_name(self.path.name + suffix) for suffix in _SIDE_FILES]


def _write_ahead_log(conn: sqlite3.Connection) -> None:
    """Switch to write-ahead logging, waiting up to :data:`LOCK_WAIT` for another run's lock: SQLite's busy
    timeout does not cover this switch, which fails at once while another run holds a lock (two runs
    opening a new cache at once)."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _write(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...]) -> None:
    """One statement in a transaction that takes the write lock first, waiting for another run to let it
    go: a statement in a read transaction that must then write fails at once when another run wrote
    meanwhile (SQLite does not wait there), and its entry would be lost."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(sql, args)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _decode_failure(text: str) -> ExtractError:
    try:
        code, message = json.loads(text)
        if code in CONTENT_FAILURES and type(message) is str:
            return ExtractError(code, message)
    except (ValueError, TypeError):
        pass
    raise DecodeError("not a stored failure")


def _checksum(key: str, document_key: str, value: bytes) -> str:
    return hashlib.sha256(f"{key}\0{document_key}\0".encode() + value).hexdigest()
