"""The HTML report: one well-formed, self-contained page where every candidate's evidence can be read,
nothing from a CV or a file name is taken as markup, and sorting, filtering and expanding work in a
real browser (Debian's headless Chromium; those tests skip when it is not installed)."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import unicodedata
from html import escape
from html.parser import HTMLParser

import docx
import pytest

from screener.report import Format, formatter
from screener.report.html import HtmlFormatter, highlight
from screener.result import Candidate, Report, Skipped
from tests import browser
from tests.conftest import REPO

SAMPLES = REPO / "samples"
# Markup in every place a CV or a file system can put text; each payload sets window.pwned if it runs.
HOSTILE_NAME = "cv <script>window.pwned=1</script> \"quoted\" & 'single'.txt"
HOSTILE_TITLE = "Lead <script>window.pwned=2</script> Backend Engineer"
HOSTILE_ORG = "\"Quotes\" & 'Apostrophes' <b>Ltd</b>"
HOSTILE_CV = f"""EXPERIENCE

{HOSTILE_TITLE} - {HOSTILE_ORG}
2019-03 to 2024-02
  * Go services on Kafka & MySQL </td></tr></table> <img src=x onerror="window.pwned=3">, with Docker.
"""
EMPTY_NAME = "empty <i>file</i>.txt"
SKIPPED_NAME = "<img src=x onerror=\"window.pwned=4\">.exe"


def hidden_text_docx() -> bytes:
    """A strong CV with a hidden run of markup: a row with a warning."""
    document = docx.Document()
    for line in (SAMPLES / "04-overlapping-jobs.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.add_paragraph().add_run("<script>window.pwned=5</script> Rust Rust").font.hidden = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def report(samples_report: Report, screener) -> Report:
    """The samples, plus a hostile CV, an unreadable file, a CV with a warning and a hostile skipped name."""
    extra = [Candidate.from_outcome(screener.screen_bytes(data, name)) for data, name in (
        (HOSTILE_CV.encode(), HOSTILE_NAME), (b"", EMPTY_NAME), (hidden_text_docx(), "hidden-text.docx"))]
    return Report.of(samples_report.as_of, samples_report.rules, [*samples_report.candidates, *extra],
                     [*samples_report.skipped, Skipped(SKIPPED_NAME, "not a document")])


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return formatter(Format.html).render(report)


def row(report: Report, file: str) -> Candidate:
    return next(c for c in report.candidates if c.file == file)


class Page(HTMLParser):
    """The page parsed: checks that every element is closed in order, and keeps what a test asks."""

    VOID = {"meta", "input", "br", "hr", "img", "link"}

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.feed(text)
        self.close()
        assert not self.stack, f"never closed: {self.stack}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        (self.scripts if self.stack and self.stack[-1] == "script" else self.text).append(data)

    def all(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def test_the_html_format_is_this_page(page) -> None:
    assert isinstance(formatter(Format.html), HtmlFormatter)
    assert page.startswith("<!doctype html>")


def test_the_page_is_well_formed_and_lists_every_candidate_in_rank_order(report, page) -> None:
    parsed = Page(page)
    files = [a["data-value"] for a in parsed.all("td", **{"data-key": "file"})]
    assert files == [c.file for c in report.ranked()]
    assert len(parsed.all("tbody", **{"class": "candidate"})) == len(report.candidates) == 18
    verdicts = [a["data-verdict"] for a in parsed.all("tbody", **{"class": "candidate"})]
    assert verdicts == [c.verdict or "error" for c in report.ranked()]


def test_skipped_files_are_listed_with_their_reason(report, page) -> None:
    text = "".join(Page(page).text)
    for s in report.skipped:
        assert f"{s.file} — {s.reason}" in text
    assert f"Skipped files ({len(report.skipped)})" in text


def test_nothing_from_a_cv_or_a_file_name_becomes_markup(page) -> None:
    parsed = Page(page)
    assert len(parsed.all("script")) == 1 and "pwned" not in parsed.scripts[0]
    assert not parsed.all("img") and not parsed.all("b") and not parsed.all("i")
    text = "".join(parsed.text)
    for hostile in (HOSTILE_NAME, HOSTILE_TITLE, HOSTILE_ORG, EMPTY_NAME, SKIPPED_NAME, "</td></tr></table>"):
        assert hostile in text, hostile
    assert HOSTILE_NAME in [a["data-value"] for a in parsed.all("td", **{"data-key": "file"})]


def test_the_page_loads_nothing_and_runs_only_its_own_script(page) -> None:
    parsed = Page(page)
    assert not [name for _, attrs in parsed.tags for name in attrs if name in ("src", "href", "action", "srcset")]
    style = page[page.index("<style>"):page.index("</style>")]
    assert not re.search(r"(?i)@import|url\(|https?:|fetch\(|XMLHttpRequest|WebSocket", style + parsed.scripts[0])
    (policy,) = [a["content"] for a in parsed.all("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(parsed.scripts[0].encode()).digest()).decode()
    assert policy is not None and "default-src 'none'" in policy and f"'sha256-{digest}'" in policy


def test_the_page_says_verdicts_are_for_a_person(page) -> None:
    assert "Verdicts are recommendations for a person, never decisions." in "".join(Page(page).text)


def test_requirements_are_in_the_postings_words_with_the_matched_words_marked(report, page) -> None:
    near_miss = row(report, "02-near-miss-go.docx")
    body = _candidate_html(page, near_miss.file)
    for r in near_miss.requirements:
        assert Page(body).all("tr", **{"class": r.status}), r.id
        assert escape(r.label) in body and escape(r.detail) in body
    go = next(r for r in near_miss.requirements if r.id == "go_years")
    assert go.evidence and all(e.match == "Go" for e in go.evidence)
    assert body.count("<mark>Go</mark>") >= len(go.evidence)
    assert "<mark>go" not in body.lower().replace("<mark>go</mark>", "")  # 'Go' only as a whole word


def test_positions_warnings_and_errors_are_shown(report, page) -> None:
    hostile = _candidate_html(page, HOSTILE_NAME)
    text = "".join(Page(hostile).text)
    assert HOSTILE_TITLE in text and HOSTILE_ORG in text and "2019-03 – 2024-02" in text and "60" in text
    assert Page(hostile).all("span", **{"class": "badge backend"})
    warned = row(report, "hidden-text.docx")
    assert warned.warnings and all(escape(w) in _candidate_html(page, warned.file) for w in warned.warnings)
    error = row(report, EMPTY_NAME).error
    empty_text = "".join(Page(_candidate_html(page, EMPTY_NAME)).text)
    assert error and error.code in empty_text and error.message in empty_text


def test_every_evidence_match_is_words_of_its_line(report) -> None:
    matches = [e for c in report.candidates for r in c.requirements for e in r.evidence if e.match]
    assert matches and all(e.match in e.text for e in matches)


@pytest.mark.parametrize(("text", "words", "expected"), [
    ("Go, go-live and Golang", ["Go"], "<mark>Go</mark>, go-live and Golang"),
    ("GitLab CI/CD and CI", ["CI", "CI/CD"], "GitLab <mark>CI/CD</mark> and <mark>CI</mark>"),
    ("<b>Kafka</b> & co", ["Kafka"], "&lt;b&gt;<mark>Kafka</mark>&lt;/b&gt; &amp; co"),
    ("C++ and C", ["C++"], "<mark>C++</mark> and C"),
    ("no words", [], "no words"),
])
def test_highlight_marks_whole_words_and_escapes_the_rest(text: str, words: list[str], expected: str) -> None:
    assert highlight(text, words) == expected


def test_an_empty_batch_is_a_valid_page(report) -> None:
    parsed = Page(HtmlFormatter().render(Report.of(report.as_of, report.rules, [], [])))
    assert not parsed.all("tbody", **{"class": "candidate"})
    assert "None: every file found was screened." in "".join(parsed.text)


def _candidate_html(page: str, file: str) -> str:
    """The <tbody> of one candidate."""
    marker = f'data-value="{escape(file)}"'
    start = page.rindex('<tbody class="candidate"', 0, page.index(marker))
    end = "</tr>\n</tbody>\n"  # the inner tables' </tbody> is followed by </table>
    return page[start:page.index(end, start) + len(end)]


# --- in a real browser -------------------------------------------------------------------------

ENTER = "\ue007"  # the WebDriver key code of Enter (selenium's Keys.ENTER), so this module imports without selenium


@pytest.fixture(scope="module")
def chrome(page, tmp_path_factory):
    reason = browser.missing()
    if reason:
        pytest.skip(f"browser test needs Debian's headless Chromium: {reason}")
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page, encoding="utf-8")
    with browser.chromium() as driver:
        driver.get(browser.file_url(path))
        yield driver


@pytest.fixture
def fresh(chrome):
    """The page as loaded: every filter off, rows in rank order."""
    chrome.refresh()
    return chrome


def _visible_files(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('tbody.candidate'))"
        ".filter(b => b.offsetParent !== null).map(b => b.querySelector('[data-key=file]').dataset.value)")


def _click_header(driver, key: str) -> None:
    driver.find_element("css selector", f'button[data-sort="{key}"]').click()


def test_browser_runs_no_script_from_the_data_and_logs_no_error(fresh) -> None:
    assert fresh.execute_script("return window.pwned === undefined")
    assert not [entry for entry in fresh.get_log("browser") if entry["level"] == "SEVERE"]
    assert fresh.find_element("id", "shown").text == "18 of 18 candidates shown"


def test_browser_sorting_by_score_reorders_rows(fresh, report) -> None:
    _click_header(fresh, "file")
    by_file = _visible_files(fresh)
    assert by_file == sorted(by_file, key=str.lower) and by_file != [c.file for c in report.ranked()]
    _click_header(fresh, "score")
    scores = {c.file: c.score for c in report.candidates}
    best_first = _visible_files(fresh)
    numbers = [scores[f] for f in best_first if scores[f] is not None]
    assert numbers == sorted(numbers, reverse=True) and scores[best_first[-1]] is None  # unreadable last
    th = fresh.find_element("css selector", 'button[data-sort="score"]').find_element("xpath", "..")
    assert th.get_attribute("aria-sort") == "descending"
    button = fresh.find_element("css selector", 'button[data-sort="score"]')
    button.send_keys(ENTER)  # the headers are buttons: the keyboard sorts too
    worst_first = [scores[f] for f in _visible_files(fresh) if scores[f] is not None]
    assert worst_first == sorted(worst_first) and th.get_attribute("aria-sort") == "ascending"


def test_browser_sorting_by_verdict_and_by_years_of_a_skill(fresh, report) -> None:
    order = ["pass", "review", "fail", None]
    _click_header(fresh, "verdict")
    verdicts = [row(report, f).verdict for f in _visible_files(fresh)]
    assert verdicts == sorted(verdicts, key=order.index) and verdicts != [c.verdict for c in report.ranked()]
    for key, years in (("skill-go", lambda c: c.skills["go"].years), ("backend", lambda c: c.backend_years)):
        _click_header(fresh, key)
        values = [years(row(report, f)) for f in _visible_files(fresh) if row(report, f).status == "ok"]
        assert values == sorted(values, reverse=True), key


def test_browser_verdict_filter_hides_rows(fresh, report) -> None:
    fresh.find_element("css selector", 'input[name="verdict"][value="fail"]').click()
    shown = _visible_files(fresh)
    failed = {c.file for c in report.candidates if c.verdict == "fail"}
    assert failed and not failed & set(shown)
    assert len(shown) == len(report.candidates) - len(failed)
    assert fresh.find_element("id", "shown").text == f"{len(shown)} of 18 candidates shown"


def test_browser_search_finds_words_of_the_cv(fresh, report) -> None:
    java = row(report, "03-java-kotlin.pdf")
    fresh.find_element("id", "search").send_keys(java.positions[0].organisation.upper())
    assert _visible_files(fresh) == [java.file]


def test_browser_evidence_expands_by_click_and_by_keyboard(fresh, report) -> None:
    details = fresh.find_elements("css selector", "tbody.candidate details")
    first, second = details[0], details[1]
    label = first.find_element("css selector", ".requirements .label")
    assert not label.is_displayed()
    first.find_element("tag name", "summary").click()
    assert label.is_displayed() and label.text == report.ranked()[0].requirements[0].label
    assert first.find_element("css selector", "mark").is_displayed()
    summary = second.find_element("tag name", "summary")
    summary.send_keys(ENTER)
    assert second.get_attribute("open") is not None


def test_browser_print_shows_all_evidence_and_no_controls(fresh, report) -> None:
    from pdfminer.high_level import extract_text
    from selenium.webdriver.common.print_page_options import PrintOptions

    last = [c for c in report.ranked() if c.positions][-1]  # a row never opened by hand
    fresh.find_element("id", "search").send_keys(last.file)  # print only that row: a short PDF
    printed = extract_text(io.BytesIO(base64.b64decode(fresh.print_page(PrintOptions()))))
    flat = "".join(unicodedata.normalize("NFKC", printed).split())  # lines may break anywhere

    def printed_(text: str) -> bool:
        return "".join(text.split()) in flat

    assert not printed_("Expand all") and not printed_("Search")
    assert printed_("Verdicts are recommendations for a person")
    assert printed_(last.positions[0].organisation) and printed_(last.requirements[0].label)
