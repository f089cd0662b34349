"""Make docs/html-report.png: the HTML report of the bundled samples, one candidate's evidence open.

    python docs/make_screenshot.py [--output docs/html-report.png]

Uses the same headless Chromium as the browser test (Debian's chromium and chromedriver; nothing is
downloaded). The samples are screened with --as-of 2026-11-01, so the picture changes only when the
report or the samples do.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from screener.cli import main as screener  # noqa: E402
from tests import browser  # noqa: E402

OPEN = "02-near-miss-go.docx"  # the candidate whose evidence is shown open: a near miss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "html-report.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1600)
    args = parser.parse_args()
    reason = browser.missing()
    if reason:
        print(f"cannot make the screenshot: {reason}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        code = screener(["screen", str(REPO / "samples"), "--as-of", "2026-11-01", "--format", "html",
                         "--output", str(page)])
        if code:
            return code
        with browser.chromium(args.width, args.height) as driver:
            # the viewport itself, not the window around it, is width × height
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": args.width, "height": args.height, "deviceScaleFactor": 1, "mobile": False})
            driver.get(browser.file_url(page))
            cell = driver.find_element("css selector", f'td[data-key="file"][data-value="{OPEN}"]')
            summary = cell.find_element("xpath", "ancestor::tbody").find_element("tag name", "summary")
            summary.click()
            png = driver.get_screenshot_as_png()
    # 256 colours keep text and badges exact at a third of the size
    Image.open(io.BytesIO(png)).convert("RGB").quantize(256, dither=Image.Dither.NONE).save(args.output, optimize=True)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
