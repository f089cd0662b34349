"""Every threshold of the PDF line, column and sidebar rebuild, with its unit and the reason for it.

Units: ``em`` is a multiple of the font size of the glyphs concerned; ``pt`` is a PDF point (1/72
inch); ``share`` is a fraction (0–1) of the rows or of the height named; ``rows`` is a count.
Tune by passing another :class:`LayoutTuning` to :func:`screener.extract.pdf.extract_pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutTuning:
    # --- glyphs → words and chunks -----------------------------------------------------------
    word_em: float = 0.15  # em: a gap wider than this (beyond uniform letter-spacing) is a word space
    tab_em: float = 1.2  # em: a gap wider than this separates cells (a TAB), not words
    justified_band: float = 0.3  # share: wide gaps within ±30% of their median are justified text…
    justified_run: int = 3  # rows: …when at least this many in a row; they never split a line
    shared_edge_gap_em: float = 0.4  # em: a smaller gap still splits a line where other rows' cells start…
    shared_edge_ratio: float = 1.5  # ×: …if it is this much wider than the line's usual word gap…
    shared_edge_rows: int = 2  # rows: …and at least this many rows start a cell at that x (a table column:
    #                            a header row and one row of a two-row table)
    fake_bold_em: float = 0.3  # share of a glyph's width: the same glyph drawn again this close is fake bold
    edge_slack_pt: float = 1.0  # pt: cell edges this close are one column edge (a sidebar's left edge)
    overlap_pt: float = 0.5  # pt: glyphs overlapping by less than this do not collide (kerning)
    # --- glyphs → rows -------------------------------------------------------------------------
    baseline_em: float = 0.3  # em: glyphs whose baselines differ by less are on one row
    max_row_joins: int = 3  # rows: at most this many baseline clusters merge into one visual line
    #                         (a smaller date beside a title, a superscript), so a staircase stays linear
    max_overdrawn_runs: int = 32  # runs: a row of more separately placed strings is not text drawn over text
    rotated_jump_em: float = 2.5  # em: a pen jump this large starts a new line of rotated text
    # --- rows → columns (sidebars) -------------------------------------------------------------
    min_rows_for_columns: int = 10  # rows: a page with fewer is read as one column
    max_column_depth: int = 1  # levels: a sidebar may itself be split once more (three columns)
    gutter_margin: float = 0.15  # share of the text width: no gutter this close to either edge
    gutter_step_pt: float = 2.0  # pt: candidate gutters are tried at this spacing
    gutter_clear_pt: float = 2.0  # pt: a chunk this close to a gutter crosses it…
    overrun_em: float = 1.5  # em: …unless it starts left of it and runs at most this far past it (a left
    #                          column's overfull line, as TeX sets a tag cloud too wide for a sidebar)
    min_side_rows: int = 5  # rows: each side of a gutter needs this many rows to be a column
    side_extent: float = 0.4  # share of the text height: each side must span this much as a flow…
    short_side_extent: float = 0.1  # share: …or this much beside a gutter that runs down the whole page (a
    #                                  sidebar of five lines, a skills heading and its tags, beside the jobs)
    max_shared_rows: float = 0.5  # share: …or, beside the page's first lines, this share of the shorter
    #                               side's rows at most on a row of the other side (two flows on baselines
    #                               of their own: a text box beside the top of the page, not a table's cells)
    whole_page: float = 0.9  # share of the text height: a gutter this long runs down the whole page
    max_leading_ratio: float = 2.0  # ×: the sides' line spacings differ by more → a sparse label column
    min_density: float = 0.45  # share: rows × leading / extent below this → scattered cells, not a flow
    flush_right_pt: float = 2.0  # pt: rows ending this close to the side's right edge are flush right…
    flush_right_share: float = 0.8  # share: …and when this many are, the side is a date/place column
    date_column_share: float = 0.4  # share: a side with a year on this many rows labels the entries
    label_aligned_share: float = 0.67  # share: a side with this many rows on baselines of the other side…
    label_dated_rows: int = 2  # rows: …dates on at least this many of them…
    label_hole_share: float = 0.3  # share: …and nothing beside this many of the other side's rows (the
    #                                entries' details) sets dates beside titles: it labels the entries
    wrapped_head_words: int = 3  # words: a line this short under a row's first cell, its first word too wide for
    #                              the room left before the next cell, is that cell's wrapped end…
    wrapped_leading_em: float = 1.6  # em: …when at most this far below it
    wrapped_tail_words: int = 2  # words: a cell this short starting with a digit, under a range cut after
    #                              its dash or month in the same column, is that range's wrapped end
    # --- visibility and headings ---------------------------------------------------------------
    min_font_pt: float = 2.0  # pt: smaller text is hidden from a reader
    heading_size: float = 1.15  # ×: a line this much larger than the body text is a heading
    heading_max_chars: int = 60  # chars: a longer line is never a heading
    heading_max_words: int = 5  # words: a bold line (no digits) of at most this many words is a heading
    caps_min_letters: int = 3  # chars: an ALL CAPS heading or label needs at least this many letters…
    caps_max_words: int = 4  # words: …and at most this many words


TUNING = LayoutTuning()
