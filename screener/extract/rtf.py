"""RTF → :class:`Document`, read by striprtf (a small, maintained, pure-Python RTF reader).

RTF is 7-bit text with escapes; striprtf applies the file's code page and Unicode escapes and drops
control words, font and colour tables and pictures. Paragraphs become lines and table cells are
separated by a TAB (as a right-hand column is in a PDF line); headings are found by the parser.
Groups formatted as hidden (``{\\v …}``) are left out and named in the warnings.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from screener.errors import ExtractError
from screener.model import Document, Line

_HIDDEN = re.compile(r"\{\\v(?![a-z])[^{}]{0,100000}\}")  # a group of hidden text without nested groups


def extract_rtf(data: bytes) -> Document:
    source = data.decode("latin-1")  # RTF is 7-bit: bytes map 1:1, striprtf applies the code page
    hidden = sum(len("".join(rtf_to_text(m.group(0)).split())) for m in _HIDDEN.finditer(source))
    try:
        text = rtf_to_text(_HIDDEN.sub("", source), encoding="cp1252", errors="replace")
    except (ValueError, LookupError, IndexError, RecursionError) as exc:
        raise ExtractError("corrupt", f"the RTF is damaged and could not be read ({type(exc).__name__})") from None
    rows = (line.split("|") if line.endswith("|") else [line]  # striprtf ends each table cell with '|'
            for line in text.replace("\r", "\n").split("\n"))
    cells = ("\t".join(" ".join(part.split()) for cell in row for part in cell.split("\t") if part.strip())
             for row in rows)
    lines = tuple(Line(text, n) for n, text in enumerate((c for c in cells if c), 1))
    if not lines:
        raise ExtractError("no_text", "the RTF has no text")
    warnings = (f"hidden text excluded: {hidden} characters formatted as hidden",) if hidden else ()
    return Document("rtf", lines, warnings=warnings)
