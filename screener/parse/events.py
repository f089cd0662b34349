"""Jobs dated by events, one line each: joining an employer ('2014<TAB>4<TAB>株式会社ミチノク情報 入社'), then
leaving it ('2019<TAB>9<TAB>株式会社ミチノク情報 退社', or '現在に至る' for the current one), as the career table of
a Japanese 履歴書 lists them. The joining line becomes the job's header with its range; the line that
ends it goes, and the lines between are the job's own."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from screener.model import Line
from screener.parse.wordlists import fold, open_ends

# A year and a month opening the line ('2014<TAB>4<TAB>…', '2014年4月 …', '2014.04 …'), then what happened
_EVENT = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*(?:年\s*|[\t./-]\s*)(?P<month>0?[1-9]|1[0-2])(?!\d)\s*月?\s*"
                    r"(?P<what>\S.*?)\s*$")


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")$")


_ENDS = open_ends()
_JOINING, _LEAVING = _words(_ENDS.joining), _words(_ENDS.leaving)
_STILL_THERE = {fold(w).replace(" ", "") for w in _ENDS.present}


def _event(line: Line) -> tuple[str, int, int, str] | None:
    """('join' or 'leave', year, month, organisation) of an event line, or None."""
    m = _EVENT.match(unicodedata.normalize("NFKC", line.text))
    if m is None:
        return None
    for kind, words in (("join", _JOINING), ("leave", _LEAVING)):
        if cut := words.search(m["what"]):
            return kind, int(m["year"]), int(m["month"]), m["what"][:cut.start()].strip()
    return None


def _still_there(line: Line) -> bool:
    """A line that says the last job goes on: '現在に至る', '至今'."""
    return fold(line.text).replace(" ", "").strip() in _STILL_THERE


def ranges_from_events(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Each joining line as 'Organisation<TAB>2014-04 – 2019-09' (or '– 現在に至る'), ended by the first
    leaving line or 'still there' line after it; a joining line followed by another before either is
    left as it is (its end is not written)."""
    events = [_event(line) for line in lines]
    if not any(e and e[0] == "join" for e in events):
        return lines
    out: list[Line | None] = list(lines)
    for k, event in enumerate(events):
        if event is None or event[0] != "join":
            continue
        _, year, month, organisation = event
        for j in range(k + 1, len(lines)):
            after = events[j]
            if after is not None and after[0] == "join":
                break
            if after is not None or _still_there(lines[j]):
                end = f"{after[1]}-{after[2]:02d}" if after else lines[j].text.strip()
                out[k] = replace(lines[k], text=f"{organisation}\t{year}-{month:02d} – {end}")
                out[j] = None
                break
    return tuple(line for line in out if line is not None)
