"""JSON documents as every JSON output writes them: sorted keys, two-space indent, UTF-8 text,
a trailing newline, and nothing that could drive a terminal or a CI log that shows them.

JSON outputs are often printed (`--format json` to stdout in a CI job), and Python's encoder
leaves C1 controls (`U+009B` is CSI), bidi overrides, U+2028/9 and lone surrogates as they
are. Here those are written as `\\uXXXX` escapes, and the `#` that would begin `##[` (an
old-style GitHub workflow command, honoured anywhere in a log line) as `\\u0023`: the same
JSON value, parsed back, with text no reader of the raw bytes can mistake for a command.
They can only occur inside strings, where an escape means the same character.
"""

from __future__ import annotations

import json
import re
from typing import Any

from engine.render.text import is_shown_escaped

_CANDIDATE = re.compile(r"[^\x20-\x7e\n]|#(?=#\[)")


def dumps(value: Any) -> str:
    """`value` as canonical, inert JSON text (see the module docstring)."""
    text = json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False)
    return _CANDIDATE.sub(_escaped, text) + "\n"


def compact(value: Any) -> str:
    """`value` as compact canonical JSON text: sorted keys, no whitespace, text as it is (for
    digests, sizes and storage; not escaped for showing, as `dumps` is)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    if character != "#" and not is_shown_escaped(character):
        return character
    return json.dumps(character)[1:-1] if ord(character) > 0xFFFF else f"\\u{ord(character):04x}"
