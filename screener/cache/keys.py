"""What a cache entry is keyed by: the file's bytes and everything that turns them into a parse.

The declared versions (``EXTRACTOR_VERSION`` beside the extractors, ``PARSER_VERSION`` and
``VOCABULARY_VERSION`` beside the parser) say when a release changes what the same bytes give; the
libraries' versions and a digest of the extractor and parser source files cover an edited checkout
whose author forgot to bump them. The limits a file was read under and the name's extension (which
tells Markdown from text) are part of the key too; a parse's key adds the month 'Present' meant and
the vocabulary it used (the shipped word lists plus a rules file's title words).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import re
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path, PurePath

import platformdirs

from screener.extract.limits import Limits
from screener.parse.vocabulary import Vocabulary

ENV_FOLDER = "SCREENER_CACHE_DIR"  # where the cache lives when --cache is not given
_PACKAGE = Path(__file__).resolve().parents[1]
_LIBRARIES = ("pdfminer.six", "pypdfium2", "python-docx", "charset-normalizer", "defusedxml", "jdatetime", "spacy",
              "beautifulsoup4", "lxml", "striprtf", "pytesseract")


def default_folder() -> Path:
    """$SCREENER_CACHE_DIR, else the user's cache folder (e.g. ~/.cache/screener on Linux)."""
    return Path(os.environ.get(ENV_FOLDER) or platformdirs.user_cache_dir("screener", appauthor=False))


def document_key(sha256: str, name: str, limits: Limits) -> str:
    """The key of what extraction made of these bytes."""
    return f"{sha256}|{PurePath(name).suffix.lower()}|{limits!r}|{_extraction_versions()}"


def parse_key(document_key: str, as_of: int, vocabulary: Vocabulary) -> str:
    """The key of a parse of that document, for the month index 'Present' meant, with these words."""
    return f"{document_key}|{_parse_versions()}|vocabulary={_vocabulary_digest(vocabulary)}|as_of={as_of}"


@functools.cache
def _extraction_versions() -> str:
    from screener.extract import EXTRACTOR_VERSION

    libraries = ",".join(f"{name}={_installed(name)}" for name in _LIBRARIES)
    return f"extractor={EXTRACTOR_VERSION},{libraries},source={_digest('extract')}"


_VOCABULARY_DIGESTS: dict[int, tuple[Vocabulary, str]] = {}  # id → (the vocabulary, kept alive; its digest)


def _vocabulary_digest(vocabulary: Vocabulary) -> str:
    """The words a parse used (the shipped files plus a rules file's): every compared field, in order.
    Worked out once per vocabulary object, not once per file."""
    known = _VOCABULARY_DIGESTS.get(id(vocabulary))
    if known and known[0] is vocabulary:
        return known[1]
    digest = hashlib.sha256(_canonical([getattr(vocabulary, f.name) for f in dataclasses.fields(vocabulary)
                                        if f.compare]).encode()).hexdigest()[:16]
    _VOCABULARY_DIGESTS[id(vocabulary)] = (vocabulary, digest)
    return digest


def _canonical(value: object) -> str:
    if isinstance(value, Mapping):
        return "{" + ",".join(sorted(f"{_canonical(k)}:{_canonical(v)}" for k, v in value.items())) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(map(_canonical, value))) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(map(_canonical, value)) + "]"
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r},{value.flags})"
    return repr(value)


@functools.cache
def _parse_versions() -> str:
    from screener.parse import PARSER_VERSION, VOCABULARY_VERSION

    return f"parser={PARSER_VERSION},vocabulary={VOCABULARY_VERSION},source={_digest('parse')}"


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _digest(folder: str) -> str:
    """A short digest of the files of a subpackage of screener (its code and any data it reads)."""
    h = hashlib.sha256()
    for path in sorted((_PACKAGE / folder).rglob("*")):
        if path.is_file() and path.suffix not in (".pyc", ".pyo"):
            h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]
