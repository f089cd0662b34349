"""ZIP packages (DOCX, ODT): members read against one inflated-size budget, XML parsed safely.

A member is refused before inflating when its declared size does not fit the budget or its
compression ratio is absurd, and inflated bytes are counted while streaming; both give ``unsafe`` (a
decompression bomb). XML is parsed with DTDs forbidden, so entity tricks (XXE, billion laughs) raise
defusedxml's ``DTDForbidden`` and are reported as ``unsafe`` by the caller: the prolog is first read by
a bare expat parser that only watches for a DOCTYPE, then by the C ElementTree parser (defusedxml's own
parser builds the tree in Python, several times slower on Word's long styles.xml).
"""

from __future__ import annotations

import io
import pyexpat
import zipfile
from collections.abc import Iterator
from typing import IO, cast
from xml.etree.ElementTree import Element, ParseError, XMLParser, XMLPullParser

from defusedxml import DTDForbidden

from screener.errors import ExtractError

_MAX_RATIO = 200  # deflate bombs reach ~1000:1; office XML stays far below 100:1
_RATIO_FLOOR = 1 << 20  # small members may compress well without harm


def unsafe(message: str) -> ExtractError:
    return ExtractError("unsafe", message)


class Budget:
    """Opens ZIP members against one shared inflated-size budget."""

    def __init__(self, archive: zipfile.ZipFile, limit: int) -> None:
        self.archive, self.left = archive, limit

    def open(self, name: str) -> Capped | None:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise ExtractError("encrypted", f"{name} is encrypted inside the ZIP")
        if info.file_size > self.left:
            raise unsafe(f"{name} inflates to {info.file_size} bytes, over the {self.left} bytes left "
                          "of the decompression limit")
        if info.file_size > _RATIO_FLOOR and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
            raise unsafe(f"{name} has a compression ratio over {_MAX_RATIO}:1 (a decompression bomb)")
        return Capped(self.archive.open(info), self)


class Capped(io.RawIOBase):
    """A member stream that charges what it actually inflates to the budget."""

    def __init__(self, raw: IO[bytes], budget: Budget) -> None:
        self.raw, self.budget = raw, budget

    def read(self, size: int | None = -1) -> bytes:
        data = self.raw.read(-1 if size is None else size)
        self.budget.left -= len(data)
        if self.budget.left < 0:
            raise unsafe("the document inflates beyond the decompression limit")
        return data


def read_xml(stream: Capped) -> Element:
    parser = XMLParser()
    for chunk in _no_dtd(stream, 64 * 1024):
        parser.feed(chunk)
    root: Element = parser.close()
    return root


def iter_xml(stream: Capped) -> Iterator[tuple[str, Element]]:
    """(event, element) pairs, 'start' and 'end', as the XML is read: :func:`xml.etree.ElementTree.iterparse`."""
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    for chunk in _no_dtd(stream, 16 * 1024):
        parser.feed(chunk)
        yield from cast(Iterator[tuple[str, Element]], parser.read_events())
    parser.close()
    yield from cast(Iterator[tuple[str, Element]], parser.read_events())


class _RootReached(Exception):
    """The prolog is over: a DOCTYPE cannot come after the root element's start tag."""


def _no_dtd(stream: Capped, size: int) -> Iterator[bytes]:
    """The stream's chunks, the prolog first read by a parser that raises ``DTDForbidden`` at a DOCTYPE,
    as soon as it starts (so before the parser proper can read an entity declaration). A DOCTYPE may
    only stand before the root element; after the root's start tag it is a well-formedness error for
    the parser proper, so the guard stops there instead of reading the whole part twice."""
    guard = pyexpat.ParserCreate(None, "}")  # as ElementTree's parser: the same well-formedness errors

    def forbid(name: str, sysid: str | None, pubid: str | None, internal: bool) -> None:
        raise DTDForbidden(name, sysid, pubid)

    def stop(name: str, attributes: dict[str, str]) -> None:
        raise _RootReached

    guard.StartDoctypeDeclHandler = forbid
    guard.StartElementHandler = stop
    in_prolog = True
    while chunk := stream.read(size):
        if in_prolog:
            try:
                guard.Parse(chunk, False)
            except _RootReached:
                in_prolog = False
            except pyexpat.ExpatError as exc:  # malformed: the parser proper reports it; it must not go on
                yield chunk
                raise ParseError(str(exc)) from None
        yield chunk
