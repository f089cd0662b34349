"""Text and Markdown extraction: encodings, line clean-up, heading flags, and sniffing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from screener.errors import ExtractError
from screener.extract import Limits, extract, extract_file
from screener.extract.sniff import looks_like_markdown, sniff
from screener.extract.text import decode, extract_text

SHARED = Path(__file__).resolve().parents[2] / "shared"

CV = "Jane Doe\nSenior Engineer at Café Núñez — 2019–2021\nLed the team’s move to “Go”.\n"


def _texts(data: bytes, markdown: bool = False) -> list[str]:
    return [line.text for line in extract_text(data, markdown).lines]


@pytest.mark.parametrize("encoded", [
    CV.encode("utf-8"),
    b"\xef\xbb\xbf" + CV.encode("utf-8"),
    CV.encode("utf-16"),  # with BOM, native order
    b"\xff\xfe" + CV.encode("utf-16-le"),
    b"\xfe\xff" + CV.encode("utf-16-be"),
    CV.encode("utf-16-le"),  # no BOM: NULs in every other byte
], ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf16le-no-bom"])
def test_unicode_encodings(encoded: bytes) -> None:
    assert _texts(encoded) == CV.strip().split("\n")


def test_cp1252_with_typographic_quotes_and_accents() -> None:
    text = "Résumé of José\nLed the team’s “Go” rewrite – naïve café\n"
    assert decode(text.encode("cp1252")) == text
    assert sniff(text.encode("cp1252")) == "text"


def test_cyrillic_cp1251_goes_to_the_detector() -> None:
    text = ("Иван Петров — старший разработчик. Опыт работы: восемь лет в банковской сфере, "
            "проектирование платёжных сервисов и баз данных.\n")
    assert decode(text.encode("cp1251")) == text


def test_nul_bytes_removed_and_line_ends_normalised() -> None:
    data = b"Jane\x00 Doe\r\nBackend\x00 Engineer\rGo\t\tKafka   \n\n   \nlast"
    assert _texts(data) == ["Jane Doe", "Backend Engineer", "Go\t\tKafka", "last"]


def test_inner_gaps_kept_trailing_space_and_empty_lines_dropped() -> None:
    data = "Backend Engineer            2019 – 2021   \n\n\n  - Go services\t\n".encode()
    lines = extract_text(data, markdown=False).lines
    assert [line.text for line in lines] == ["Backend Engineer            2019 – 2021", "  - Go services"]
    assert [line.number for line in lines] == [1, 2]
    assert {line.page for line in lines} == {1}


def test_plain_text_headings() -> None:
    data = (b"JANE DOE\nBackend engineer\n\nProfile\n~~~~~~~\nI build ledgers.\n\n+---------+\n| CAREER  |\n"
            b"+---------+\nAcme, Berlin\n2. EMPLOYMENT HISTORY\n2.1 Engineer at Acme\nAWS, GCP, SQL\n"
            b"Skills\n======\nGo\n")
    pairs = [(line.text, line.heading) for line in extract_text(data, markdown=False).lines]
    assert pairs == [("JANE DOE", True), ("Backend engineer", False), ("Profile", True),
                     ("I build ledgers.", False), ("CAREER", True), ("Acme, Berlin", False),
                     ("2. EMPLOYMENT HISTORY", True), ("2.1 Engineer at Acme", False),
                     ("AWS, GCP, SQL", False), ("Skills", True), ("Go", False)]


def test_markdown_is_stripped_and_headings_flagged() -> None:
    source = """# Jane **Doe**

Senior Engineer · <jane@example.com> · [GitHub](https://github.com/jane)

Experience
----------

### Backend Engineer — Acme ###
> since 06/2021 · Berlin

- Built **payment** services in _Go_ and *Kafka*.
  * Nested item with `snake_case_name` and <b>html</b>
1. First numbered
+ Plus item

---

| Period | Role | Company |
|:-------|------|--------:|
| 2019 – 2021 | Engineer | Globex |

Summary
=======
Writes \\*literal\\* stars; 5 * 3 * 2.
"""
    pairs = [(line.text, line.heading) for line in extract_text(source.encode(), markdown=True).lines]
    assert pairs == [
        ("Jane Doe", True),
        ("Senior Engineer · jane@example.com · GitHub", False),
        ("Experience", True),
        ("Backend Engineer — Acme", True),
        ("since 06/2021 · Berlin", False),
        ("• Built payment services in Go and Kafka.", False),
        ("  • Nested item with snake_case_name and html", False),
        ("• First numbered", False),
        ("• Plus item", False),
        ("Period\tRole\tCompany", False),
        ("2019 – 2021\tEngineer\tGlobex", False),
        ("Summary", True),
        ("Writes *literal* stars; 5 * 3 * 2.", False),
    ]
    assert extract_text(source.encode(), markdown=True).kind == "markdown"


def test_markdown_fenced_code_kept_verbatim() -> None:
    source = "# Projects\n```\nfoo_bar = **kwargs\n```\nDone.\n"
    assert _texts(source.encode(), markdown=True) == ["Projects", "foo_bar = **kwargs", "Done."]


def test_sniff_tells_markdown_from_text_by_content_and_name_hint() -> None:
    markdown = b"# Jane Doe\n\n## Experience\n\n- **Engineer** at [Acme](https://acme.example)\n"
    underlined = b"Jane Doe\n========\nExperience\n----------\nEngineer at Acme\n"
    assert sniff(markdown) == "markdown"
    assert sniff(markdown, "cv.txt") == "markdown"  # the bytes decide, not the name
    assert sniff(underlined) == "text"
    assert sniff(underlined, "cv.md") == "markdown"  # the name only breaks the tie
    assert not looks_like_markdown("Plain CV\nEXPERIENCE\nAcme 2019 - 2021\n")


def test_zero_bytes_and_whitespace_only() -> None:
    with pytest.raises(ExtractError) as caught:
        extract(b"", "cv.txt")
    assert caught.value.code == "empty"
    with pytest.raises(ExtractError) as caught:
        extract(b" \r\n\t\x00\n", "cv.txt")
    assert caught.value.code == "empty"
    with pytest.raises(ExtractError) as caught:
        extract(bytes(4096), "cv.txt")
    assert caught.value.code == "empty"


def test_random_bytes_are_unsupported() -> None:
    data = random.Random(7).randbytes(4096)
    with pytest.raises(ExtractError) as caught:
        extract(data, "cv.txt")
    assert caught.value.code == "unsupported_format"


@pytest.mark.parametrize("data", [b"GIF89a" + bytes(64), b"II*\x00" + bytes(64)], ids=["gif", "tiff"])
def test_images_other_than_png_and_jpeg_are_unsupported(data: bytes) -> None:
    with pytest.raises(ExtractError) as caught:
        extract(data, "cv.txt")
    assert caught.value.code == "unsupported_format"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(64), b"\xff\xd8\xff\xe0" + bytes(64)],
                         ids=["png", "jpeg"])
def test_png_and_jpeg_go_to_ocr_whatever_their_name(data: bytes) -> None:
    with pytest.raises(ExtractError) as caught:  # damaged images: corrupt with OCR, no_text without it
        extract(data, "cv.txt")
    assert caught.value.code in ("corrupt", "no_text")


def test_size_limits_and_unreadable_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Jane Doe\n" * 10)
    with pytest.raises(ExtractError) as caught:
        extract_file(big, Limits(max_bytes=20))
    assert caught.value.code == "too_large"
    with pytest.raises(ExtractError) as caught:
        extract(big.read_bytes(), "big.txt", Limits(max_bytes=20))
    assert caught.value.code == "too_large"
    for path in (tmp_path / "missing.txt", tmp_path):
        with pytest.raises(ExtractError) as caught:
            extract_file(path)
        assert caught.value.code == "unreadable"
    assert extract_file(big).lines[0].text == "Jane Doe"


def test_one_long_hostile_line_stays_fast() -> None:
    line = ("[" * 50_000 + "<a" * 50_000 + "**x" * 50_000 + "`" * 50_000).encode()
    document = extract_text(line, markdown=True)
    assert len(document.lines) == 1


# --- real files (read-only, not committed) -------------------------------------------------------

needs_shared = pytest.mark.skipif(not (SHARED / "devset").is_dir(), reason="shared dev set not available")


@needs_shared
@pytest.mark.parametrize(("name", "kind", "headings"), [
    ("d03.txt", "text", ["CHINEDU ADEYEMI", "PROFILE", "WORK HISTORY", "EDUCATION", "TOOLBOX"]),
    ("d08.txt", "text", ["SUMMARY", "CAREER", "EDUCATION", "SKILLS"]),
    ("d18.txt", "text", ["1. SUMMARY", "2. EMPLOYMENT HISTORY", "3. EDUCATION", "4. SKILLS"]),
    ("d05.md", "markdown", ["Matteo Lombardi", "About", "Professional Experience",
                            "Senior Software Engineer · Navigli Pay", "Java Developer · Brera Insurtech",
                            "Junior Developer · Lario Software", "Education", "Skills"]),
    ("d20.md", "markdown", None),
])
def test_devset_text_files(name: str, kind: str, headings: list[str] | None) -> None:
    document = extract_file(SHARED / "devset/cvs" / name)
    assert document.kind == kind
    found = [line.text.strip() for line in document.lines if line.heading]
    if headings is not None:
        assert found == headings
    assert not any(set(line.text.strip()) <= set("=~-+*_#|") for line in document.lines)
    if kind == "markdown":
        assert not any(marker in document.text for marker in ("**", "](", "\n#", "\n> "))


@needs_shared
def test_devset_setext_markdown() -> None:
    document = extract_file(SHARED / "devset/cvs/d20.md")
    found = [line.text for line in document.lines if line.heading]
    assert found[:4] == ["Leyla Aliyeva", "Summary", "Experience", "Senior Backend Engineer — Absheron Tickets"]
    assert "since 06/2026 · Baku" in [line.text for line in document.lines]
