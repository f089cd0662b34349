"""Debian's headless Chromium driven by Selenium, for the HTML report's browser test and screenshot.

Only the system's chromium and chromedriver are used: Selenium Manager is kept offline and is never
asked to find or download a browser or a driver.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMEDRIVER = ("/usr/bin/chromedriver",)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def _first(paths: tuple[str, ...], name: str) -> str | None:
    return next((p for p in paths if os.access(p, os.X_OK)), None) or shutil.which(name)


def missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if not _first(CHROMIUM, "chromium"):
        return "chromium is not installed (apt-get install chromium)"
    if not _first(CHROMEDRIVER, "chromedriver"):
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium WebDriver with a fresh profile, closed and removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
    browser, driver = _first(CHROMIUM, "chromium"), _first(CHROMEDRIVER, "chromedriver")
    assert browser and driver, missing()
    with tempfile.TemporaryDirectory(prefix="screener-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
            options.add_argument(flag)
        session = webdriver.Chrome(options=options, service=Service(executable_path=driver))
        try:
            yield session
        finally:
            session.quit()


def file_url(path: Path) -> str:
    return path.resolve().as_uri()
