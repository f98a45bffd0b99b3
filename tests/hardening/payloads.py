"""Text that tries to take over whatever shows ai-assure's output (issue 14, item 6).

Each payload goes into manifest fields, evidence content and an evidence file name; the
tests in test_injection.py then read every output of the real CLI. What each aims at:

* a CI log: GitHub's runner runs a line as a workflow command when it begins, after
  whitespace, with `::` (`::add-mask::`, `::stop-commands::`, `::error::`), or holds `##[`
  anywhere; `%0A` is how an annotation smuggles a line break;
* Markdown (the job summary, ATRS, register and SoA files): links, images, emphasis, HTML,
  table cell breaks, math and the autolinks GitHub adds by itself;
* a terminal or a page: ESC sequences, 8-bit CSI, bidi overrides, NUL, NEL, U+2028 and
  friends, zero-width characters, and lines long enough to hide the rest of a log.
"""

from __future__ import annotations

PAYLOADS: dict[str, str] = {
    "stop-commands": "::stop-commands::resume-token",
    "add-mask": "::add-mask::ai-assure",
    "newline-error": "ok\n::error::pwned",
    "crlf-error": "ok\r\n::error title=x::pwned",
    "cr-error": "ok\r::warning::pwned",
    "indented-command": "ok\n    ::error file=ai-manifest.yaml,line=1::pwned",
    "set-output": "ok\n::set-output name=verdict::pass",
    "old-style-command": "##[error]pwned",
    "old-style-mid-line": "text ##[add-mask]ai-assure more",
    "percent-encoded": "%0A::error::pwned%0D%25",
    "nel-command": "ok\x85::error::pwned",
    "line-separator": "ok\u2028::error::pwned\u2029",
    "zero-width-command": "ok\n\u200b::error::pwned",
    "nbsp-command": "ok\n\u00a0::error::pwned",
    "javascript-link": "[click me](javascript:alert(1))",
    "image": "![tracker](http://evil.example/pixel.png)",
    "reference-image": "![x][r]\n\n[r]: http://evil.example/p.png",
    "html-img": '<img src=x onerror="alert(1)">',
    "html-script": "<script>alert(1)</script><b>bold</b>",
    "emphasis": "**bold** _em_ ~~struck~~ `code`",
    "table-breaker": "a | b || c \\| d",
    "heading": "# Heading\n## sub",
    "autolinks": "see http://evil.example www.evil.example phish@evil.example",
    "angle-autolink": "<https://evil.example>",
    "math": "$\\href{http://evil.example}{x}$",
    "escape-clear-screen": "\x1b[2J\x1b[H cleared",
    "escape-title": "\x1b]0;owned\x07 osc",
    "csi-8bit": "\x9b31m red",
    "bidi-override": "\u202eevil\u202c \u2066isolate\u2069",
    "bell-and-backspace": "a\x07\x08\x08b",
    "long-line": "L" * 20_000 + "::error::pwned",
}

#: payloads the manifest cannot hold: a YAML `\0` escape is refused, so these test the
#: error path (exit 2 and a stderr line) rather than the reports
REFUSED_PAYLOADS: dict[str, str] = {
    "nul": "a\x00::error::pwned",
}
