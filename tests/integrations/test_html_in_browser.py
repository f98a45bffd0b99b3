"""The HTML pages in a real browser: headless Chromium (Debian's `chromium`, which
`scripts/test` installs) opens the assurance report and the portfolio register that the real
CLI wrote, with no console message of any kind, and a screenshot shows the verdict.

Chromium comes from $AI_ASSURE_CHROMIUM or `chromium` on PATH. In CI a missing browser
fails these tests; on a developer's machine they skip and say why. Every browser run has
its own profile folder and a time limit; pages are opened from files, and their
Content-Security-Policy refuses every load, so no run sends anything anywhere.
"""

from __future__ import annotations

import json
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.cli import ai_assure

AS_OF = "2026-11-26"
WIDTH, HEIGHT = 1280, 2000
BROWSER_SECONDS = 90
FAIL_RED = (0xD4, 0x35, 0x1C)  # the verdict banner's background for a failing system


def browse(chromium: str, page: Path, work: Path, *mode: str) -> subprocess.CompletedProcess[str]:
    """One headless Chromium run over `page` with its own profile; console to stderr."""
    profile = work / f"profile-{len(list(work.glob('profile-*')))}"
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-extensions",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *mode,
        page.resolve().as_uri(),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {BROWSER_SECONDS} s on {page.name}")
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def console_messages(stderr: str) -> list[str]:
    """What the page said on its console: Chromium logs each message as a CONSOLE line."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def open_page(chromium: str, page: Path, work: Path) -> tuple[str, Png]:
    """The page's DOM after rendering, and a screenshot of it; no console message allowed."""
    dom = browse(chromium, page, work, "--dump-dom")
    assert console_messages(dom.stderr) == []
    shot = work / f"{page.stem}.png"
    screenshot = browse(
        chromium, page, work, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}"
    )
    assert console_messages(screenshot.stderr) == []
    assert shot.is_file(), screenshot.stderr[-3000:]
    return dom.stdout, Png(shot.read_bytes())


class Png:
    """Just enough of PNG (RFC 2083) to check a screenshot: its size and the colours of its
    top rows (8-bit RGB or RGBA, non-interlaced, as Chromium writes them)."""

    SIGNATURE = b"\x89PNG\r\n\x1a\n"

    def __init__(self, data: bytes) -> None:
        assert data.startswith(self.SIGNATURE), "not a PNG file"
        self.chunks: dict[bytes, bytes] = {}
        position = len(self.SIGNATURE)
        while position < len(data):
            (length,) = struct.unpack(">I", data[position : position + 4])
            kind = data[position + 4 : position + 8]
            body = data[position + 8 : position + 8 + length]
            self.chunks[kind] = self.chunks.get(kind, b"") + body
            position += 12 + length
        header = self.chunks[b"IHDR"]
        self.width, self.height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
        assert (depth, interlace) == (8, 0) and colour in (2, 6), (depth, colour, interlace)
        self.channels = 4 if colour == 6 else 3

    def colours(self, rows: int) -> set[tuple[int, int, int]]:
        """The distinct RGB colours of the top `rows` rows (decoding only what they need)."""
        stride = self.width * self.channels
        raw = zlib.decompressobj().decompress(self.chunks[b"IDAT"], (stride + 1) * rows)
        previous = bytearray(stride)
        found: set[tuple[int, int, int]] = set()
        for row in range(rows):
            line = raw[row * (stride + 1) : (row + 1) * (stride + 1)]
            current = _unfilter(line[0], bytearray(line[1:]), previous, self.channels)
            for x in range(0, stride, self.channels):
                found.add((current[x], current[x + 1], current[x + 2]))
            previous = current
        return found


def _unfilter(kind: int, line: bytearray, above: bytearray, bpp: int) -> bytearray:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = above[i]
        corner = above[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            line[i] = (line[i] + _paeth(left, up, corner)) & 0xFF
    return line


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def near(colour: tuple[int, int, int], target: tuple[int, int, int], slack: int = 4) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, target, strict=True))


@pytest.fixture(scope="module")
def probation_report(tmp_path_factory) -> tuple[Path, dict]:
    """The probation example's HTML report and JSON report, from one real `check` run."""
    folder = tmp_path_factory.mktemp("report")
    page, data = folder / "report.html", folder / "report.json"
    result = ai_assure(
        "check",
        "examples/probation-risk-assistant",
        "--as-of",
        AS_OF,
        "--format",
        f"html={page}",
        "--format",
        f"json={data}",
    )
    assert result.returncode in (0, 1), result.stderr
    return page, json.loads(data.read_text())


def test_the_assurance_report_renders_in_chromium_with_its_content(
    chromium, probation_report, tmp_path
):
    page, report = probation_report
    dom, screenshot = open_page(chromium, page, tmp_path)
    failing = [f["rule_id"] for f in report["findings"] if f["status"] == "fail"]
    assert report["system"]["name"] in dom
    assert f"Verdict: {report['verdict'].upper()}" in dom
    assert failing and failing[0] in dom
    assert (screenshot.width, screenshot.height) == (WIDTH, HEIGHT)


def test_the_screenshot_shows_the_report_and_its_verdict_colour(
    chromium, probation_report, tmp_path
):
    page, report = probation_report
    assert report["verdict"] == "fail"
    _, screenshot = open_page(chromium, page, tmp_path)
    colours = screenshot.colours(rows=300)  # the heading and the verdict banner
    assert len(colours) > 50, "the page looks blank"
    assert any(near(colour, FAIL_RED) for colour in colours), "no verdict banner colour"


def test_the_portfolio_register_renders_in_chromium(chromium, tmp_path):
    page = tmp_path / "register.html"
    result = ai_assure("register", "examples", "--as-of", AS_OF, "--format", f"html={page}")
    assert result.returncode == 0, result.stderr
    dom, screenshot = open_page(chromium, page, tmp_path)
    register = json.loads(
        ai_assure("register", "examples", "--as-of", AS_OF, "--format", "json").stdout
    )
    assert "AI risk register" in dom
    for risk in register["risks"]:
        assert risk["system_id"] in dom and risk["risk_id"] in dom
    assert (screenshot.width, screenshot.height) == (WIDTH, HEIGHT)
    assert len(screenshot.colours(rows=600)) > 50, "the page looks blank"


def test_the_console_check_catches_a_page_that_reports_an_error(chromium, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><title>t</title><script>missingFunction()</script>")
    messages = console_messages(browse(chromium, page, tmp_path, "--dump-dom").stderr)
    assert any("missingFunction" in message for message in messages)


def test_the_report_page_forbids_loading_anything_even_if_markup_slipped_in(
    chromium, probation_report, tmp_path
):
    page, _ = probation_report
    tampered = tmp_path / "tampered.html"
    # a loopback address on the discard port: even a broken policy would send nothing out
    image = '<img src="http://127.0.0.1:9/tracker.png" alt="">'
    tampered.write_text(page.read_text().replace("</main>", f"{image}</main>"))
    messages = console_messages(browse(chromium, tampered, tmp_path, "--dump-dom").stderr)
    assert any("Content Security Policy" in message for message in messages), messages
