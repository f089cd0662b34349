"""What a cache entry is keyed by: the file's bytes and everything that turns them into a parse.

The declared versions (``EXTRACTOR_VERSION`` beside the extractors, ``PARSER_VERSION`` and
``VOCABULARY_VERSION`` beside the parser) say when a release changes what the same bytes give; the
libraries' versions and a digest of the extractor and parser source files cover an edited checkout
whose author forgot to bump them. The limits a file was read under and the name's extension (which
tells Markdown from text) are part of the key too; a parse's key adds the month 'Present' meant and
the vocabulary it used (the shipped word-list files plus a rules file's headings and title words).
Findings (:mod:`screener.findings`) add what the rules look for — skills with their aliases and context
rules, role words, keywords — and the source of the code that finds them; never how the rules score.

Every part is worked out from the rules and the files themselves, without importing the extractors,
the parser or spaCy: a run whose findings are all cached never loads them.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path, PurePath

import platformdirs

from screener.extract.limits import Limits
from screener.rules.schema import Rules

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


def parse_key(document_key: str, as_of: int, rules: Rules) -> str:
    """The key of a parse of that document, for the month index 'Present' meant, with the vocabulary
    this rules file gives the parser."""
    return f"{document_key}|{_parse_versions()}|vocabulary={_rules_digest(rules, 'vocabulary')}|as_of={as_of}"


def findings_key(parse_key: str, rules: Rules) -> str:
    """The key of what this rules file's words find in that parse."""
    return f"{parse_key}|{_finding_versions()}|words={_rules_digest(rules, 'words')}"


_RULES_DIGESTS: dict[tuple[int, str], tuple[Rules, str]] = {}  # (id, part) → (the rules, kept alive; digest)


def _rules_digest(rules: Rules, part: str) -> str:
    """A digest of one part of a rules file, worked out once per rules object, not once per file: 'vocabulary'
    (the words it adds to the parser's) or 'words' (everything findings depend on)."""
    known = _RULES_DIGESTS.get((id(rules), part))
    if known and known[0] is rules:
        return known[1]
    if part == "vocabulary":
        value: object = rules.parser_words()
    else:
        value = [{k: s.model_dump() for k, s in rules.skills.items()}, rules.roles.model_dump(),
                 [(r.id, r.keywords, r.within) for r in rules.requirements if r.keywords]]
    digest = hashlib.sha256(_canonical(value).encode()).hexdigest()[:16]
    _RULES_DIGESTS[(id(rules), part)] = (rules, digest)
    return digest


@functools.cache
def _extraction_versions() -> str:
    from screener.extract import EXTRACTOR_VERSION

    libraries = ",".join(f"{name}={_installed(name)}" for name in _LIBRARIES)
    return f"extractor={EXTRACTOR_VERSION},{libraries},source={_digest('extract')}"


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
    from screener.parse import PARSER_VERSION

    # skills.py: a parse keeps the text's tokens, and the tokenizer is set up there
    return f"parser={PARSER_VERSION},source={_digest('parse', 'skills.py')},words={_digest('data/vocabulary')}"


@functools.cache
def _finding_versions() -> str:
    """The code that turns a parse and the rules' words into findings (the spaCy version is in the
    extraction's key)."""
    return f"finding={_digest('findings.py', 'experience.py', 'skills.py', 'phrases.py', 'model.py')}"


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _digest(*names: str) -> str:
    """A short digest of files and folders of screener (code, and any data it reads), by their paths in it."""
    h = hashlib.sha256()
    for name in names:
        top = _PACKAGE / name
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.is_file() and path.suffix not in (".pyc", ".pyo"):
                h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]
