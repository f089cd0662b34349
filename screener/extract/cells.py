"""A table row's cells → lines in reading order, for the formats that keep a table's structure
(DOCX, ODT, HTML).

A row is read as it is seen: the short lines that head its cells (dates, title, company, place) side
by side, the n-th of each cell on one line, TAB-separated as a PDF line puts a right-hand column's
text ('May 2026 – Present<TAB>Tech Lead' / 'Berlin<TAB>Acme Payments'); then each cell's body (from its
first bullet or sentence on), cell by cell. So a date cell of two lines ('Mar 2015 –' / 'Dec 2018')
is read as one range ('Mar 2015 – Dec 2018': a cell's line ending on a dash goes on in the cell's
next line) beside its title and company, a company's city is read with the entry's header, not after its
bullets, and no line of one cell lands between another cell's lines. Two exceptions, where the cells
are not read across:

- a row that lays out the page (a sidebar beside the main column) is read cell by cell: two cells
  or more with several short lines each, or several lines of any kind and the row is the only one of
  its table or has a heading among its cells' lines;
- a first cell that is one heading ('Experience') beside cells of several lines is the heading of
  what they hold, and is read before them.
"""

from __future__ import annotations

import re
from itertools import zip_longest

Cell = list[tuple[str, bool]]  # a cell's lines: (text, whether it is a heading)

_LAYOUT_CELL_LINES = 3  # lines: two cells this long may be columns of the page (see above)
# a range cut after its dash ('Mar 2015 –', '2015–'), not a hyphenated word ('Full-') or a rule ('——— Skills ———')
_OPEN_DASH = re.compile(r"^(?=.*\d).*\S(?:\s+[-–—]|[–—])\s*$")
_HEAD_WORDS = 8  # a cell's line of more words (or a bullet) starts its body: the lines read after the header


def row_lines(cells: list[Cell], alone: bool) -> Cell:
    """The lines of a table row whose non-empty cells are ``cells`` (left to right); ``alone``: the
    row is its table's only row."""
    cells = [_ranges_joined(cell) for cell in cells if cell]
    split = [_head_length(cell) for cell in cells]
    if len(cells) < 2 or sum(n >= _LAYOUT_CELL_LINES for n in split) >= 2 or (
            sum(len(cell) >= _LAYOUT_CELL_LINES for cell in cells) >= 2
            and (alone or any(heading for cell in cells for _, heading in cell[1:]))):
        return [line for cell in cells for line in cell]
    head: Cell = []
    first = cells[0]
    if len(first) == 1 and first[0][1] and not any(ch.isdigit() for ch in first[0][0]) \
            and all(len(cell) > 1 for cell in cells[1:]):
        head, cells, split = first, cells[1:], split[1:]
    across = [[line for line in lines if line is not None]
              for lines in zip_longest(*(cell[:n] for cell, n in zip(cells, split, strict=True)))]
    return head + [("\t".join(text for text, _ in lines), all(heading for _, heading in lines))
                   for lines in across] + [line for cell, n in zip(cells, split, strict=True) for line in cell[n:]]


def _head_length(cell: Cell) -> int:
    """How many of the cell's first lines are short header lines (at least one: its first line)."""
    n = 1
    while n < len(cell) and not cell[n][0].startswith("•") and len(cell[n][0].split()) <= _HEAD_WORDS:
        n += 1
    return n


def _ranges_joined(cell: Cell) -> Cell:
    """The cell's lines, each that ends on a range's dash joined with the line after it."""
    out: Cell = []
    for text, heading in cell:
        if out and _OPEN_DASH.search(out[-1][0]):
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1] and heading)
        else:
            out.append((text, heading))
    return out
