"""Batch screening: every file accounted for, one report whatever --jobs, odd names, Ctrl-C, the corpus."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from screener.cli import main
from screener.errors import ERROR_CODES
from tests.conftest import REPO
from tests.hostile_recipes import CV_TEXT, cv_pdf, docx, marked_processes, self_referencing_pdf

AS_OF = "2026-11-01"
SHARED = Path(__file__).resolve().parents[2] / "shared"

# File name (bytes, as on disk) → the name the report shows.
ODD_NAMES = {
    b"with space.txt": "with space.txt",
    "caf\u00e9 NFC.txt".encode(): "caf\u00e9 NFC.txt",
    "cafe\u0301 NFD.txt".encode(): "cafe\u0301 NFD.txt",
    b"latin1-\xe9.txt": "latin1-\\xe9.txt",
    b"new\nline.txt": "new\\x0aline.txt",
    b"tab\there.txt": "tab\\x09here.txt",
    "rtl-\u202etxt.exe.txt".encode(): "rtl-\\u202etxt.exe.txt",
    b"-leading-dash.txt": "-leading-dash.txt",
    b"=cmd().txt": "=cmd().txt",
    "\u65e5\u672c\u8a9e.txt".encode(): "\u65e5\u672c\u8a9e.txt",
    b"x" * 250 + b".txt": "x" * 250 + ".txt",
}


def write_odd_names(folder: Path) -> None:
    for name in ODD_NAMES:
        with open(os.path.join(os.fsencode(folder), name), "w") as handle:
            handle.write(CV_TEXT)


def screen(*args: str) -> int:
    return main(["screen", "--as-of", AS_OF, *args])


def test_every_file_is_accounted_for_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    for name in ("a.txt", "b.pdf", "c.docx", "sub/d.md", "sub/deeper/e", "photo.gif", ".hidden.txt",
                 ".git/config", ".git/objects/x", "sub/notes.yaml", "empty.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(cv_pdf() if name.endswith(".pdf") else docx() if name.endswith(".docx")
                                    else b"" if name == "empty.txt" else CV_TEXT.encode())
    (folder / "empty-folder").mkdir()
    os.symlink("sub", folder / "link-to-sub")
    os.symlink("a.txt", folder / "link-to-a.txt")
    out = tmp_path / "r.json"
    assert screen(str(folder), "-f", "json", "-o", str(out)) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    rows = [r["file"] for r in report["candidates"]]
    skipped = {s["file"]: s["reason"] for s in report["skipped"]}
    assert rows == ["a.txt", "b.pdf", "c.docx", "empty.txt", "link-to-a.txt", "sub/d.md", "sub/deeper/e"]
    assert skipped == {".git/": "hidden folder (not searched)", ".hidden.txt": "hidden file",
                       "photo.gif": "unsupported file type '.gif'", "link-to-sub": "symbolic link to a folder "
                       "(not followed)", "sub/notes.yaml": "unsupported file type '.yaml'"}
    s = report["summary"]
    assert s["files"] == len(rows) + len(skipped) == 12
    assert s["ok"] + s["errors"] == len(rows) and s["errors"] == 1
    assert s["pass"] + s["review"] + s["fail"] == s["ok"]


def test_a_folder_too_deep_to_open_is_reported(tmp_path: Path) -> None:
    """Past PATH_MAX (4096 bytes) a folder cannot be opened by its path: it is listed, not lost."""
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "cv.txt").write_text(CV_TEXT)
    fd = os.open(tmp_path / "cvs", os.O_RDONLY)
    for level in range(25):  # built level by level, relative to an open folder
        os.mkdir(f"{level:02d}" + "d" * 200, dir_fd=fd)
        inner = os.open(f"{level:02d}" + "d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(os.open("cv.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    os.close(fd)
    out = tmp_path / "r.json"
    assert screen(str(tmp_path / "cvs"), "-f", "json", "-o", str(out)) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [r["file"] for r in report["candidates"]] == ["cv.txt"]
    [deep] = report["skipped"]
    assert deep["file"].startswith("00ddd") and deep["file"].endswith("/") and "could not be read" in deep["reason"]


def test_several_folders_keep_equal_names_apart(tmp_path: Path) -> None:
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "cv.txt").write_text(CV_TEXT)
    out = tmp_path / "r.json"
    assert screen(str(tmp_path / "one"), str(tmp_path / "two"), str(tmp_path / "one"), "-f", "json",
                  "-o", str(out)) == 0
    files = [r["file"] for r in json.loads(out.read_text(encoding="utf-8"))["candidates"]]
    assert files == [f"{tmp_path}/one/cv.txt", f"{tmp_path}/two/cv.txt"]


def test_jobs_do_not_change_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    shutil.copytree(REPO / "samples", folder)
    write_odd_names(folder)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "encrypted.pdf").write_bytes(cv_pdf(user_password="secret"))
    outputs = []
    for jobs in ("1", "3"):
        out = tmp_path / f"r{jobs}.json"
        assert screen(str(folder), "-f", "json", "-o", str(out), "--jobs", jobs) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["candidates"]) > 25


def test_larger_files_are_handed_out_first(tmp_path: Path) -> None:
    """A long file handed out last would keep one worker busy while the others idle: files go out
    largest first (the report's order is the files', see test_jobs_do_not_change_the_report)."""
    from screener.discover import discover
    from screener.rules import find_rules, load_rules
    from screener.worker import Settings, screen_each

    for name, padding in [("a.txt", 10), ("b.txt", 5000), ("c.txt", 0), ("d.txt", 900)]:
        (tmp_path / name).write_text(CV_TEXT + "\n" * padding, encoding="utf-8")
    inputs, _ = discover([tmp_path])
    arrived: list[str] = []
    settings = Settings(load_rules(find_rules(None)), date(2026, 11, 1), cache=None)
    screen_each(inputs, settings, 1, lambda index, row: arrived.append(inputs[index].file))
    assert [Path(f).name for f in arrived] == ["b.txt", "d.txt", "a.txt", "c.txt"]


def test_odd_file_names_survive_json_and_csv(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    write_odd_names(folder)
    assert screen(str(folder), "-f", "json", "-o", str(tmp_path / "r.json")) == 0
    assert screen(str(folder), "-f", "csv", "-o", str(tmp_path / "r.csv")) == 0
    report = json.loads((tmp_path / "r.json").read_bytes().decode("utf-8"))
    assert sorted(r["file"] for r in report["candidates"]) == sorted(ODD_NAMES.values())
    assert all(r["status"] == "ok" for r in report["candidates"])
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_bytes().decode("utf-8"))))
    shown = {("'" + n if n[0] in "-=" else n) for n in ODD_NAMES.values()}  # formula-safe cells
    assert {r["file"] for r in rows} == shown and len(rows) == len(ODD_NAMES)


def test_a_file_named_with_a_leading_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "-rf.txt").write_text(CV_TEXT)
    monkeypatch.chdir(tmp_path)  # a relative path: the worker must not depend on its own current folder
    assert screen("-f", "json", "-o", "r.json", "--", "-rf.txt") == 0
    [row] = json.loads(Path("r.json").read_text(encoding="utf-8"))["candidates"]
    assert (row["file"], row["status"]) == ("-rf.txt", "ok")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the processes through /proc")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_stops_workers_and_writes_nothing(tmp_path: Path, signum: int) -> None:
    folder = tmp_path / "slow"
    folder.mkdir()
    for i in range(4):
        (folder / f"loop{i}.pdf").write_bytes(self_referencing_pdf())
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    out.write_text("the previous report\n")
    marker = uuid.uuid4().hex
    process = subprocess.Popen([sys.executable, "-m", "screener", "screen", str(folder), "-f", "json",
                                "-o", str(out), "--jobs", "2", "--pdf-backend", "pdfminer"],  # it loops on them
                               env={**os.environ, "SCREENER_TEST_MARK": marker},
                               stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(200):  # until both workers exist
            procs = marked_processes(marker)
            if sum(parent in procs and parent != process.pid for parent in procs.values()) >= 2:
                break
            time.sleep(0.05)
        time.sleep(0.5)
        sent = time.monotonic()
        process.send_signal(signum)
        _, err = process.communicate(timeout=10)
        stopped = time.monotonic() - sent
    finally:
        process.kill()
    assert process.returncode == 130
    assert stopped < 3
    assert "Traceback" not in err
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]  # no temporary file left behind
    assert out.read_text() == "the previous report\n"
    for _ in range(40):  # the forkserver notices its parent is gone within a moment
        if not marked_processes(marker):
            break
        time.sleep(0.05)
    assert marked_processes(marker) == {}


def test_the_shared_corpus(tmp_path: Path) -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not available")
    out = tmp_path / "corpus.json"
    assert screen(str(corpus), "-f", "json", "-o", str(out), "--jobs", "2", "--timeout", "30") == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    names = [r["file"] for r in report["candidates"]] + [s["file"] for s in report["skipped"]]
    assert len(names) == len(set(names)) == report["summary"]["files"]
    found = {Path(d, f).relative_to(corpus).as_posix() for d, _, files in os.walk(corpus) for f in files}
    folders = tuple(n for n in names if n.endswith("/"))  # a skipped folder accounts for what is in it
    assert {f for f in found if not f.startswith(folders)} == set(names) - set(folders)
    for row in report["candidates"]:
        assert row["status"] == "ok" or row["error"]["code"] in ERROR_CODES
