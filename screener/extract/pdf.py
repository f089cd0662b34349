"""PDF → :class:`Document`, with lines rebuilt from glyph coordinates, not pdfminer's text flow.

A backend turns the bytes into pages of positioned glyphs (:class:`RawPage`); the layout below is
backend-neutral. Glyphs are grouped into visual rows by baseline; far-apart chunks of a row are
joined with a TAB, so a right-aligned date stays on its title's line. A page is split into blocks
only at a gutter with a continuous column of text on both sides (a sidebar), never at a sparse
label or date column.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import accumulate, pairwise
from operator import attrgetter, gt, or_, sub, xor
from typing import TYPE_CHECKING

from screener.errors import ExtractError
from screener.extract.pdf_backend import Box, Glyph, PdfBackend, RawPage, pdf_backend
from screener.extract.pdf_tuning import TUNING, LayoutTuning
from screener.model import Document, Line

if TYPE_CHECKING:
    from screener.extract.limits import Limits

_log = logging.getLogger(__name__)

_YEAR = re.compile(r"(?<!\d)(?:19|20|13|14|۱۳|۱۴)[\d۰-۹]{2}(?!\d)")
_DATED = re.compile(_YEAR.pattern + r"|['’‘]\d{2}(?!\d)")  # a year, also as '’19
_DASH = re.compile(r"[-–—‒~]")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_RANGE_WORDS = 2  # words: a cell with a year, a dash and at most this many words is a range ('Feb 2021 - Present')
_CID = re.compile(r"\(cid:\d+\)")
_BULLETS = dict.fromkeys(map(ord, "●◦▪■□‣∙⦁⚫▸►➢➤\uf0b7\uf0a7\uf076\uf06c\uf0d8\uf0fc"), "•")
_DROPPED = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ue000-\uf8ff]")  # control characters (not TAB), private use
_SPACED = re.compile(r"(?<!\S)(?:[^\W_] ){3,}[^\W_](?!\S)")  # 'T O P R E S E N T', '2 0 2 0'


# ----------------------------------------------------------------------------- rows and columns

class _Chunk:
    """Glyphs of a row between two column gaps, sorted by x."""

    def __init__(self, glyphs: list[Glyph]) -> None:
        self.glyphs, self.x0, self.x1 = glyphs, glyphs[0].x0, max(map(_X1, glyphs))
        self.text: tuple[LayoutTuning, str] | None = None  # _text's answer, kept: it is asked for often


_TEXT, _X0, _X1, _TOP, _BOTTOM, _BASE, _SIZE = (
    attrgetter(name) for name in ("text", "x0", "x1", "top", "bottom", "base", "size"))


@dataclass
class _Row:
    """Its extent, baseline and size are computed when first asked for: the two sides of a candidate
    gutter are rows of their own, and most candidates are turned down after a look at a few of them."""

    chunks: list[_Chunk]
    label: bool = False  # the first chunk heads a label column: 'EXPERIENCE<TAB>Acme, Engineer'
    # rows of some of its chunks, by their ids: the sides of candidate gutters (see _part)
    parts: dict[tuple[int, ...], _Row] = field(default_factory=dict, repr=False, compare=False)

    def _glyphs(self) -> list[Glyph]:
        return self.chunks[0].glyphs if len(self.chunks) == 1 else [g for c in self.chunks for g in c.glyphs]

    @cached_property
    def top(self) -> float:
        return max(map(_TOP, self._glyphs()))

    @cached_property
    def bottom(self) -> float:
        return min(map(_BOTTOM, self._glyphs()))

    @cached_property
    def base(self) -> float:
        return statistics.median(map(_BASE, self._glyphs()))

    @cached_property
    def size(self) -> float:
        return statistics.median(map(_SIZE, self._glyphs()))


def _near(edges: dict[int, int], x: float) -> int:
    return sum(edges.get(round(x) + d, 0) for d in (-1, 0, 1))


class _Cuts:
    """Where a row (sorted by x) splits into chunks at column gaps: wider than ``tab_em``, or (with
    :meth:`at_shared_edges`, once every row's first cuts are known) a clearly wider than usual space
    that lands on a left edge shared by other rows (where their chunks start, or where their cells of
    dates end in such a space). Evenly stretched gaps (justified text) never split."""

    def __init__(self, glyphs: list[Glyph], t: LayoutTuning, starts: frozenset[int] = frozenset()) -> None:
        ink = [g for g in glyphs if not g.text.isspace()] or glyphs[:1]
        # (gap, size, glyph after it) for the gaps a rule below may take: none takes one narrower than
        # word_em or shared_edge_gap_em times the size (never below 1 pt), so letter gaps are dropped early
        least = min(t.word_em, t.shared_edge_gap_em)
        self.gaps: list[tuple[float, float, Glyph]] = []
        gaps = self.gaps
        between = list(map(sub, map(_X0, ink[1:]), map(_X1, ink)))  # between ink[k] and ink[k + 1]
        for k in [k for k, gap in enumerate(between) if gap > least] if least >= 0 else range(len(between)):
            a, b = ink[k], ink[k + 1]
            size = b.size if b.size < a.size else a.size  # max(min(a.size, b.size), 1.0)
            gaps.append((between[k], 1.0 if size < 1.0 else size, b))
        self.glyphs = glyphs
        self.cuts: set[int] = set(starts)
        self.justified: set[int] = set()
        run: list[tuple[float, float, Glyph]] = []  # consecutive wide word gaps
        for item in [gap for gap in gaps if gap[0] > t.word_em * gap[1]] + [(0.0, 1.0, ink[0])]:
            if item[0] > t.tab_em * item[1]:
                run.append(item)
                continue
            med = statistics.median(gap for gap, _, _ in run) if run else 0.0
            even = [gap for gap in run if (1 - t.justified_band) * med <= gap[0] <= (1 + t.justified_band) * med]
            if len(even) >= t.justified_run:
                self.justified |= {id(b) for _, _, b in even}
            self.cuts |= {id(b) for _, _, b in run if id(b) not in self.justified}
            run = []

    def wide(self, t: LayoutTuning) -> list[Glyph]:
        """The glyphs after the gaps not cut yet that are clearly wider than the row's usual word space."""
        if not self.gaps:
            return []
        usual = statistics.median([g for g, sz, b in self.gaps if g > t.word_em * sz and id(b) not in self.cuts] or [0])
        return [b for gap, size, b in self.gaps
                if gap > max(t.shared_edge_gap_em * size, t.shared_edge_ratio * usual)
                and id(b) not in self.justified and id(b) not in self.cuts]

    def after_dates(self, wide: list[Glyph]) -> set[int]:
        """Those of ``wide`` with a year before them in their chunk: where a cell of dates ends."""
        if not wide:
            return set()
        ends, found, text = {id(b) for b in wide}, set(), ""
        for g in self.glyphs:
            if id(g) in ends and _YEAR.search(text):
                found.add(id(g))
            text = "" if id(g) in self.cuts else text + g.text
        return found

    def at_shared_edges(self, wide: list[Glyph], dated: set[int], edges: dict[int, int],
                        t: LayoutTuning) -> set[int]:
        """The cuts with those of ``wide`` at a left edge that other rows share (``edges``: how many rows
        start a chunk, or end a cell of dates, at each x; ``dated``: this row's cells of dates, which
        are not counted for it)."""
        return self.cuts | {id(b) for b in wide if _near(edges, b.x0) - (id(b) in dated) >= t.shared_edge_rows}

    def chunks(self, cuts: set[int]) -> list[_Chunk]:
        glyphs = self.glyphs
        if cuts:
            at = [0, *(i for i, g in enumerate(glyphs) if i and id(g) in cuts), len(glyphs)]
            parts = [glyphs[i:j] for i, j in pairwise(at)]
        else:
            parts = [glyphs]
        return [_Chunk(p) for p in parts if any(not g.text.isspace() for g in p)]


def _overlap(a: list[Glyph], b: list[Glyph], slack: float = TUNING.overlap_pt) -> bool:
    """Whether a glyph of ``a`` overlaps a glyph of ``b`` horizontally (both sorted by x0)."""
    i = j = 0
    na, nb = len(a), len(b)
    while i < na and j < nb:
        if a[i].x1 <= b[j].x0 + slack:
            i += 1
        elif b[j].x1 <= a[i].x0 + slack:
            j += 1
        else:
            return True
    return False


def _same_line(a: list[Glyph], b: list[Glyph], t: LayoutTuning) -> bool:
    """The shorter row's vertical centre lies in the taller row's band, and no glyphs collide."""
    bands = sorted(((min(map(_BOTTOM, x)), max(map(_TOP, x))) for x in (a, b)),
                   key=lambda band: band[0] - band[1])
    return bands[0][0] <= (bands[1][0] + bands[1][1]) / 2 <= bands[0][1] and not _overlap(a, b, t.overlap_pt)


# Accents a typesetter may draw as glyphs of their own over a letter (TeX's \\accent with OT1 fonts):
# spacing forms and combining marks, as the combining mark they put on the letter.
_ACCENTS = {"´": "\u0301", "`": "\u0300", "ˆ": "\u0302", "^": "\u0302", "¨": "\u0308", "˜": "\u0303",
            "~": "\u0303", "¸": "\u0327", "ˇ": "\u030c", "˘": "\u0306", "˚": "\u030a", "˝": "\u030b",
            "˙": "\u0307", "¯": "\u0304", "ˉ": "\u0304", "˛": "\u0328"}
_ACCENTS.update({mark: mark for mark in set(_ACCENTS.values())})
_ACCENT = re.compile("|".join(map(re.escape, _ACCENTS)))


def _compose_accents(glyphs: list[Glyph], t: LayoutTuning) -> list[Glyph]:
    """An accent drawn as a glyph of its own over (or under) a letter — pdfTeX with OT1 fonts sets 'é'
    as 'e' and '´' — is put on that letter ('é'), so that a word is not cut where its accent sits."""
    if not _ACCENT.search("".join(map(_TEXT, glyphs))):  # most pages have none
        return glyphs
    glyphs = [_accented(g) if len(g.text) > 1 and any(ch in _ACCENTS for ch in g.text) else g for g in glyphs]
    marks = [g for g in glyphs if g.text in _ACCENTS]
    if not marks:
        return glyphs
    letters: dict[int, list[Glyph]] = defaultdict(list)  # by baseline, to the nearest point
    for g in glyphs:
        if g.text.isalpha():
            letters[round(g.base)].append(g)
    put: dict[int, str] = {}
    dropped: set[int] = set()
    for mark in marks:
        centre = (mark.x0 + mark.x1) / 2
        reach = round(t.baseline_em * 2 * max(mark.size, 1.0))
        under = [g for b in range(round(mark.base) - reach, round(mark.base) + reach + 1) for g in letters.get(b, ())
                 if g.x0 <= centre <= g.x1]
        if under:
            letter = min(under, key=lambda g: abs(g.base - mark.base))
            put[id(letter)] = put.get(id(letter), "") + _ACCENTS[mark.text]
            dropped.add(id(mark))
    return [g._replace(text=unicodedata.normalize("NFC", ("i" if g.text == "ı" else g.text) + put[id(g)]))
            if id(g) in put else g for g in glyphs if id(g) not in dropped]


def _accented(g: Glyph) -> Glyph:
    """One glyph that maps to an accent and its letter ('´o', as a PDF's ToUnicode may give TeX's
    composite) is the accented letter ('ó')."""
    letters = "".join(ch for ch in g.text if ch not in _ACCENTS)
    if not letters.isalpha():
        return g
    marks = "".join(_ACCENTS[ch] for ch in g.text if ch in _ACCENTS)
    return g._replace(text=unicodedata.normalize("NFC", letters.replace("ı", "i") + marks))


def _rows(glyphs: list[Glyph], t: LayoutTuning) -> list[_Row]:
    """Baseline clusters (tolerance relative to font size), then neighbouring clusters on one visual
    line merged: a smaller date set beside a title, a superscript."""
    glyphs = _compose_accents(glyphs, t)
    groups: list[list[Glyph]] = []
    anchor = size = 0.0
    for g in sorted(glyphs, key=lambda g: -g.base):
        least = g.size if g.size < size else size  # max(min(size, g.size), 1.0), without the calls
        if groups and anchor - g.base <= t.baseline_em * (1.0 if least < 1.0 else least):
            groups[-1].append(g)
        else:
            groups.append([g])
            anchor, size = g.base, g.size
    merged: list[list[Glyph]] = []
    joins = 0  # bounded, so that a staircase of glyphs cannot make this quadratic
    for group in groups:
        group.sort(key=_X0)
        if all(g.text.isspace() for g in group):
            continue
        if merged and joins < t.max_row_joins and _same_line(merged[-1], group, t):
            merged[-1], joins = sorted(merged[-1] + group, key=_X0), joins + 1
        else:
            merged.append(group)
            joins = 0
    order = {id(g): i for i, g in enumerate(glyphs)}
    cuts = [_Cuts(row, t, starts) for row, starts in (_unoverlap(group, order, t) for group in merged)]
    first = [c.chunks(c.cuts) for c in cuts]
    wide = [c.wide(t) for c in cuts]
    # table columns: left edges of first-pass chunks, and of the words after clearly wide gaps that
    # follow a year (a column of dates whose cells end a space or two before the titles' column)
    edges: dict[int, int] = defaultdict(int)
    dated = [c.after_dates(gaps) for c, gaps in zip(cuts, wide, strict=True)]
    for chunks, gaps, ends in zip(first, wide, dated, strict=True):
        for x0 in [round(chunk.x0) for chunk in chunks] + [round(g.x0) for g in gaps if id(g) in ends]:
            edges[x0] += 1
    rows = []
    for cut, chunks, gaps, ends in zip(cuts, first, wide, dated, strict=True):
        more = cut.at_shared_edges(gaps, ends, edges, t)
        rows.append(_Row(cut.chunks(more) if more != cut.cuts else chunks))
    for row in rows:
        if len(row.chunks) > 1 and _caps(_text(row.chunks[0], t), t):
            row.label = _near(edges, row.chunks[1].x0) >= t.shared_edge_rows
    return rows


def _unoverlap(group: list[Glyph], order: dict[int, int], t: LayoutTuning) -> tuple[list[Glyph], frozenset[int]]:
    """A row in x order, unless two strings were drawn over each other (a long title running under
    right-aligned dates): then each string whole, in drawing order, cut apart as separate chunks."""
    drawn = list(map(order.__getitem__, map(id, group)))  # each glyph's place in drawing order
    if any(map(gt, drawn, drawn[1:])):
        group_drawn = [group[k] for k in sorted(range(len(group)), key=drawn.__getitem__)]
    else:
        group_drawn = group
    firsts = [0]  # where each run of glyphs set one after the other starts
    for k in range(1, len(group_drawn)):
        g = group_drawn[k]
        size = 1.0 if g.size < 1.0 else g.size  # max(g.size, 1.0)
        if not -0.5 * size <= g.x0 - group_drawn[k - 1].x1 <= t.tab_em * size:  # the pen jumped
            firsts.append(k)
    if not 2 <= len(firsts) <= t.max_overdrawn_runs:  # a row of many separately placed strings is not this case
        return group, frozenset()
    runs = [group_drawn[i:j] for i, j in pairwise([*firsts, len(group_drawn)])]
    ordered = [sorted(run, key=_X0) for run in runs]
    if not any(_overlap(a, b, t.overlap_pt) for i, a in enumerate(ordered) for b in ordered[i + 1:]):
        return group, frozenset()
    runs.sort(key=lambda run: run[0].x0)
    return [g for run in runs for g in run], frozenset(id(run[0]) for run in runs[1:])


def _leading(rows: list[_Row]) -> float:
    """Median distance between consecutive rows: the leading of a text flow, large for sparse labels."""
    gaps = [r.base - s.base for r, s in pairwise(rows)]
    return statistics.median(gaps) if gaps else float("inf")


def _gutters(rows: list[_Row], t: LayoutTuning) -> list[tuple[int, float, int, int]]:
    """Step 1: the gutters, best first: for each x, the run of rows it divides with the most rows on
    its thinner side, as (rows on the thinner side, x, first row, end row), when that is at least
    ``min_side_rows`` (a side with fewer is not a column). An x in the same strip of
    white as a better one is that gutter again; a page may have two (a sidebar's, and a date
    column's beside the titles), and step 3 may turn down the first."""
    lo = min(c.x0 for r in rows for c in r.chunks)
    hi = max(c.x1 for r in rows for c in r.chunks)
    xs: list[float] = []  # the candidate gutters
    x = lo + t.gutter_margin * (hi - lo)
    while x < hi - t.gutter_margin * (hi - lo):
        xs.append(x)
        x += t.gutter_step_pt
    crossing = _crossing(rows, xs, t)
    # a row is left of x if its first chunk ends there, and right of it if its last chunk starts there:
    # as bit masks of rows (bit i: row i) for each x, from the x where each row becomes left (and
    # stops being right); a NaN edge is never left or right
    left_from, right_until = [0] * (len(xs) + 1), [0] * (len(xs) + 1)
    for i, r in enumerate(rows):
        end, start = r.chunks[0].x1, r.chunks[-1].x0
        if end == end:
            left_from[bisect_left(xs, end)] |= 1 << i  # x >= end from there on
        if start == start:
            right_until[0] ^= 1 << i
            right_until[bisect_right(xs, start)] ^= 1 << i  # x <= start up to there
    lefts, rights = accumulate(left_from, or_), accumulate(right_until, xor)  # (one more: past every x)
    found: list[tuple[int, float, int, int]] = []
    everyone, least = (1 << len(rows)) - 1, max(t.min_side_rows, 1)
    for x, crossed, left, right in zip(xs, crossing, lefts, rights, strict=False):
        best = (0, x, 0, 0)
        # the runs of rows that do not cross x are the candidate columns, and only a run of at least
        # min_side_rows rows can have that many on both sides: bit i of `heads` is set where the
        # `least` rows from row i on do not cross x, so a run of n rows leaves a run of n - least + 1
        heads = everyone & ~crossed
        for _ in range(least - 1):
            heads &= heads >> 1
        while heads:
            first = (heads & -heads).bit_length() - 1  # the lowest set bit
            ones = heads >> first
            end = first + (ones ^ (ones + 1)).bit_length() - 1 + least - 1  # past the run's last row
            block = (1 << end) - (1 << first)
            score = min((left & block).bit_count(), (right & block).bit_count())
            if score > best[0] and score >= t.min_side_rows:
                best = (score, x, first, end)
            heads &= ~block
        found.append(best)
    strip = _strip(rows)
    distinct: list[tuple[int, float, int, int]] = []
    taken: list[float] = []  # their x, sorted
    for g in sorted(found, key=lambda g: -g[0]):
        if not g[0]:
            continue
        white = strip(g[1])  # a better gutter's x in this strip is this gutter again
        k = bisect_left(taken, white[0]) if white else len(taken)
        if white is None or k == len(taken) or taken[k] > white[1]:
            distinct.append(g)
            insort(taken, g[1])
    return distinct


def _crossing(rows: list[_Row], xs: list[float], t: LayoutTuning) -> list[int]:
    """For each x of ``xs`` (ascending), the rows that :func:`_crosses` it, as a bit mask (bit i: row i).
    A chunk crosses the x positions within its reach (found by bisection) up to where it would be an
    overrun of the left column (a test that, once true, stays true as x grows: bisection again); the
    masks are built from where each row's runs of crossed positions start and end."""
    toggles = [0] * (len(xs) + 1)
    for i, row in enumerate(rows):
        spans = []
        for c in row.chunks:
            lo, hi = bisect_right(xs, c.x0 - t.gutter_clear_pt), bisect_left(xs, c.x1 + t.gutter_clear_pt)
            if lo < hi:
                spans.append((lo, bisect_left(xs, True, lo, hi, key=partial(_overruns, c, row, t=t))))
        spans.sort()
        merged: list[list[int]] = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            elif lo < hi:
                merged.append([lo, hi])
        for lo, hi in merged:
            toggles[lo] ^= 1 << i
            toggles[hi] ^= 1 << i
    return list(accumulate(toggles[:-1], xor))


def _strip(rows: list[_Row]) -> Callable[[float], tuple[float, float] | None]:
    """The strip of white an x position lies in, as the closed range of the positions with no text
    between them and x (None when x is inside a chunk). The chunks are sorted by left edge once, with
    the furthest right edge reached so far, and searched by bisection."""
    # a NaN edge overlaps nothing
    chunks = sorted((c.x0, c.x1) for r in rows for c in r.chunks if c.x0 == c.x0 and c.x1 == c.x1)
    lefts = [x0 for x0, _ in chunks]
    reach = list(accumulate((x1 for _, x1 in chunks), max))

    def strip(x: float) -> tuple[float, float] | None:
        n = bisect_left(lefts, x)  # the chunks that start left of x end by…
        low = reach[n - 1] if n else -math.inf
        if low > x:
            return None
        k = bisect_right(reach, x)  # …and the first one that reaches past x starts at
        return low, lefts[k] if k < len(lefts) else math.inf

    return strip


def _crosses(row: _Row, x: float, t: LayoutTuning) -> bool:
    """A chunk of the row reaches the gutter at x, unless it is a line of the left column that runs a
    little over its edge (an overfull line: a tag cloud's last tag), which is still the left column's."""
    return any(_chunk_crosses(c, row, x, t) for c in row.chunks)


def _chunk_crosses(c: _Chunk, row: _Row, x: float, t: LayoutTuning) -> bool:
    return c.x0 - t.gutter_clear_pt < x < c.x1 + t.gutter_clear_pt and not _overruns(c, row, x, t)


def _overruns(c: _Chunk, row: _Row, x: float, t: LayoutTuning) -> bool:
    return c.x0 < x - t.gutter_clear_pt and c.x1 - x <= t.overrun_em * row.size


def _snap_to_shared_edge(rows: list[_Row], x: float, first: int, end: int,
                         t: LayoutTuning) -> tuple[float, int, int]:
    """Step 2: move the cut to the left edge most right-hand chunks share: right-aligned dates of the
    main column end before a sidebar begins, and belong with their titles on the left."""
    edges = Counter(round(c.x0) for r in rows[first:end] for c in r.chunks if c.x0 >= x)
    shared = edges.most_common(1)[0][0] - t.edge_slack_pt if edges else x
    if shared > x and not any(c.x0 < shared < c.x1 for r in rows[first:end] for c in r.chunks):
        x = shared
        while first > 0 and not _crosses(rows[first - 1], x, t):
            first -= 1
        while end < len(rows) and not _crosses(rows[end], x, t):
            end += 1
    return x, first, end


def _not_a_sidebar(rows: list[_Row], left: list[_Row], right: list[_Row], first: int, end: int,
                   t: LayoutTuning) -> str | None:
    """Step 3: why the two sides of a gutter are not a main column and a sidebar (None: they are)."""
    extent = [side[0].top - side[-1].bottom for side in (left, right)]
    lead = [_leading(side) for side in (left, right)]
    height = rows[0].top - rows[-1].bottom
    whole_page = rows[first].top - rows[end - 1].bottom >= t.whole_page * height
    if min(extent) < (t.short_side_extent if whole_page else t.side_extent) * height and (
            whole_page or first > 0
            or _on_shared_baselines(left, right, t) > t.max_shared_rows * min(len(left), len(right))):
        return ("one side is a few lines beside a page-long column" if whole_page
                else "a local table: one side is short and its gutter stops at the rows around it")
    dense = left if lead[0] < lead[1] else right
    if max(lead) > t.max_leading_ratio * min(lead) and not _headed(dense, t):
        return "a sparse label column: its lines are much further apart than the other side's, which has no headings"
    if _dates_beside_titles(left, right, t):
        return "entries' dates beside their titles: the gutter runs through the entries"
    if min(len(s) * ld / e for s, ld, e in zip((left, right), lead, extent, strict=True)) < t.min_density:
        return "scattered cells, not a flow of text"
    width = [max(c.x1 for r in s for c in r.chunks) - min(r.chunks[0].x0 for r in s) for s in (left, right)]
    side, main = (right, left) if width[0] >= width[1] else (left, right)
    edge = max(r.chunks[-1].x1 for r in side)
    dated = sum(bool(_DATED.search(" ".join(_text(c, t) for c in r.chunks))) for r in side)
    # set flush right against the gutter, it labels the other side (headings, dates); at the page's right
    # edge, only when it holds dates or sits beside the other side's lines (a sidebar of skills may be
    # set flush right too, on baselines of its own)
    if sum(edge - r.chunks[-1].x1 < t.flush_right_pt for r in side) >= t.flush_right_share * len(side) and (
            side is left or dated >= t.label_dated_rows
            or _on_shared_baselines(side, main, t) >= t.label_aligned_share * len(side)):
        return "a flush-right column of dates, places or headings beside the entries"
    if dated >= t.date_column_share * len(side):
        return "a column of dates (and headings) that labels the entries"
    if _labels_entries(side, main, t):
        return "a label column: its groups of lines (dates, places) start beside the entries they date"
    return None


def _headed(rows: list[_Row], t: LayoutTuning) -> bool:
    """Whether rows are set larger than the side's text, without a year: headings of its own. A
    column beside a side without them may be labelling its sections; beside one with them, it is a
    sidebar, however sparse."""
    body = statistics.median(r.size for r in rows)
    return sum(r.size >= t.heading_size * body and not _DATED.search(" ".join(_text(c, t) for c in r.chunks))
               for r in rows) >= 2  # (a name set large over the page is one)


def _dates_beside_titles(left: list[_Row], right: list[_Row], t: LayoutTuning) -> bool:
    """Whether rows with a cell that is a range and nothing else ('Feb 2021 - Present') on one side sit
    on the baselines of undated rows of the other side, most of them, with lines of the other side
    between them: each entry's dates beside its title, its details below (a theme that sets the details in two
    columns leaves a strip of white there). Two columns of entries on one baseline grid set dates
    beside dates; a list of dates beside a list of lines is a column of its own."""
    def dated(row: _Row) -> tuple[bool, bool]:  # (a year anywhere, a cell that is a range)
        cells = [_text(c, t) for c in row.chunks]
        return bool(_DATED.search(" ".join(cells))), any(
            _DATED.search(c) and _DASH.search(c) and len(_WORDS.findall(c)) <= _RANGE_WORDS for c in cells)

    for side, other in ((left, right), (right, left)):
        dates = [r for r in side if dated(r)[1]]
        titles = [r for r in other if not dated(r)[0]]
        beside = [r for r in dates if any(_same_baseline(r, o, t) for o in titles)]
        apart = all(any(a.base < o.base < b.base and not (_same_baseline(o, a, t) or _same_baseline(o, b, t))
                        for o in other) for a, b in pairwise(sorted(beside, key=lambda r: r.base)))
        if len(beside) >= t.label_dated_rows and len(beside) >= t.label_aligned_share * len(dates) and apart:
            return True
    return False


def _same_baseline(a: _Row, b: _Row, t: LayoutTuning) -> bool:
    return abs(a.base - b.base) <= t.baseline_em * min(a.size, b.size)


def _on_shared_baselines(left: list[_Row], right: list[_Row], t: LayoutTuning) -> int:
    """How many rows of ``left`` have a row of ``right`` on their baseline (as a table's cells do)."""
    return sum(any(_same_baseline(r, o, t) for o in right) for r in left)


def _labels_entries(side: list[_Row], main: list[_Row], t: LayoutTuning) -> bool:
    """Whether the narrow side sets a few lines (a date, a place) on the baseline of each entry's title
    and leaves empty space beside the entry's details: a browser-printed two-column theme. Its lines
    belong with the entries; a sidebar or a second column runs its own flow beside the main one."""
    def beside(r: _Row, others: list[_Row]) -> bool:
        return any(_same_baseline(r, o, t) for o in others)

    aligned = [r for r in side if beside(r, main)]
    dated = sum(bool(_YEAR.search(" ".join(_text(c, t) for c in r.chunks))) for r in aligned)
    low, high = min(r.base for r in side), max(r.base for r in side)
    facing = [m for m in main if low <= m.base <= high]
    holes = sum(not beside(m, side) for m in facing)
    return (len(aligned) >= t.label_aligned_share * len(side) and dated >= t.label_dated_rows
            and holes >= t.label_hole_share * len(facing))


def _part(row: _Row, chunks: list[_Chunk], label: bool) -> _Row:
    """The row of ``chunks`` of ``row``: the row itself when that is all of it, else the same row each
    time the same chunks are asked for (by another candidate gutter), so that its extent, baseline and
    size are computed once."""
    if len(chunks) == len(row.chunks) and label == row.label:
        return row
    key = (label, *map(id, chunks))
    if (part := row.parts.get(key)) is None:
        part = row.parts[key] = _Row(chunks, label)
    return part


def _columns(rows: list[_Row], t: LayoutTuning, depth: int = 0) -> list[tuple[list[_Row], bool]]:
    """Blocks in reading order, each with whether it is a sidebar: [rows above, main column, rows
    below, sidebar], or [rows].

    A sidebar is read apart from the main column (so its skills never land in a job beside it) only
    when each side of the gutter is a continuous flow of text; the steps above say why not."""
    if depth > t.max_column_depth or len(rows) < t.min_rows_for_columns:
        return [(rows, False)]
    for _, x, first, end in _gutters(rows, t):
        x, first, end = _snap_to_shared_edge(rows, x, first, end, t)
        left = [_part(r, [c for c in r.chunks if c.x0 < x], r.label) for r in rows[first:end] if r.chunks[0].x0 < x]
        right = [_part(r, [c for c in r.chunks if c.x0 >= x], False) for r in rows[first:end] if r.chunks[-1].x0 >= x]
        if why := _not_a_sidebar(rows, left, right, first, end, t):
            _log.debug("gutter at x=%.0f pt is not a sidebar: %s", x, why)  # shown with logging at DEBUG
            continue
        width = [max(c.x1 for r in s for c in r.chunks) - min(r.chunks[0].x0 for r in s) for s in (left, right)]
        main, side = (left, right) if width[0] >= width[1] else (right, left)
        blocks = [(rows[:first], False), *_columns(main, t, depth + 1), (rows[end:], False),
                  *((b, True) for b, _ in _columns(side, t, depth + 1))]
        return [(b, aside) for b, aside in blocks if b]
    return [(rows, False)]


# ----------------------------------------------------------------------------- text

def _caps(text: str, t: LayoutTuning) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (len(letters) >= t.caps_min_letters and all(ch.isupper() for ch in letters)
            and len(text.split()) <= t.caps_max_words and not any(ch.isdigit() for ch in text))


def _text(chunk: _Chunk, t: LayoutTuning = TUNING) -> str:
    """Word spaces from space glyphs and geometry; a uniform letter-spacing (the median gap) is not one."""
    if chunk.text is not None and chunk.text[0] is t:
        return chunk.text[1]
    ink = _ink(chunk)
    track = max(statistics.median(map(sub, map(_X0, ink[1:]), map(_X1, ink))), 0.0) if len(ink) > 1 else 0.0
    fake_bold, word = t.fake_bold_em, t.word_em
    out: list[str] = []
    last: Glyph | None = None
    spaced = False
    for g in chunk.glyphs:
        if g.text.isspace():
            spaced = True
            continue
        if last is not None:
            if g.text == last.text and abs(g.x0 - last.x0) < fake_bold * (last.x1 - last.x0):
                continue  # fake bold: the same glyph drawn twice, slightly offset
            if spaced or g.x0 - last.x1 > track + word * (last.size if last.size < g.size else g.size):
                out.append(" ")
        out.append(g.text)
        last, spaced = g, False
    chunk.text = (t, "".join(out))
    return chunk.text[1]


def _clean(text: str) -> str:
    """NFKC (ligatures; Persian and Arabic digits are left as they are), '•' bullets, no icon-font
    private-use characters or '(cid:N)' garbage, letter-spaced words collapsed."""
    text = unicodedata.normalize("NFKC", _CID.sub("", text)).translate(_BULLETS)
    text = _DROPPED.sub("", text)
    text = re.sub(r"[^\S\t]+", " ", _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)).strip()
    text = re.sub(r"^([•\-–*·])\t", r"\1 ", text)  # a bullet in its own tab stop
    return "\t".join(p.strip() for p in text.split("\t") if p.strip())


@dataclass
class _Out:
    text: str
    page: int
    x0: float
    size: float
    bold: bool


def _rotated(glyphs: list[Glyph], page: int, t: LayoutTuning) -> list[_Out]:
    """Rotated text (a vertical label): drawing order, a new line wherever the pen jumps."""
    runs: list[list[Glyph]] = []
    for g in glyphs:
        last = runs[-1][-1] if runs else None
        if last and abs(g.x0 - last.x0) + abs(g.bottom - last.bottom) <= t.rotated_jump_em * max(g.size, 1.0):
            runs[-1].append(g)
        else:
            runs.append([g])
    return [_Out(text, page, r[0].x0, r[0].size, r[0].bold)
            for r in runs if (text := _clean("".join(g.text for g in r)))]


def _dark_test(boxes: list[Box]) -> Callable[[float, float], bool]:
    """Whether a point lies on a dark fill or an image; boxes are indexed by 50 pt bands."""
    bands: dict[int, list[Box]] = defaultdict(list)
    for box in boxes[:2000]:
        for band in range(int(box[1] // 50), int(box[3] // 50) + 1):
            bands[band].append(box)
    return lambda x, y: any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in bands.get(int(y // 50), ()))


def _visible(page: RawPage, hidden: dict[str, dict[int, int]], t: LayoutTuning) -> tuple[list[Glyph], int, int]:
    """The glyphs a reader sees, how many of them are not spaces, and how many of those are invisible
    (rendering mode 3); the hidden characters are counted by reason. One loop, no call per glyph: a
    page has thousands."""
    on_dark = _dark_test(page.dark_boxes)
    width, height, least = page.width, page.height, t.min_font_pt
    kept: list[Glyph] = []
    drawn = invisible = 0
    for g in page.glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.bottom + g.top) / 2
        if not (0 <= cx <= width and 0 <= cy <= height):
            reason = "off-page"
        elif g.size < least:
            reason = f"tiny-font (< {least:g} pt)"
        elif g.white and not on_dark(cx, cy):
            reason = "white-on-white"
        else:
            kept.append(g)
            if not g.text.isspace():
                drawn += 1
                invisible += g.invisible
            continue
        if not g.text.isspace():
            hidden[reason][page.number] += 1
    return kept, drawn, invisible


def _pages(pages: dict[int, int]) -> str:
    return f"page{'s' if len(pages) > 1 else ''} {', '.join(map(str, sorted(pages)))}"


def _page_lines(page: RawPage, hidden: dict[str, dict[int, int]], ocr: dict[int, int],
                t: LayoutTuning) -> tuple[list[_Out], list[_Out]]:
    """The page's visible lines in reading order, and its sidebar's apart; hidden characters are counted
    by reason."""
    kept, drawn, invisible = _visible(page, hidden, t)
    if invisible * 2 > drawn:
        ocr[page.number] = invisible  # most of the page: an OCR layer over a scan, which is the text
    elif invisible:  # a minority: text hidden from the reader
        hidden["invisible (rendering mode 3)"][page.number] += invisible
        kept = [g for g in kept if not g.invisible]
    out: list[_Out] = []
    aside: list[_Out] = []
    for block, in_sidebar in _columns(_rows([g for g in kept if g.upright], t), t):
        lines = aside if in_sidebar else out
        whole: _Out | None = None  # the line of the row above, when it was one line of all its chunks
        for above, row in zip([None, *block], block, strict=False):
            if whole is not None and above is not None and _wrapped_head(above, row, t):
                first, *rest = whole.text.split("\t")  # 'Engineer, Danbrisol<TAB>May 2017 –' / 'Technologies'
                whole.text, whole = "\t".join([_rejoined(first, _clean(_text(row.chunks[0], t))), *rest]), None
                continue
            parts = [row.chunks[:1], row.chunks[1:]] if row.label else [row.chunks]
            if above is not None and _wrapped_tail(above, row, t):  # 'Title<TAB>Sep 2016 – Jan' / '2020'
                parts = [row.chunks[-1:], row.chunks[:-1]]
            whole = None
            for chunks in filter(None, parts):
                ink = [g for c in chunks for g in _ink(c)]
                if text := _clean("\t".join(_text(c, t) for c in chunks)):
                    lines.append(_Out(text, page.number, chunks[0].x0, statistics.median(g.size for g in ink),
                                      _bold(ink)))
                    whole = lines[-1] if chunks is row.chunks and text.count("\t") == len(chunks) - 1 else None
    return out + _rotated([g for g in kept if not g.upright], page.number, t), aside


def _wrapped_head(above: _Row, row: _Row, t: LayoutTuning) -> bool:
    """Whether ``row`` is the wrapped end of the first cell of the row above ('Backend Engineer,
    Danbrisol<TAB>Mai 2017 – Aug. 2018' / 'Technologies', a table cell too narrow for the title and
    company): a few words alone, starting under that cell at the next line's distance, in its size,
    whose first word would not have fitted between the cell's text and the next cell."""
    if len(above.chunks) < 2 or len(row.chunks) != 1:
        return False
    cell, after, tail = above.chunks[0], above.chunks[1], row.chunks[0]
    text, head = _text(tail, t), _text(cell, t).rstrip()
    if _YEAR.search(head) and head[-1:] not in "-–—":
        return False  # a whole range ('2019 – 2020<TAB>Acme — Senior' / 'Engineer': the title's cell wrapped)
    if abs(tail.x0 - cell.x0) > t.edge_slack_pt or len(text.split()) > t.wrapped_head_words \
            or not text[:1].isalpha() or abs(row.size - above.size) > 0.5 \
            or not 0 < above.base - row.base <= t.wrapped_leading_em * above.size:
        return False
    if _bold(_ink(cell)) != _bold(_ink(tail)):  # a line in another weight starts a line of its own ('Acme' / 'Member')
        return False
    word = next((g.x0 for g in tail.glyphs if g.text.isspace()), tail.x1) - tail.x0  # the first word's width
    return cell.x1 + t.word_em * above.size + word > after.x0


def _ink(chunk: _Chunk) -> list[Glyph]:
    return [g for g in chunk.glyphs if not g.text.isspace()]


def _bold(ink: list[Glyph]) -> bool:
    """Whether glyphs are set bold: nearly all of them (a bullet or a digit in another font may not be)."""
    return sum(g.bold for g in ink) >= 0.8 * len(ink)


def _rejoined(first: str, tail: str) -> str:
    """A cell's text and its wrapped end: a hyphen that ends the first line joins a lower-case end
    ('Actuali-' / 'dad': 'Actualidad') and stays before a capital ('FULL-' / 'STACK': 'FULL-STACK')."""
    if first.endswith("-") and first[-2:-1].isalpha():
        return first[:-1] + tail if tail[:1].islower() else first + tail
    return f"{first} {tail}"


def _wrapped_tail(above: _Row, row: _Row, t: LayoutTuning) -> bool:
    """Whether the last cell of ``row`` is the end of a range that wrapped in the right-hand cell above
    ('September 2016 – January' / '2020'), drawn on the baseline of the entry's first detail line: it
    is read as a line of its own right after the range, so the range can be put back together."""
    if len(above.chunks) < 2 or len(row.chunks) < 2:
        return False
    cell, tail = above.chunks[-1], row.chunks[-1]
    if min(abs(cell.x1 - tail.x1), abs(cell.x0 - tail.x0)) > t.flush_right_pt:
        return False  # not the same column
    start, end = _text(cell, t).rstrip(), _text(tail, t).strip()
    return bool(_YEAR.search(start)) and not start[-1].isdigit() and start[-1] not in ")]" \
        and len(end.split()) <= t.wrapped_tail_words and end[:1].isdigit()


def _layout(pages: list[RawPage], t: LayoutTuning) -> Document:
    hidden: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    ocr: dict[int, int] = {}
    # the main column flows on from page to page; sidebars are read after it, so that a job running
    # over a page break is not cut by the sidebar beside its first half
    flows, sidebars = zip(*(_page_lines(page, hidden, ocr, t) for page in pages), strict=True) if pages else ((), ())
    out = [line for flow in (*flows, *sidebars) for line in flow]
    warnings = [f"page {p.number} has too much text: {p.dropped} characters past the limit were not read"
                for p in pages if p.dropped]
    if hidden:
        warnings.insert(0, "hidden text excluded: " + "; ".join(
            f"{sum(pp.values())} {why} characters on {_pages(pp)}" for why, pp in hidden.items()))
    if ocr:
        warnings.append(f"the text on {_pages(ocr)} is an invisible layer (OCR over a scanned image); kept")
    texts = [text for p in pages for text in map(_TEXT, p.glyphs)]
    ink = len(texts) - sum(map(str.isspace, texts))  # characters that are not spaces
    cid = len(_CID.findall("\n".join(texts)))  # no '(cid:N)' spans a line break
    if cid >= 0.1 * ink > 0:
        warnings.append(f"{cid} of {ink} characters ({cid * 100 // ink}%) are in fonts without a "
                        f"Unicode mapping and were dropped")
    if not out:
        why = "; ".join(warnings) or "there is no text layer (a scan or images only)"
        raise ExtractError("no_text", f"the PDF has no extractable text: {why}")
    body = _median_by_weight([(o.size, len(o.text)) for o in out])  # of the characters' sizes
    return Document("pdf", tuple(Line(o.text, n, o.page, _is_heading(o, body, t), round(o.x0, 1))
                                 for n, o in enumerate(out, 1)), len(pages), tuple(warnings))


def _median_by_weight(values: list[tuple[float, int]]) -> float:
    """The median of a list in which each value appears ``weight`` times, as statistics.median gives it."""
    values = sorted(values)
    ends = list(accumulate(weight for _, weight in values))  # past the last copy of each value

    def at(k: int) -> float:
        return values[bisect_right(ends, k)][0]

    n = ends[-1]
    return at(n // 2) if n % 2 else (at(n // 2 - 1) + at(n // 2)) / 2


def _is_heading(o: _Out, body: float, t: LayoutTuning) -> bool:
    """Visibly a heading: clearly larger than the body text, or short and bold, or short ALL CAPS."""
    if "\t" in o.text or len(o.text) > t.heading_max_chars:
        return False
    short = len(o.text.split()) <= t.heading_max_words and not any(ch.isdigit() for ch in o.text)
    return o.size >= t.heading_size * body or (short and o.bold) or _caps(o.text, t)


def extract_pdf(data: bytes, limits: Limits, backend: PdfBackend | None = None,
                tuning: LayoutTuning = TUNING) -> Document:
    """A PDF's text as lines in reading order; every failure is an :class:`ExtractError`."""
    try:
        return _layout((backend or pdf_backend(limits.pdf_backend)).load(data, limits), tuning)
    except ExtractError:
        raise
    except MemoryError:  # the worker's memory cap: reported as 'memory' by the batch
        raise
    except Exception as exc:  # a bug of ours must not become a traceback in a batch run
        raise ExtractError("internal", f"reading the PDF failed ({type(exc).__name__}: {exc})") from exc
