"""Two-column résumés printed to PDF by a browser (the layout of JSON Resume themes), read by the PDF
layout: dates set in a narrow column beside each title stay on the title's line, and a sidebar of
skill tags is read apart from the jobs beside it. The HTML is written here and printed with headless
Chromium; the tests skip when it is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from screener.extract import Limits
from screener.extract.pdf import extract_pdf
from screener.model import month_index
from screener.parse import parse

AS_OF = month_index(2026, 11)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")

JOBS = [("Mar 2021 – Present", "Leeds, UK", "Senior Backend Engineer", "Tallowmere Payments",
         ["Built the ledger in Go with Kafka consumers", "Ran MySQL migrations without downtime"]),
        ("Feb 2017 – Feb 2021", "York, UK", "PHP Developer", "Brindle Shop Ltd",
         ["Kept the storefront up on Redis caches", "Wrote the stock sync"]),
        ("Jun 2014 – Jan 2017", "Hull, UK", "Junior Developer", "Oddlamp Studio",
         ["Built Docker images for the build farm", "Wrote reports in Python"])]


def print_pdf(tmp_path: Path, html: str) -> bytes:
    source, out = tmp_path / "cv.html", tmp_path / "cv.pdf"
    source.write_text(html, encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", source.as_uri()], check=True, capture_output=True, timeout=60)
    return out.read_bytes()


def label_theme(reverse: bool) -> str:
    """Each entry a flex row: a narrow label cell (date, place under it) and the entry's cell."""
    def row(label: str, body: str) -> str:
        return f'<div class="row"><div class="label">{label}</div><div class="body">{body}</div></div>'

    rows = [row("<h2>About</h2>", "Backend engineer who likes queues and boring databases."), row("<h2>Work</h2>", "")]
    rows += [row(f"{when}<br>{place}", f"<b>{title}</b><div>{org}</div><ul>{''.join(f'<li>{b}</li>' for b in bullets)}"
                 "</ul>") for when, place, title, org, bullets in JOBS]
    rows += [row("<h2>Education</h2>", ""), row("2010 – 2014", "<b>BSc Computing</b><div>University of Nowhere</div>"),
             row("<h2>Skills</h2>", "Go, Kafka, MySQL, Redis, Docker")]
    direction = "row-reverse" if reverse else "row"
    return (f"<html><head><style>body{{font:11px sans-serif;margin:30px}} .row{{display:flex;margin-top:14px;"
            f"flex-direction:{direction}}} .label{{width:28%;color:#666}} .body{{width:72%}} h2{{font-size:13px;"
            f"margin:0}}</style></head><body><h1>Robin Quill</h1>{''.join(rows)}</body></html>")


@pytest.mark.parametrize("reverse", [False, True], ids=["dates-left", "dates-right"])
def test_a_label_column_of_dates_stays_beside_its_titles(tmp_path: Path, reverse: bool) -> None:
    doc = extract_pdf(print_pdf(tmp_path, label_theme(reverse)), Limits())
    lines = [line.text for line in doc.lines]
    for when, place, title, org, _ in JOBS:
        assert "\t".join([title, when] if reverse else [when, title]) in lines
        assert "\t".join([org, place] if reverse else [place, org]) in lines
    positions = parse(doc, AS_OF).positions
    go = [p for p in positions if any("Go" in line.text for line in p.lines)]
    assert [(p.dates.start, p.dates.end) for p in go] == [(month_index(2021, 3), AS_OF)]


TAGS = ["Rust", "Elixir", "Lua", "Terraform", "gRPC", "Postgres", "Helm", "Linux", "Bash", "Nginx", "Ansible",
        "Haskell", "Scala", "Perl"]  # none of them in the jobs' text


def sidebar_theme() -> str:
    """A main column of jobs and a right sidebar: contact lines, then skill tags wrapped as chips."""
    tags = "".join(f'<span class="tag">{t}</span>' for t in TAGS)
    jobs = "".join(f"<h3>{title}, {org}</h3><p>{when}</p><ul>{''.join(f'<li>{b}</li>' for b in bullets)}</ul>"
                   for when, _, title, org, bullets in JOBS)
    return ("<html><head><style>body{font:11px sans-serif;margin:30px;display:flex;gap:30px} .main{width:68%}"
            " .side{width:28%} .tag{display:inline-block;border:1px solid #999;padding:2px 5px;margin:2px}"
            " h3{margin:10px 0 2px}</style></head><body>"
            f"<div class='main'><h2>Experience</h2>{jobs}</div>"
            "<div class='side'><h2>Contact</h2><p>robin@example.org</p><p>Leeds</p>"
            f"<h2>Skills</h2><div>{tags}</div></div></body></html>")


def test_a_sidebar_of_skill_tags_is_read_after_the_jobs(tmp_path: Path) -> None:
    doc = extract_pdf(print_pdf(tmp_path, sidebar_theme()), Limits())
    lines = [line.text for line in doc.lines]
    main_words = ("Engineer", "Developer", "Built", "Wrote", "Kept", "Ran ", "–")
    assert not any(tag in line and any(w in line for w in main_words) for line in lines for tag in TAGS), lines
    assert lines.index("Skills") > max(i for i, line in enumerate(lines) if line.startswith("Wrote reports"))
    positions = parse(doc, AS_OF).positions
    assert not any("Rust" in line.text for p in positions for line in p.lines)


GROUPS = [("Languages", ["Rust", "Elixir", "Lua"]), ("Data", ["Postgres", "Cassandra"]), ("Tooling", ["Helm", "Nginx"])]


def headed_sidebar_theme() -> str:
    """A left sidebar of headed groups of chips, spaced out, beside a main column of jobs whose dates are
    set flush right on the employer's line."""
    groups = "".join(f"<h4>{name}</h4>{''.join(f'<span class=tag>{t}</span>' for t in tags)}" for name, tags in GROUPS)
    jobs = "".join(f"<div class=job><b>{org}</b><i>{when.replace('Present', 'now')}</i><div>{title}</div><ul>"
                   f"{''.join(f'<li>{b}</li>' for b in bullets)}</ul></div>" for when, _, title, org, bullets in JOBS)
    return ("<html><head><style>body{font:11px sans-serif;margin:30px;display:flex;gap:24px} .side{width:24%}"
            " .main{width:72%} h4{margin:18px 0 10px;border-bottom:2px solid #999;padding-bottom:4px}"
            " .tag{display:inline-block;padding:3px 4px;margin:2px} .job i{float:right} ul{margin:2px 0}"
            "</style></head><body><div class=side><h4>About</h4><p>Leeds, UK</p><p>robin@example.org</p>"
            f"{groups}</div><div class=main><h2>Experience</h2>{jobs}<h2>Education</h2><p>BSc Computing</p></div>"
            "</body></html>")


def test_a_sidebar_of_headed_groups_spaced_out_is_read_apart_from_the_jobs(tmp_path: Path) -> None:
    doc = extract_pdf(print_pdf(tmp_path, headed_sidebar_theme()), Limits())
    lines = [line.text for line in doc.lines]
    sidebar = [name for name, _ in GROUPS] + [t for _, tags in GROUPS for t in tags]
    assert not any(word in line and ("Developer" in line or "–" in line) for line in lines for word in sidebar), lines
    positions = parse(doc, AS_OF).positions
    assert [p.title for p in positions] == [title for _, _, title, _, _ in JOBS]
    assert not any(word in line.text for p in positions for line in p.lines for word in sidebar)


def two_column_bullets_theme() -> str:
    """Each job's dates flush right on its title's line and its bullets in two columns (a strip of white
    down the main column), beside a right sidebar of skills set flush right, smaller."""
    jobs = "".join(f"<div class=job><b>{title}</b><i>{when}</i><div>{org}</div><ul>"
                   f"{''.join(f'<li>{b} and more of the same, for a while</li>' for b in bullets)}</ul></div>"
                   for when, _, title, org, bullets in JOBS)
    side = "".join(f"<h4>{name}</h4>{''.join(f'<div>{t}</div>' for t in tags)}" for name, tags in GROUPS)
    return ("<html><head><style>body{font:10px sans-serif;margin:30px;display:flex;gap:40px} .main{width:66%}"
            " .side{width:26%;text-align:right;font-size:9px} .job i{float:right} ul{columns:2;column-gap:20px;"
            "margin:2px 0}"
            " h4{margin:8px 0 2px}</style></head><body>"
            f"<div class=main><h2>Experience</h2>{jobs}<h2>Education</h2><p>BSc Computing, 2010 – 2014</p></div>"
            f"<div class=side><h2>Skills</h2>{side}</div></body></html>")


def test_dates_beside_their_titles_stay_there_when_the_bullets_below_run_in_two_columns(tmp_path: Path) -> None:
    doc = extract_pdf(print_pdf(tmp_path, two_column_bullets_theme()), Limits())
    positions = parse(doc, AS_OF).positions
    assert [(p.title, p.organisation, p.dates.text) for p in positions] == [
        (title, org, when) for when, _, title, org, _ in JOBS]
    assert not any(t in line.text for p in positions for line in p.lines for _, tags in GROUPS for t in tags)
