"""Blind mode's redaction: personal patterns anywhere, and each CV's own name and places."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from screener.redact import Identity, Redactor, candidate_id, file_sha256, identity_of, metadata_names
from tests.conftest import REPO

SAMPLES = REPO / "samples"
JANE = Redactor(Identity(("Jane Doe", "Jane", "Doe"), ("Springfield",), ("0935 555 0119",)))


@pytest.mark.parametrize(("text", "redacted"), [
    ("Jane Doe · Springfield · jane.doe@example.com · +1 415 555 0172", "[name] · [location] · [email] · [phone]"),
    ("linkedin.com/in/janedoe | github.com/jdoe | https://jane.dev/blog | www.janedoe.me",
     "[url] | [url] | [url] | [url]"),
    ("Tel: 0935 555 0119, mobile 0912-555-0183", "Tel: [phone], mobile [phone]"),
    ("Date of birth: 12 May 1990 · Nationality: Iranian · Marital status: married",
     "Date of birth: [redacted] · Nationality: [redacted] · Marital status: [redacted]"),
    ("Gender: female | Pronouns: she/her | Age: 34", "Gender: [redacted] | Pronouns: [redacted] | Age: [redacted]"),
    ("Jane (she/her), aged 34, born in Tehran in 1990", "[name] [pronouns], [age], [age]"),
    ("![photo](me.jpg) Photo: headshot.png", "[photo] Photo: [photo]"),
    ("Address: 12 Baker Street, London NW1", "Address: [redacted]"),
    ("Worked at DOE Industries in SPRINGFIELD with Jané", "Worked at [name] Industries in [location] with [name]"),
])
def test_personal_data_is_redacted(text: str, redacted: str) -> None:
    assert JANE.text(text) == redacted


@pytest.mark.parametrize("text", [
    "Jan 2019 – Present | 2019-01 to 2021-06 | 2020-08-17 - 2021-03-01 | 01.2019 - 06.2021 | 1398/07 – 1401/10",
    "Handled 40k orders per second; p99 latency by 35%; 1,100 companies; 2018 - 2020",
    "Go 1.22, Kafka on Confluent Cloud, MySQL 8, Redis Sentinel; ASP.NET and Node.js; Cordillera Fintech S.A.S.",
    "position 2: Backend Engineer, Acme (2019-01 – 2021-06)",
])
def test_dates_and_work_words_are_kept(text: str) -> None:
    assert JANE.text(text) == text


def test_value_redacts_nested_reports_and_frozen_dataclasses() -> None:
    from screener.model import Evidence

    row = {"skills": {"go": {"evidence": [Evidence("line 3", "Go at Jane Doe Ltd, jane@x.org", "2020-01")]}},
           "reasons": ("Call +44 20 7946 0958",), "score": 50.0}
    redacted = JANE.value(row)
    assert redacted["skills"]["go"]["evidence"][0] == Evidence("line 3", "Go at [name] Ltd, [email]", "2020-01")
    assert redacted["reasons"] == ("Call [phone]",) and redacted["score"] == 50.0


def _source_identity(path: Path) -> tuple[str, list[str], list[str]]:
    """The name, e-mails and phone numbers a sample's source writes (the '# Name' line, or the first line)."""
    source = SAMPLES / "src" / f"{path.stem}.md"
    text = (source if source.exists() else path).read_text(encoding="utf-8")
    name = text.strip().splitlines()[0].lstrip("# ").strip()
    emails = re.findall(r"[\w.+-]+@[\w.-]+\.\w+", text)
    phones = re.findall(r"\+\d[\d ]{7,}\d", text)
    return name, emails, phones


@pytest.fixture(scope="session")
def keep(loaded_rules) -> list[str]:
    return [a for s in loaded_rules.rules.skills.values() for a in [s.label, *s.aliases, *s.ambiguous]]


@pytest.mark.parametrize("path", sorted(p for p in SAMPLES.glob("[0-9]*")), ids=lambda p: p.name)
def test_each_samples_own_name_is_found(screener, keep: list[str], path: Path) -> None:
    outcome = screener.screen_file(path)
    identity = identity_of(outcome.resume, keep)
    name, _, phones = _source_identity(path)
    assert identity.names and identity.names[0].casefold() == name.casefold()
    assert not set(identity.places) & {k.lower() for k in keep}


def test_candidate_id_is_a_prefix_of_the_content_hash(tmp_path: Path) -> None:
    cv = tmp_path / "Jane Doe.txt"
    cv.write_bytes(b"hello")
    digest = file_sha256(cv)
    assert digest == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    assert candidate_id(digest) == "cand-2cf24dba"
    assert file_sha256(tmp_path / "gone.pdf") != digest  # unreadable: named by its path's hash, never its path


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_files_author_field_names_the_person(screener, loaded_rules, tmp_path: Path, kind: str) -> None:
    """A CV whose text never gives the name in its header: the author field of the file does."""
    from screener.blind import blind_candidate
    from tests.identities import render

    source = ("# Senior Backend Engineer\nBackend services for payments\n\n## Experience\n"
              "### Backend Engineer | Acme Payments | Jan 2020 – Present\n"
              "- Go services on Kafka; Jane Doe's team owned the ledger in MySQL.\n")
    path = render(source, kind, tmp_path / f"cv.{kind}")
    if kind == "docx":  # the sample writer names the author after the first line; set the person instead
        import docx

        document = docx.Document(str(path))
        document.core_properties.author = "Jane Doe"
        document.save(str(path))
    else:
        from reportlab.pdfgen import canvas

        pdf = canvas.Canvas(str(path))
        pdf.setAuthor("Jane Doe")
        pdf.setTitle("Jane Doe's CV")
        for n, line in enumerate(source.replace("#", "").replace("- ", "").splitlines()):
            pdf.drawString(56, 780 - 16 * n, line)
        pdf.save()
    assert "Jane Doe" in metadata_names(path)
    row = blind_candidate(screener.screen_file(path), loaded_rules, path)
    evidence = " ".join(e.text for s in row.skills.values() for e in s.evidence)
    assert "ledger in MySQL" in evidence and "Jane" not in evidence and "Doe" not in evidence
    assert "Jane" in " ".join(e.text for s in blind_candidate(screener.screen_file(path), loaded_rules)
                              .skills.values() for e in s.evidence)  # without the file's fields it stays
