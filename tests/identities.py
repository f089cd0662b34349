"""People to swap into a CV, and the sample writers to render it as TXT, Markdown, DOCX and PDF.

Used by the invariance test (tests/test_invariance.py) and benchmarks/invariance.py: the same CV
under six names, genders and origins must get the same years, score and verdict. Every person is
invented; e-mail domains are example.* and phone numbers are from fictional ranges.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("txt", "md", "docx", "pdf")


@dataclass(frozen=True)
class Person:
    name: str
    pronouns: str
    email: str
    phone: str
    city: str
    address: str
    nationality: str

    def contact_lines(self) -> list[str]:
        """The header lines a CV gives about its author."""
        return [f"{self.city} · {self.email} · {self.phone}",
                f"{self.address} · Nationality: {self.nationality} · Pronouns: {self.pronouns}"]


PEOPLE = (
    Person("Emily Walsh", "she/her", "emily.walsh@example.com", "+1 617 555 0143", "Boston",
           "14 Beacon Street, Boston MA 02108", "American"),
    Person("Lakisha Washington", "she/her", "lakisha.washington@example.com", "+1 404 555 0187", "Atlanta",
           "220 Auburn Avenue, Atlanta GA 30303", "American"),
    Person("Mohammed Al-Farsi", "he/him", "m.alfarsi@example.om", "+968 9555 0121", "Muscat",
           "Way 3015, Al Khuwair, Muscat", "Omani"),
    Person("Wei Zhang", "he/him", "wei.zhang@example.cn", "+86 139 5550 0172", "Shanghai",
           "88 Century Avenue, Pudong, Shanghai", "Chinese"),
    Person("Olumide Adeyemi", "he/him", "olumide.adeyemi@example.ng", "+234 803 555 0164", "Lagos",
           "12 Admiralty Way, Lekki, Lagos", "Nigerian"),
    Person("María José Hernández", "she/her", "mariajose.hernandez@example.mx", "+52 33 5555 0198",
           "Guadalajara", "Av. Chapultepec 480, Guadalajara, Jalisco", "Mexican"),
)


def writers() -> ModuleType:
    """samples/generate.py, the writers the bundled PDF and DOCX samples are rendered with."""
    name = "samples_generate"
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(REPO / "samples"))  # generate.py imports its neighbour checks.py
    spec = importlib.util.spec_from_file_location(name, REPO / "samples" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def with_person(source: str, person: Person) -> str:
    """A sample source (``# Name``, header lines, ``## Section``…) with its author swapped for ``person``:
    the name line, and every header line after the headline replaced by the person's contact lines."""
    lines = source.splitlines()
    first_section = next(i for i, line in enumerate(lines) if line.startswith("## "))
    header = [line for line in lines[1:first_section] if line.strip()]
    return "\n".join([f"# {person.name}", *header[:1], *person.contact_lines(), "", *lines[first_section:]]) + "\n"


def plain_text(source: str) -> str:
    """The source as a plain-text CV: headings in capitals, entries as 'Title - Company' over their dates."""
    out = []
    for line in source.splitlines():
        if line.startswith("# "):
            out.append(line[2:].upper())
        elif line.startswith("## "):
            out += ["", line[3:].upper()]
        elif line.startswith("### "):
            title, org, dates = (part.strip() for part in line[4:].split("|"))
            out += ["", f"{title} - {org}", dates]
        elif line.startswith("- "):
            out.append(f"  * {line[2:]}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def render(source: str, fmt: str, out: Path, pdf_layout: tuple[str, str] = ("below", "helv"),
           docx_mode: str = "headings") -> Path:
    """Write ``source`` as a CV in ``fmt`` (txt, md, docx, pdf) at ``out``."""
    if fmt == "txt":
        out.write_text(plain_text(source), encoding="utf-8")
    elif fmt == "md":
        out.write_text(source, encoding="utf-8")
    elif fmt == "docx":
        writers().render_docx(source, out, docx_mode)
    elif fmt == "pdf":
        writers().render_pdf(source, out, pdf_layout)
    else:
        raise ValueError(fmt)
    return out
