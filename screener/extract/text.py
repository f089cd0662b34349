"""Plain text and Markdown → :class:`~screener.model.Document`.

Encodings are tried from the most to the least certain: a BOM, the NUL pattern of BOM-less UTF-16,
strict UTF-8, cp1252 when its non-ASCII characters look like Western text, then charset-normalizer.
Lines keep their inner tabs and runs of spaces (the parser reads wide gaps as column separators).
"""

from __future__ import annotations

import html
import re

from charset_normalizer import from_bytes

from screener.errors import ExtractError
from screener.model import Document, Line

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),  # these codecs read the BOM and drop it
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Non-letters that Western cp1252 text puts between letters (team’s, 2019–2021, A·B).
_TYPOGRAPHY = "’‘“”–—…•·€£°×\xa0"
_ODD = "".join(c for c in bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore")
               if not c.isalpha() and c not in _TYPOGRAPHY)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ODD_IN_WORD = re.compile(rf"(?<=[^\W\d_])[{re.escape(_ODD)}](?=[^\W\d_])")


def unicode_encoding(data: bytes) -> str | None:
    """The encoding a BOM announces, or UTF-16 when NULs fill every other byte (BOM-less)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs >= 4:
        even = sample[0::2].count(0) / pairs
        odd = sample[1::2].count(0) / pairs
        if odd > 0.3 and even < 0.05:
            return "utf-16-le"
        if even > 0.3 and odd < 0.05:
            return "utf-16-be"
    return None


def _plausible_cp1252(data: bytes) -> bool:
    """cp1252 decodes it, non-ASCII letters are a minority, and no odd symbol sits inside a word.

    Cyrillic or Greek text read as cp1252 is mostly accented letters; Central European cp1250 text
    shows '¹', '³' or '¿' between letters.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [c for c in text[:262144] if c.isalpha()]
    foreign = sum(1 for c in letters if ord(c) > 127)
    return bool(letters) and foreign <= 0.3 * len(letters) and not _ODD_IN_WORD.search(text)


def detect_encoding(data: bytes) -> str:
    """The codec to read ``data`` with."""
    announced = unicode_encoding(data)
    if announced:
        return announced
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad == 0 or len(_NON_ASCII.findall(text)) >= 11 * bad:  # UTF-8 with a few stray bytes
        return "utf-8"
    if _plausible_cp1252(data):
        return "cp1252"
    best = from_bytes(data).best()
    if best is not None and not best.encoding.startswith(("utf_16", "utf_32")):
        return best.encoding
    return "cp1252"


def decode(data: bytes) -> str:
    """The text of ``data`` with NULs removed and line ends normalised to '\\n'."""
    text = data.decode(detect_encoding(data), errors="replace")
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x0b\x0c\x85\u2028\u2029]", "\n", text)


def extract_text(data: bytes, markdown: bool) -> Document:
    """Lines of a text or Markdown file; Markdown syntax is stripped and its headings flagged."""
    raw = decode(data).split("\n")
    pairs = _markdown_lines(raw) if markdown else _plain_lines(raw)
    lines = tuple(Line(text=text, number=i, heading=heading) for i, (text, heading) in enumerate(pairs, 1))
    if not lines:
        raise ExtractError("empty", "the file holds no text, only whitespace or NUL bytes")
    return Document(kind="markdown" if markdown else "text", lines=lines)


# --- plain text -------------------------------------------------------------------------------------

_DECORATION = re.compile(r"^\s*(?:[=~\-+*_#][ \t]*){3,}$")
_BOX_SIDES = "|*#=+"
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})[.)]?\s+(?=\S)")


def _caps_heading(text: str) -> bool:
    """Short, ALL CAPS, and not a list of acronyms ('AWS, GCP, SQL')."""
    body = _NUMBERED.sub("", text, count=1).strip()
    return (sum(c.isupper() for c in body) >= 3 and not any(c.islower() for c in body)
            and len(body) <= 40 and len(body.split()) <= 5 and not re.search(r"[,|@]", body))


def _plain_lines(raw: list[str]) -> list[tuple[str, bool]]:
    """Decoration lines are dropped; a line they underline or box in is a heading."""
    lines = [line.rstrip() for line in raw]
    decoration = [bool(_DECORATION.match(line)) for line in lines] + [False]
    out: list[tuple[str, bool]] = []
    for i, line in enumerate(lines):
        if not line or decoration[i]:
            continue
        before, after = decoration[i - 1] and i > 0, decoration[i + 1]
        if before and after:  # boxed: +------+ / | TEXT | / +------+
            inner = line.strip()
            if len(inner) > 2 and inner[0] in _BOX_SIDES and inner[-1] in _BOX_SIDES:
                line = line[: len(line) - len(line.lstrip())] + inner[1:-1].strip()
        underlined = after and len(lines[i + 1].strip()) >= 0.5 * len(line.strip()) and len(line.strip()) <= 60
        out.append((line, (before and after) or underlined or _caps_heading(line)))
    return out


# --- Markdown ---------------------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_SEP = re.compile(r"(?=.*-)(?=.*\|)[|:\- \t]+")  # use with fullmatch
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_QUOTE = re.compile(r"^(\s*)(?:>[ \t]*)+")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])[ \t]+")
_DEFINITION = re.compile(r"^(\s*):[ \t]+")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Each body excludes its own opening delimiter, so a failed match stops at the next opener and a
# hostile one-line file cannot make a substitution quadratic; lengths are bounded as well.
_CODE = re.compile(r"(`{1,3})([^`]{1,300})\1")
_INLINE = (
    ("<!--", re.compile(r"<!--(?:(?!<!--).){0,300}?-->"), ""),
    ("![", re.compile(r"!\[([^\[\]]{0,300})\]\([^()\s]{0,500}\)"), r"\1"),  # image → its alt text
    ("[", re.compile(r"\[([^\[\]]{1,300})\](?:\([^()\s]{0,500}(?:\s\"[^\"()]{0,300}\")?\)|\[[^\[\]]{0,300}\])"),
     r"\1"),  # [text](url "title"), [text][ref]
    ("<", re.compile(r"<((?:https?|ftp|mailto):[^<>\s]{1,500}|[^<>\s@]{1,200}@[^<>\s@]{1,200})>"), r"\1"),
    ("<", re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,300})?/?>"), ""),  # HTML tags
    *((mark, re.compile(rf"{re.escape(mark)}(?=\S)((?:(?!{re.escape(mark)}).){{1,300}}?)(?<=\S){re.escape(mark)}"),
       r"\1") for mark in ("**", "__", "~~")),  # strong emphasis, strikethrough
    ("*", re.compile(r"\*(?=[^\s*])([^*]{1,300}?)(?<=[^\s*])\*"), r"\1"),
    ("_", re.compile(r"(?<!\w)_(?=[^\s_])([^_]{1,300}?)(?<=[^\s_])_(?!\w)"), r"\1"),
)
_DANGLING = re.compile(r"^(?:\*{1,3}|_{1,3})(?=\w)|(?<=[\w.)])(?:\*{1,3}|_{1,3})(?=\s*$)")
_SPECIAL = re.compile(r"[\\`*_\[<&~]")  # no inline syntax without one of these


def _protect(text: str) -> str:
    """ASCII punctuation moved to private-use code points, so that no later pattern touches it."""
    return re.sub(r"[!-/:-@\[-`{-~]", lambda m: chr(0xE000 + ord(m.group())), text)


def _inline(text: str) -> str:
    """Markdown inline syntax removed; escaped characters and code spans survive as written."""
    if not _SPECIAL.search(text):
        return text.rstrip()
    protected = "\\" in text or "`" in text
    if protected:
        text = _CODE.sub(lambda m: _protect(m.group(2)), _ESCAPE.sub(lambda m: _protect(m.group(1)), text))
    for trigger, pattern, repl in _INLINE:
        if trigger in text:
            text = pattern.sub(repl, text)
    indent = text[: len(text) - len(text.lstrip())]
    text = indent + _DANGLING.sub("", text.lstrip())  # the ends of emphasis that spans lines
    if protected:
        text = re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - 0xE000), text)
    return (html.unescape(text) if "&" in text else text).rstrip(" \t\\")


def _is_row(lines: list[str], i: int) -> bool:
    line = lines[i].strip()
    if "|" not in line:
        return False
    return line.startswith("|") or (i + 1 < len(lines) and bool(_TABLE_SEP.fullmatch(lines[i + 1])))


def _markdown_lines(raw: list[str]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    fenced = False
    paragraph = False  # the previous line was paragraph text (so '===' / '---' underlines it)
    for i, line in enumerate(raw):
        if line[:1].isalpha() and not _SPECIAL.search(line) and "|" not in line:  # fast path: prose
            out.append((line.rstrip(), False))
            paragraph = True
            continue
        if _FENCE.match(line):
            fenced, paragraph = not fenced, False
            continue
        if fenced:
            if line.strip():
                out.append((line.rstrip(), False))
            continue
        setext = _SETEXT.match(line)
        if setext and paragraph:
            out[-1] = (out[-1][0], True)
            paragraph = False
            continue
        paragraph = False
        if not line.strip() or _RULE.match(line) or setext or _TABLE_SEP.fullmatch(line) or _REF_DEF.match(line):
            continue
        atx = _ATX.match(line)
        if atx:
            text = line[atx.end():].strip()
            closed = text.rstrip("#")
            text = _inline(closed if not closed or closed[-1] in " \t" else text).strip()
            if text:
                out.append((text, True))
            continue
        line = _QUOTE.sub(r"\1", line)
        if _is_row(raw, i):
            cells = [_inline(c.strip()) for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            text = "\t".join(cells).strip()
        else:
            whole_bold = bool(re.fullmatch(r"\s*(\*\*|__)[^*_]+\1:?\s*", line))
            line = _DEFINITION.sub(r"\1", _LIST.sub(r"\1• ", line))
            text, paragraph = _inline(line).rstrip(), not line.lstrip().startswith("• ")
            if whole_bold and len(text.strip()) <= 60:
                out.append((text, True))
                continue
        if text.strip():
            out.append((text, False))
        else:
            paragraph = False
    return out
