"""Positions a structured résumé states (:class:`~screener.model.StatedPosition`) → :class:`Position`."""

from __future__ import annotations

from screener.model import DateRange, Document, Position, Section, StatedPosition


def stated_positions(document: Document, stated: tuple[StatedPosition, ...], sections: tuple[Section, ...],
                     as_of: int) -> tuple[Position, ...]:
    """The stated jobs with their own lines; an ongoing one runs to ``as_of``; one that starts after
    ``as_of`` or ends before it starts is not counted."""
    by_number = {line.number: line for line in document.lines}
    heading_of = {line.number: s.heading for s in sections for line in s.lines}
    out = []
    for p in stated:
        end = as_of if p.end is None else p.end
        if not p.start <= end <= max(as_of, p.start):
            continue
        lines = tuple(by_number[n] for n in range(p.lines[0], p.lines[1] + 1) if n in by_number)
        out.append(Position(p.title, p.organisation, DateRange(p.start, end, p.dates, p.end is None, p.coarse),
                            lines, heading_of.get(p.lines[0], "")))
    return tuple(out)
