"""Hostile and broken inputs, built at run time from small recipes (nothing large is committed).

``build_hostile(folder)`` writes every recipe into ``folder`` and returns what the report should say
about each entry: ``("ok", None)``, ``("error", {codes})`` or ``("skipped", reason words)``. Used by
tests/test_hostile.py and benchmarks/hostile.py.
"""

from __future__ import annotations

import ctypes
import io
import os
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

CV_TEXT = """JANE EXAMPLE
Backend Engineer | jane@example.com

EXPERIENCE
Senior Backend Engineer - Acme Payments, Berlin
2019-01 to Present
  * Go services on Kafka and MySQL, cached in Redis, shipped in Docker.
Software Engineer - Widget GmbH, Berlin
2015-03 to 2018-12
  * PHP and MySQL web shop.

SKILLS
Go, Kafka, MySQL, Redis, Docker

EDUCATION
BSc Computer Science, 2011 - 2015
"""

def pdf_with_broken_font(text: str = CV_TEXT) -> bytes:
    """A readable PDF whose font descriptor has no usable FontBBox (pdfminer logs a warning per font use)."""
    ops = b"BT /F1 10 Tf 14 TL 50 800 Td " + b"".join(
        b"(" + line.replace("(", "").replace(")", "").encode("latin-1", "replace") + b") Tj T* "
        for line in text.splitlines()) + b"ET"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /CustomSans /FirstChar 32 /LastChar 126 "
        b"/FontDescriptor 6 0 R >>",
        b"<< /Type /FontDescriptor /FontName /CustomSans /Flags 32 /FontBBox null /ItalicAngle 0 /Ascent 900 "
        b"/Descent -200 /CapHeight 700 /StemV 80 >>"])


Expect = tuple[str, object]  # ("ok", None) | ("error", frozenset of codes) | ("skipped", words in the reason)


def _err(*codes: str) -> Expect:
    return ("error", frozenset(codes))


# --- PDF --------------------------------------------------------------------------------------------

def cv_pdf(pages: int = 1, user_password: str | None = None, text: str = CV_TEXT) -> bytes:
    """A text CV as a PDF drawn with reportlab; encrypted when ``user_password`` is given."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    encrypt = None if user_password is None else StandardEncryption(user_password, ownerPassword="owner")
    pdf = canvas.Canvas(buffer, encrypt=encrypt, invariant=1)
    for _ in range(pages):
        y = 800
        for line in text.splitlines():
            pdf.drawString(50, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _page_with_content(stream_dict: bytes, data: bytes) -> bytes:
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< " + stream_dict + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
    ])


def _zeros_deflated(size: int) -> bytes:
    """zlib data inflating to ``size`` zero bytes, built in milliseconds: after a full flush every
    1 MiB block compresses to the same bytes, so one block is repeated and the checksum is computed."""
    block = b"\0" * (1 << 20)
    comp = zlib.compressobj(9)
    head = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    body = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    count = size >> 20
    adler = 1
    for _ in range(count):
        adler = zlib.adler32(block, adler)
    return head + body * (count - 1) + b"\x03\x00" + struct.pack(">I", adler)


def inflate_bomb_pdf(size: int = 2 << 30) -> bytes:
    """A content stream of ~2 KB that inflates, through two Flate filters, to ``size`` bytes."""
    inner = _zeros_deflated(size)
    return _page_with_content(b"/Filter [/FlateDecode /FlateDecode]", zlib.compress(inner, 9))


def self_referencing_pdf() -> bytes:
    """An object that is a reference to itself: pdfium refuses it at once; pdfminer resolves it forever
    (only a timeout stops it), so tests needing a stuck worker read it with ``--pdf-backend pdfminer``."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"2 0 R"])


def self_kid_pdf() -> bytes:
    """A page tree whose node lists itself as its own kid."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])


def deep_array_pdf(depth: int = 100_000) -> bytes:
    return _page_with_content(b"", b"[" * depth + b"]" * depth)


def broken_xref_pdf() -> bytes:
    """A good PDF whose startxref points to the wrong place (readers rebuild the xref by scanning)."""
    data = cv_pdf()
    head, _, _ = data.rpartition(b"startxref")
    return head + b"startxref\n999999\n%%EOF\n"


# --- DOCX -------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def _paragraphs(text: str) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>" for line in text.splitlines())


def docx(document_xml: str | None = None, prolog: str = "", text: str = CV_TEXT) -> bytes:
    """A minimal Word document of ``text``, or of a given body; ``prolog`` goes before the root element."""
    body = document_xml if document_xml is not None else _paragraphs(text)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
           f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def docx_zip_bomb(size: int = 300 << 20) -> bytes:
    """document.xml of ``size`` bytes of one repeated character (a ~1000:1 deflate ratio)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b"A" * (4 << 20)
            for _ in range(size // len(chunk)):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


XXE = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
LAUGHS = ("<!DOCTYPE w:document [<!ENTITY l0 \"lol\">"
          + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)) + "]>")


# --- the folder -------------------------------------------------------------------------------------

def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


def build_hostile(folder: Path, big_text_mb: int = 30, bomb: bool = False) -> dict[str, Expect]:
    """Write the hostile set into ``folder``; report name → expectation.

    Read with ``--pdf-backend pdfminer``, the self-referencing PDF needs a short ``--timeout``; the
    inflate bomb (``bomb``) needs a timeout long enough for the worker to reach its memory limit (a
    few seconds at 1 GiB).
    """
    rng = random.Random(3)
    pdf = cv_pdf()
    files: dict[str, tuple[bytes | Callable[[Path], None], Expect]] = {
        "zero-byte.pdf": (b"", _err("empty")),
        "random-bytes.pdf": (rng.randbytes(50_000), _err("unsupported_format", "corrupt")),
        "random-bytes.txt": (rng.randbytes(50_000), _err("unsupported_format")),
        "truncated.pdf": (pdf[: len(pdf) // 3], _err("corrupt", "no_text")),
        "broken-xref.pdf": (broken_xref_pdf(), ("ok", None)),
        "encrypted-empty-password.pdf": (cv_pdf(user_password=""), ("ok", None)),
        "encrypted.pdf": (cv_pdf(user_password="secret"), _err("encrypted")),
        "many-pages.pdf": (cv_pdf(pages=110), _err("too_many_pages")),
        "self-reference.pdf": (self_referencing_pdf(), _err("corrupt")),
        "self-kid.pdf": (self_kid_pdf(), _err("corrupt")),
        "deep-array.pdf": (deep_array_pdf(), _err("corrupt", "no_text")),
        "zip-bomb.docx": (docx_zip_bomb(), _err("unsafe")),
        "xxe.docx": (docx(prolog=XXE, document_xml=_paragraphs(CV_TEXT) + "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>"),
                     _err("unsafe")),
        "billion-laughs.docx": (docx(prolog=LAUGHS, document_xml="<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>"),
                                _err("unsafe")),
        "pdf-named.txt": (pdf, ("ok", None)),
        "docx-named.pdf": (docx(), ("ok", None)),
        "text-named.pdf": (CV_TEXT.encode(), ("ok", None)),
        "utf16.txt": (CV_TEXT.encode("utf-16"), ("ok", None)),
        "cp1252.txt": ((CV_TEXT + "Café Müller – naïve\n").encode("cp1252"), ("ok", None)),
        "nul-bytes.txt": (CV_TEXT.replace("\n\n", "\n\0\n").encode(), ("ok", None)),
        "big.txt": (lambda p: _sparse(p, big_text_mb << 20), _err("too_large")),
        "image.gif": (b"GIF89a" + rng.randbytes(100), ("skipped", "unsupported")),
        "broken-photo.jpg": (b"\xff\xd8\xff\xe0" + rng.randbytes(100), _err("corrupt", "no_text")),
        ".hidden.txt": (CV_TEXT.encode(), ("skipped", "hidden")),
        "/".join(f"d{i}" for i in range(60)) + "/deep.txt": (CV_TEXT.encode(), ("ok", None)),
    }
    if bomb:
        files["inflate-bomb.pdf"] = (inflate_bomb_pdf(), _err("memory", "unsafe"))
    expected: dict[str, Expect] = {}
    for name, (content, expect) in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        content(path) if callable(content) else _write(path, content)
        expected[name] = expect
    outside = folder.parent / f"{folder.name}-outside.txt"
    outside.write_text(CV_TEXT)
    os.symlink(outside, folder / "link-out.txt")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("cp1252.txt", folder / "link-in.txt")
    os.mkfifo(folder / "fifo.txt")
    expected.update({"link-out.txt": ("skipped", "leaves the folder"), "loop-a.txt": ("skipped", "loop"),
                     "loop-b.txt": ("skipped", "loop"), "link-in.txt": ("ok", None),
                     "fifo.txt": ("skipped", "not a regular file")})
    return expected


# --- processes (Linux /proc): find a run's processes by an environment marker -----------------------

def marked_processes(marker: str) -> dict[int, int]:
    """pid → parent pid of every process whose environment holds ``SCREENER_TEST_MARK=marker``."""
    needle = f"SCREENER_TEST_MARK={marker}".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                stat_line = (entry / "stat").read_text()
                found[int(entry.name)] = int(stat_line.rpartition(")")[2].split()[1])
        except (OSError, ValueError):
            continue  # gone, or not ours to read
    return found


def peak_rss_mb(pid: int) -> float:
    """The most resident memory a live process has used so far (VmHWM), in MiB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """The processor time a live process has used (user and system), in seconds; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _without_file_permission_override() -> None:
    """Run as root but without the capabilities that let root read a mode-000 file."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_without_root_override(*args: str) -> subprocess.CompletedProcess[str]:
    """Python with ``args``, without root's right to read any file."""
    preexec = _without_file_permission_override if os.geteuid() == 0 else None
    return subprocess.run([sys.executable, *args], check=False, capture_output=True, text=True,
                          preexec_fn=preexec, timeout=60)
