"""A batch's rows on disk while it runs, so the parent's memory stays flat whatever the folder's size.

Each finished row is encoded into an anonymous temporary file (created in the report's folder, or the
system's temporary folder, and unlinked at once: no name is ever visible, so Ctrl-C, an exception or
even a killed process leaves no spool behind). The parent keeps only what ranking and counting need —
file, status, score, verdict and where the row lies — and reads a row back when a report writes it.
Rows are MessagePack decoded against the row's own type (msgspec), not the JSON contract: they come
back exactly as they went in (every field's type checked), with no second encoding of the contract to
keep in step, and about twice as fast as pickle.
"""

from __future__ import annotations

import math
import os
import tempfile
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import msgspec

from screener.result import Candidate, Status, Summary, Tally, Verdict, score_key

_ENCODE = msgspec.msgpack.Encoder().encode
_DECODE = msgspec.msgpack.Decoder(Candidate).decode
RowText = Callable[[Candidate], bytes]  # a row as the report will write it (the JSON contract's text)


@dataclass(frozen=True)
class Packed:
    """A row encoded where it was made, beside the fields ranking and counting read, and, when the report
    needs it, its text as the report writes it (so that worker processes, not the parent, encode it).
    The parent stores it as it comes: building each row's many small objects only to encode them again
    would cost time and leave its heap fragmented between the entries it keeps, so its memory would
    creep with the batch."""

    file: str
    status: Status
    score: float | None
    verdict: Verdict | None
    data: bytes
    text: bytes | None = None

    @classmethod
    def of(cls, row: Candidate, text_of: RowText | None = None) -> Packed:
        return cls(row.file, row.status, row.score, row.verdict, _ENCODE(row),
                   text_of(row) if text_of else None)

    def unpack(self) -> Candidate:
        row: Candidate = _DECODE(self.data)
        return row


Row = Candidate | Packed  # what an executor hands over: workers pack rows, the parent's error rows are not


def unpacked(row: Row) -> Candidate:
    return row.unpack() if isinstance(row, Packed) else row


class Spool(Sequence[Candidate]):
    """Rows by position (the report's file order), read back from disk one at a time; also
    :class:`~screener.result.Ranked`, so formatters rank by the kept keys without reading a row.

    What is kept of each row — its position, where it lies, its score and its file name — sits in typed
    arrays and one list, in arrival order: about 100 bytes a row rather than an object of its own. With
    ``text_of``, each row's text is kept after it (see :class:`Packed`)."""

    def __init__(self, folder: Path | None = None, text_of: RowText | None = None) -> None:
        self._file = tempfile.TemporaryFile(prefix=".screener-spool-", dir=folder)  # noqa: SIM115 (closed by __exit__)
        self._text_of = text_of
        self._positions = array("q")  # the row's input's index: the report's file order
        self._offsets = array("q")  # a row ends where the next one begins (the last at _end)
        self._texts = array("q")  # where its text begins, after the encoded row
        self._scores = array("d")  # NaN for a row without a score (an error)
        self._files: list[str] = []
        self._end = 0
        self._order: array[int] | None = None
        self._by_file = False
        self._tally = Tally()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def put(self, position: int, row: Row) -> None:
        """Store a finished row at ``position`` of the file order."""
        packed = row if isinstance(row, Packed) and (row.text is not None or self._text_of is None) \
            else Packed.of(unpacked(row), self._text_of)
        text = (packed.text or b"") if self._text_of else b""
        os.pwritev(self._file.fileno(), [packed.data, text], self._end)
        self._positions.append(position)
        self._offsets.append(self._end)
        self._texts.append(self._end + len(packed.data))
        self._scores.append(math.nan if row.score is None else row.score)
        self._files.append(row.file)
        self._end += len(packed.data) + len(text)
        self._order = None
        self._tally.add(row)

    def order_by_file(self) -> None:
        """Order rows by their file names, not their positions (blind mode renames rows by hash)."""
        self._by_file = True
        self._order = None

    def summary(self, skipped: int) -> Summary:
        """The counts, kept as the rows arrived."""
        return self._tally.summary(skipped)

    def ranked(self) -> Sequence[Candidate]:
        """The rows best first, ranked by the kept keys."""
        def key(n: int) -> tuple[bool, float, str]:
            return score_key(None if math.isnan(self._scores[n]) else self._scores[n], self._files[n])

        return _Rows(self, array("q", sorted(range(len(self)), key=key)))

    def read(self, n: int) -> Candidate:
        """The ``n``-th row to arrive."""
        start = self._offsets[n]
        row: Candidate = _DECODE(os.pread(self._file.fileno(), self._texts[n] - start, start))
        return row

    def texts(self) -> Iterator[bytes] | None:
        """Each row's text, in file order; None when the rows were kept without (no ``text_of``)."""
        if self._text_of is None:
            return None
        return (os.pread(self._file.fileno(), self._end_of(n) - self._texts[n], self._texts[n])
                for n in self._in_order())

    def _end_of(self, n: int) -> int:
        return self._offsets[n + 1] if n + 1 < len(self) else self._end

    def _in_order(self) -> array[int]:
        if self._order is None:
            kept: Sequence[str] | Sequence[int] = self._files if self._by_file else self._positions
            self._order = array("q", sorted(range(len(self)), key=kept.__getitem__))
        return self._order

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Candidate]: ...

    def __getitem__(self, index: int | slice) -> Candidate | Sequence[Candidate]:
        return _Rows(self, self._in_order())[index]


class _Rows(Sequence[Candidate]):
    """Spooled rows in a given order, each read when asked for."""

    def __init__(self, spool: Spool, arrivals: array[int]) -> None:
        self._spool, self._arrivals = spool, arrivals

    def __len__(self) -> int:
        return len(self._arrivals)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Candidate]: ...

    def __getitem__(self, index: int | slice) -> Candidate | Sequence[Candidate]:
        if isinstance(index, slice):
            return _Rows(self._spool, self._arrivals[index])
        return self._spool.read(self._arrivals[index])

