"""ZIP packages (DOCX, ODT): members read against one inflated-size budget, XML parsed safely.

A member is refused before inflating when its declared size does not fit the budget or its
compression ratio is absurd, and inflated bytes are counted while streaming; both give ``unsafe`` (a
decompression bomb). XML is parsed with DTDs forbidden, so entity tricks (XXE, billion laughs) raise
defusedxml's ``DTDForbidden`` and are reported as ``unsafe`` by the caller: the prolog (all before the
root element, the only place a DOCTYPE may stand) is first read by a bare expat parser that only
watches for a DOCTYPE. Then the part goes to the C ElementTree parser (defusedxml's own parser builds
the tree in Python, several times slower), or to lxml, which resolves no entity and loads nothing, for
a long part that is mostly skipped.
"""

from __future__ import annotations

import io
import pyexpat
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, TypeAlias, cast
from xml.etree.ElementTree import Element, ParseError, XMLParser, XMLPullParser

from defusedxml import DTDForbidden
from lxml import etree

from screener.errors import ExtractError

XmlElement: TypeAlias = Element | etree._Element  # ElementTree's, or lxml's (from parse_tree)
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
    return _element_tree(_no_dtd(_chunks(stream, 64 * 1024)))


def read_guarded(stream: Capped) -> bytes:
    """The whole part, refused (``DTDForbidden``) if its prolog declares a DTD; for :func:`parse_tree`."""
    return b"".join(_no_dtd(_chunks(stream, 64 * 1024)))


def parse_tree(part: bytes) -> XmlElement:
    """A part from :func:`read_guarded` parsed by lxml, for a long part that is mostly skipped (Word's
    styles.xml): libxml2 builds its tree several times faster than ElementTree, though walking lxml's
    elements from Python is slower. lxml resolves no entity and loads nothing, and a DTD it meets is
    refused all the same. A part libxml2 refuses goes to ElementTree, behind the DTD guard again, which
    either reports it in the words :func:`read_xml` uses or reads it (libxml2 alone refuses nesting
    over 256 levels)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)  # as ElementTree: no comments, no PIs
    try:
        root = etree.fromstring(part, parser)
    except etree.LxmlError:
        return _element_tree(_no_dtd([part]))
    if (info := root.getroottree().docinfo).doctype:
        raise DTDForbidden(info.root_name, info.system_url, info.public_id)
    return root


def iter_xml(stream: Capped) -> Iterator[tuple[str, Element]]:
    """(event, element) pairs, 'start' and 'end', as the XML is read: :func:`xml.etree.ElementTree.iterparse`."""
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    for chunk in _no_dtd(_chunks(stream, 16 * 1024)):
        parser.feed(chunk)
        yield from cast(Iterator[tuple[str, Element]], parser.read_events())
    parser.close()
    yield from cast(Iterator[tuple[str, Element]], parser.read_events())


def _chunks(stream: Capped, size: int) -> Iterator[bytes]:
    return iter(lambda: stream.read(size), b"")


def _element_tree(chunks: Iterable[bytes]) -> Element:
    parser = XMLParser()
    for chunk in chunks:
        parser.feed(chunk)
    root: Element = parser.close()
    return root


class _RootReached(Exception):
    """The prolog is over: a DOCTYPE cannot come after the root element's start tag."""


def _no_dtd(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks of a part, the prolog first read by a parser that raises ``DTDForbidden`` at a DOCTYPE,
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
    for chunk in chunks:
        if in_prolog:
            try:
                guard.Parse(chunk, False)
            except _RootReached:
                in_prolog = False
            except pyexpat.ExpatError as exc:  # malformed: the parser proper reports it; it must not go on
                yield chunk
                raise ParseError(str(exc)) from None
        yield chunk
