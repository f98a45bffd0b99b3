"""Injection into what reads our output (issue 14, item 6), through the real CLI.

Every payload of `payloads.py` is put into a copy of examples/document-search (its own
repository): the system's name, a risk's title and owner, an overdue risk
action (so a finding's message quotes it), an exception request's reason and requester, a
duplicated metric name in the evaluation report (evidence content an error quotes) and the
name of an evidence file that does not parse. Then `check` writes every format to stdout
(and the job summary to $GITHUB_STEP_SUMMARY), and `report atrs`, `report soa` and
`register` write their text, Markdown and CSV. Whatever the payload:

* no line of any output, stdout or stderr, begins a workflow command other than our own
  annotations, and none holds `##[` (lines split as GitHub's runner splits them);
* no raw control, format or separator character (ESC, NUL, C1, bidi overrides, U+2028)
  appears anywhere but in CSV cells: they are shown as visible escapes;
* rendered by GitHub's own Markdown engine (cmark-gfm), every Markdown output has exactly
  the elements it has for harmless text: no link, image, emphasis or HTML of the payload's;
* the HTML page has the same elements as for harmless text.

The governance decision is made by an evaluator, so the check also runs on real OPA
(`--evaluator opa`) with every payload at once.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from tests.hardening.conftest import ROOT, System
from tests.hardening.payloads import PAYLOADS, REFUSED_PAYLOADS

AS_OF = "2026-11-26"
HARMLESS = "harmless text"
CHECK_FORMATS = ("text", "json", "junit", "sarif", "sarif-github", "gitlab", "github", "html")
COMMAND = [sys.executable, "-c", "from engine.cli import run; run()"]
#: our own annotations, the only workflow commands ai-assure ever prints
OUR_COMMAND = re.compile(r"::(error|warning|notice) (file=[^,:\s]+,line=\d+,)?title=[^:]*::")
#: how GitHub's runner reads lines (.NET ReadLine): CR, LF and CRLF end one, nothing else
RUNNER_LINES = re.compile(r"\r\n|\r|\n")
RAW_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
#: elements a payload may legitimately add to rendered Markdown: a line break for each of its
#: own line breaks, a code span around the `@` of an e-mail address (it breaks the autolink)
MARKDOWN_ALLOWED_EXTRA = {"br", "code"}


@dataclass
class Outputs:
    """Everything a person or a CI system reads from one hostile system."""

    code: int
    texts: dict[str, str]  # where -> text

    def __str__(self) -> str:
        return f"exit {self.code}\n" + "\n".join(
            f"--- {where} ---\n{text[:3000]}" for where, text in self.texts.items()
        )


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def run(cwd: Path, *args: str, summary: Path | None = None) -> Done:
    """The real CLI; its output decoded as written (a CR stays a CR: the runner splits
    lines at it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "GITHUB_ACTIONS": "true"}
    if summary is not None:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    done = subprocess.run([*COMMAND, *args], capture_output=True, cwd=cwd, env=env, timeout=120)
    out, err = (stream.decode("utf-8", "surrogateescape") for stream in (done.stdout, done.stderr))
    return Done(done.returncode, out, err)


def plant(system: System, payload: str) -> None:
    """Put `payload` everywhere a repository's text reaches an output."""
    quoted = json.dumps(payload)  # a YAML double-quoted scalar
    system.replace("name: Policy Framework Search", f"name: {quoted}")
    system.replace(
        "title: Search returns a withdrawn policy and staff follow it", f"title: {quoted}"
    )
    system.replace("owner: Knowledge Services Product Owner", f"owner: {quoted}")
    system.replace(
        '{description: "Nightly re-index that drops withdrawn documents and labels superseded'
        ' ones", due: 2026-05-31, status: done}',
        f"{{description: {quoted}, due: 2026-01-01, status: open}}",
    )
    system.replace(
        "exceptions: []",
        "exceptions:\n"
        f"  - {{rule: RISK-004, reason: {quoted}, requested_by: {quoted}, ticket: GOV-1,"
        " expires: 2027-01-01}",
    )
    _evidence(system, payload)


def _evidence(system: System, payload: str) -> None:
    """A metric named `payload` twice (its error quotes it) and an evidence file whose name
    holds the payload and whose front matter does not parse."""
    report = system.repo / "reports" / "retrieval-eval-2026-09.json"
    document = json.loads(report.read_text(encoding="utf-8"))
    metric = {"name": payload, "value": 1.0, "threshold": 0.5, "direction": "higher"}
    document["metrics"] += [metric, dict(metric)]
    report.write_text(json.dumps(document), encoding="utf-8")
    name = payload.replace("/", "_").replace("\x00", "_")[:120]
    system.write(f"docs/evidence {name}.md", "---\nreviewed_on: [unclosed\n---\n# Threats\n")
    system.replace("threat_model: docs/threat-model.md", 'threat_model: "docs/evidence *.md"')


def outputs_of(system: System, *check_args: str) -> Outputs:
    """Every output of `check` (each format on stdout), the job summary, `report atrs`,
    `report soa` and `register`, for the system as it is now."""
    summary = system.base / "summary.md"
    summary.write_text("")
    report_file = system.base / "report.json"
    formats = [arg for name in CHECK_FORMATS for arg in ("--format", name)]
    check = run(
        system.repo,
        *("check", ".", "--as-of", AS_OF, *formats, "--format", f"json={report_file}"),
        *check_args,
        summary=summary,
    )
    texts = {"check stdout": check.stdout, "check stderr": check.stderr}
    texts["job summary"] = summary.read_text(encoding="utf-8", errors="surrogateescape")
    if report_file.exists():
        texts["html"] = html_of(check.stdout)
        for name, args in _records(report_file).items():
            done = run(system.repo, *args)
            assert done.returncode in (0, 2), f"{name}: exit {done.returncode}\n{done.stderr}"
            texts[f"{name} stdout"], texts[f"{name} stderr"] = done.stdout, done.stderr
    return Outputs(check.returncode, texts)


def _records(report_file: Path) -> dict[str, tuple[str, ...]]:
    return {
        "atrs": ("report", "atrs", ".", "--as-of", AS_OF, "--format", "markdown"),
        "soa": ("report", "soa", "--report", str(report_file), "--format", "markdown"),
        "register markdown": ("register", ".", "--as-of", AS_OF, "--format", "markdown"),
        "register text": ("register", ".", "--as-of", AS_OF, "--format", "text"),
        "register csv": ("register", ".", "--as-of", AS_OF, "--format", "csv"),
        "soa csv": ("report", "soa", "--report", str(report_file), "--format", "csv"),
    }


def html_of(stdout: str) -> str:
    start = stdout.index("<!DOCTYPE html>")
    return stdout[start : stdout.index("</html>", start) + len("</html>")]


def markdown_elements(markdown: str) -> Counter[str]:
    """The elements GitHub's renderer (cmark-gfm, GitHub's extensions) makes of `markdown`."""
    extensions = ["table", "autolink", "strikethrough", "tagfilter"]
    html = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE, extensions=extensions
    )
    return html_elements(html)


def html_elements(html: str) -> Counter[str]:
    found: Counter[str] = Counter()

    class Elements(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found[tag] += 1

    Elements().feed(html)
    return found


def assert_no_workflow_command(outputs: Outputs) -> None:
    for where, text in outputs.texts.items():
        assert "##[" not in text, f"old-style workflow command in {where}\n{outputs}"
        for line in RUNNER_LINES.split(text):
            if line.lstrip().startswith("::"):
                assert OUR_COMMAND.match(line), f"{where} line {line[:200]!r}\n{outputs}"


def assert_no_raw_control(outputs: Outputs) -> None:
    """Except in CSV, whose cells keep their own line breaks (RFC 4180: quoted)."""
    for where, text in outputs.texts.items():
        if where.endswith("csv stdout"):
            continue
        raw = {
            f"U+{ord(c):04X}"
            for c in text
            if c != "\n" and unicodedata.category(c) in RAW_CATEGORIES
        }
        assert not raw, f"raw {sorted(raw)} in {where}\n{outputs}"


def assert_same_elements(hostile: Outputs, harmless: Outputs) -> None:
    """Markdown outputs render, and the HTML page parses, to the harmless text's elements."""
    for where in hostile.texts:
        if where in ("job summary", "atrs stdout", "soa stdout", "register markdown stdout"):
            got, want = (markdown_elements(o.texts[where]) for o in (hostile, harmless))
            extra = {tag for tag in got if got[tag] > want[tag]} - MARKDOWN_ALLOWED_EXTRA
        elif where == "html":
            got, want = (html_elements(o.texts[where]) for o in (hostile, harmless))
            extra = {tag for tag in got if got[tag] != want[tag]}
        else:
            continue
        assert not extra, f"the payload added {sorted(extra)} to {where}\n{hostile}"


@pytest.fixture(scope="module")
def harmless(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    system = System(tmp_path_factory.mktemp("harmless"))
    plant(system, HARMLESS)
    return outputs_of(system)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_no_payload_drives_a_ci_log_a_terminal_or_a_renderer(system, harmless, payload):
    plant(system, payload)
    outputs = outputs_of(system)
    assert outputs.code == 1, outputs  # assessed: an overdue action and unreadable evidence
    assert_no_workflow_command(outputs)
    assert_no_raw_control(outputs)
    assert_same_elements(outputs, harmless)


@pytest.mark.parametrize("payload", REFUSED_PAYLOADS.values(), ids=REFUSED_PAYLOADS.keys())
def test_a_payload_the_manifest_refuses_is_exit_2_with_inert_errors(system, payload):
    plant(system, payload)
    outputs = outputs_of(system)
    assert outputs.code == 2, outputs
    assert outputs.texts["check stderr"].startswith("ai-assure: error: "), outputs
    assert_no_workflow_command(outputs)
    assert_no_raw_control(outputs)


def test_every_payload_at_once_on_real_opa(system, opa_binary):
    plant(system, " ".join(PAYLOADS.values()))
    outputs = outputs_of(system, "--evaluator", "opa", "--opa-binary", opa_binary)
    assert outputs.code == 1, outputs
    assert_no_workflow_command(outputs)
    assert_no_raw_control(outputs)


def test_an_error_message_quoting_the_manifest_stays_on_one_line(system):
    system.replace("  deployment: internal", '  deployment: "x\\n::error::pwned\\u202e"')
    outputs = outputs_of(system)
    assert outputs.code == 2, outputs
    errors = outputs.texts["check stderr"].splitlines()
    assert errors and all(line.startswith("ai-assure: error: ") for line in errors), outputs
    assert_no_workflow_command(outputs)
    assert_no_raw_control(outputs)
