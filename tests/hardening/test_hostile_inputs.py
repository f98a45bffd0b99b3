"""Hostile-input corpus: every case runs the real CLI as a subprocess (issue 7).

Each case starts from a valid copy of examples/document-search (its own repository), breaks
one thing, runs `ai-assure check --format json` and asserts (conftest.assert_sane) that it
never prints a traceback or an internal error, never reads outside the repository, finishes
in under 5 s and stays under 300 MB. Then, per case:

* the manifest is unusable, a path escapes or a glob explodes: exit 2 with an
  `ai-assure: error:` line on stderr naming the file or path (`assert_refused`);
* the manifest is fine and only the evidence is bad: exit 1 with a failed EVID-001 finding
  naming the file in the JSON report (`assert_evidence_rejected`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .conftest import System

MANIFEST = "ai-manifest.yaml"
SBOM = "sbom/document-search.cdx.json"
MODEL_CARD = "docs/model-card.md"
MB = 1024 * 1024

ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(8)]
)


@dataclass(frozen=True)
class Padded:
    """A file of 41 MB and more: `prefix(text)`, `line` repeated, then `suffix`.

    Written in 1 MB blocks so the test process stays small (the measurement itself is taken
    in a small launcher, see conftest.run_cli, so pytest's size cannot skew it).
    """

    prefix: Callable[[str], bytes]
    line: bytes
    suffix: bytes = b""


def write_case(path: Path, make: Callable[[str], bytes] | Padded | None) -> None:
    """Rewrite `path` from its current text: a sparse 41 MB file for None."""
    if make is None:
        with open(path, "r+b") as handle:
            handle.truncate(41 * MB)
        return
    text = path.read_text(encoding="utf-8")
    if not isinstance(make, Padded):
        path.write_bytes(make(text))
        return
    block = make.line * max(1, MB // len(make.line))
    with open(path, "wb") as handle:
        handle.write(make.prefix(text))
        for _ in range(41 * MB // len(block) + 1):
            handle.write(block)
        handle.write(make.suffix)
    assert path.stat().st_size > 41 * MB


def _deep_block_mapping(depth: int) -> str:
    return "".join(f"{'  ' * level}k{level}:\n" for level in range(depth)) + "  " * depth + "v\n"


# --- the manifest itself: unusable → exit 2 naming ai-manifest.yaml ------------------------

MANIFEST_TEXT_EDITS: dict[str, tuple[str, str]] = {
    # malformed YAML
    "yaml-unclosed-flow-sequence": (
        "users: [prison officers, probation staff, policy teams]",
        "users: [prison officers, probation staff",
    ),
    "yaml-unclosed-quote": ("name: Policy Framework Search", 'name: "Policy Framework Search'),
    "yaml-tab-indentation": ("  name: Policy Framework Search", "\tname: Policy Framework Search"),
    "yaml-bad-indentation": ("  lifecycle_stage: live", "     lifecycle_stage: live"),
    "yaml-mapping-in-scalar": ("  deployment: internal", "  deployment: internal: yes: no"),
    "yaml-stray-document-marker": ("exceptions: []", "exceptions: []\n---\nkind: AISystem"),
    "yaml-merge-key": ("exceptions: []", "base: &base {x: 1}\nexceptions: []\nother:\n  <<: *base"),
    "yaml-python-tag-on-list": (
        "  users: [prison officers, probation staff, policy teams]",
        "  users: !!python/object/apply:os.system [echo PWNED]",
    ),
    "yaml-python-tag": (
        "  deployment: internal",
        "  deployment: !!python/object/apply:os.system ['echo PWNED']",
    ),
    "yaml-binary-tag": ("  deployment: internal", "  deployment: !!binary aGVsbG8="),
    "yaml-unknown-tag": ("  deployment: internal", "  deployment: !include /etc/passwd"),
    "yaml-undefined-alias": ("  deployment: internal", "  deployment: *nowhere"),
    "yaml-complex-key": ("exceptions: []", "exceptions: []\n? [a, b]\n: c"),
    "yaml-nul-escape": ("name: Policy Framework Search", 'name: "Policy\\0Framework"'),
    "yaml-nul-escape-in-key": ("  deployment: internal", '  "deploy\\x00ment": internal'),
    "yaml-nan": ("    likelihood: 2", "    likelihood: .nan"),
    # duplicate keys are an error, not last-one-wins
    "duplicate-top-level-key": ("exceptions: []", "exceptions: []\nkind: AISystem"),
    "duplicate-nested-key": (
        "  id: document-search",
        "  id: document-search\n  id: something-else",
    ),
    "duplicate-flow-key": (
        "    residual: {likelihood: 1, impact: 3}",
        "    residual: {likelihood: 1, impact: 3, impact: 1}",
    ),
    # schema: header fields
    "unknown-api-version": ("apiVersion: ai-assure/v2", "apiVersion: ai-assure/v99"),
    "missing-api-version": ("apiVersion: ai-assure/v2\n", ""),
    "v2-section-in-v1": ("apiVersion: ai-assure/v2", "apiVersion: ai-assure/v1"),
    "missing-kind": ("kind: AISystem\n", ""),
    "wrong-kind": ("kind: AISystem", "kind: Deployment"),
    "unknown-top-level-key": ("exceptions: []", "exceptions: []\nexec: rm -rf /"),
    # wrong types in many fields
    "type-metadata-scalar": (
        "metadata:\n  id: document-search",
        "metadata: 5\nxmetadata:\n  id: document-search",
    ),
    "type-id-number": ("  id: document-search", "  id: 42"),
    "type-id-list": ("  id: document-search", "  id: [document-search]"),
    "type-users-scalar-mapping": (
        "  users: [prison officers, probation staff, policy teams]",
        "  users: {a: 1}",
    ),
    "type-deployment-list": ("  deployment: internal", "  deployment: [internal]"),
    "type-deployment-unknown-enum": ("  deployment: internal", "  deployment: everywhere"),
    "type-bool-as-text": ("  is_gpai_model: false", "  is_gpai_model: 'no'"),
    "type-bool-as-number": ("  is_gpai_model: false", "  is_gpai_model: 0"),
    "type-models-mapping": (
        "models:\n  - name: policy-search-embedder",
        "models:\n  name: policy-search-embedder\n  x:",
    ),
    "type-score-text": ("    likelihood: 2", "    likelihood: two"),
    "type-score-out-of-range": ("    likelihood: 2", "    likelihood: 99"),
    "type-score-float": ("    likelihood: 2", "    likelihood: 2.5"),
    "type-date-nonsense": ("due: 2026-05-31", "due: 2026-02-31"),
    "type-evidence-number": ("  sbom: [sbom/document-search.cdx.json]", "  sbom: 7"),
    "type-evidence-mapping": ("  sbom: [sbom/document-search.cdx.json]", "  sbom: {path: x}"),
    "type-evidence-nested-list": (
        "  sbom: [sbom/document-search.cdx.json]",
        "  sbom: [[sbom/document-search.cdx.json]]",
    ),
    "type-exceptions-scalar": ("exceptions: []", "exceptions: none"),
    "type-risks-null-item": ("risks:\n", "risks:\n  - null\n"),
    "type-huge-integer": ("    likelihood: 2", "    likelihood: " + "9" * 5000),
}


# Where the reason matters (a limit, not some incidental error), the message must give it.
REASONS = {
    "yaml-python-tag": "unsupported YAML tag",
    "yaml-python-tag-on-list": "unsupported YAML tag",
    "yaml-unknown-tag": "unsupported YAML tag",
    "yaml-merge-key": "merge keys",
    "yaml-nul-escape": "NUL character",
    "yaml-nul-escape-in-key": "NUL character",
    "duplicate-top-level-key": "duplicate key 'kind'",
    "duplicate-nested-key": "duplicate key 'id'",
    "duplicate-flow-key": "duplicate key 'impact'",
    "type-bool-as-text": "valid boolean",
    "type-bool-as-number": "valid boolean",
    "alias-bomb": "alias bomb",
    "alias-bomb-nested": "alias bomb",
    "deep-flow-nesting": "nesting",
    "deep-flow-mapping-nesting": "nesting",
    "deep-block-nesting": "nesting deeper than",
    "over-size-limit-sparse-41mb": "the limit is",
    "over-size-limit-41mb-yaml": "the limit is",
    "nul-byte": "NUL byte",
    "utf16-le-without-bom": "binary content",
    "utf16-be-without-bom": "binary content",
    "invalid-utf8": "not valid UTF-8",
    "not-mapping-list": "must be a YAML mapping",
    "not-mapping-scalar": "must be a YAML mapping",
    "empty-file": "must be a YAML mapping",
    "v2-section-in-v1": "organisation: unknown key",
    "null-document": "must be a YAML mapping",
}


def _assert_reason(result, request: pytest.FixtureRequest) -> None:
    reason = REASONS.get(request.node.callspec.id)
    if reason:
        assert reason in result.stderr, result


@pytest.mark.parametrize("old, new", MANIFEST_TEXT_EDITS.values(), ids=MANIFEST_TEXT_EDITS)
def test_broken_manifest_is_refused(
    system: System, request: pytest.FixtureRequest, old: str, new: str
) -> None:
    system.replace(old, new)
    result = system.check()
    system.assert_refused(result, MANIFEST)
    _assert_reason(result, request)


def _utf16le(text: str) -> bytes:
    return text.encode("utf-16-le")


MANIFEST_CONTENTS: dict[str, Callable[[str], bytes]] = {
    "not-mapping-list": lambda _: b"- apiVersion: ai-assure/v2\n- kind: AISystem\n",
    "not-mapping-scalar": lambda _: b"just some text\n",
    "not-mapping-number": lambda _: b"42\n",
    "empty-file": lambda _: b"",
    "only-comments": lambda _: b"# nothing here\n",
    "null-document": lambda _: b"null\n",
    "tilde-document": lambda _: b"~\n",
    "alias-bomb": lambda text: (ALIAS_BOMB + "\n" + text).encode(),
    "alias-bomb-nested": lambda text: (
        text.replace("exceptions: []", "exceptions:\n  - " + ALIAS_BOMB.replace("\n", "\n    "))
    ).encode(),
    "deep-flow-nesting": lambda text: (
        text.encode() + b"deep: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    ),
    "deep-flow-mapping-nesting": lambda text: (
        text.encode() + b"deep: " + b"{a: " * 5_000 + b"1" + b"}" * 5_000 + b"\n"
    ),
    "deep-block-nesting": lambda text: text.encode() + _deep_block_mapping(200).encode(),
    "over-size-limit-sparse-41mb": None,  # a sparse file
    "over-size-limit-41mb-yaml": Padded(lambda text: text.encode(), b"# padding padding\n"),
    "binary-random": lambda _: bytes(range(256)) * 64,
    "nul-byte": lambda text: text.replace("live", "li\x00ve").encode(),
    "invalid-utf8": lambda text: (
        text.replace("Search", "Se\xffarch")
        .encode("latin-1", "replace")
        .replace(b"Se\xffarch", b"Se\xff\xfearch")
    ),
    "lone-surrogate-escape": lambda text: text.replace(
        "name: Policy Framework Search", 'name: "bad \\ud800 surrogate"'
    ).encode(),
    "utf16-le-without-bom": lambda text: _utf16le(text),
    "utf16-be-without-bom": lambda text: text.encode("utf-16-be"),
    "utf32-with-bom": lambda text: text.encode("utf-32"),
    "control-characters": lambda text: text.replace("live", "li\x07\x1bve").encode(),
}


@pytest.mark.parametrize("make", MANIFEST_CONTENTS.values(), ids=MANIFEST_CONTENTS)
def test_hostile_manifest_content_is_refused(
    system: System, request: pytest.FixtureRequest, make
) -> None:
    write_case(system.manifest, make)
    result = system.check()
    system.assert_refused(result, MANIFEST)
    _assert_reason(result, request)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: b"\xef\xbb\xbf" + text.encode(),
        lambda text: text.encode("utf-16"),  # BOM-marked UTF-16: decode_text accepts it
        lambda text: text.replace("\n", "\r\n").encode(),
    ],
    ids=["utf8-bom", "utf16-with-bom", "crlf-line-endings"],
)
def test_harmless_encodings_are_accepted(system: System, encode) -> None:
    baseline = system.check()
    system.write_manifest(encode(system.manifest_text()))
    result = system.check()
    assert result.code == baseline.code == 0, result
    assert result.findings("EVID-001") == baseline.findings("EVID-001")


def test_manifest_that_is_a_directory_is_refused(system: System) -> None:
    system.manifest.unlink()
    system.manifest.mkdir()
    system.assert_refused(system.check(), MANIFEST)


def test_manifest_that_is_a_fifo_does_not_hang(system: System) -> None:
    system.manifest.unlink()
    os.mkfifo(system.manifest)
    system.assert_refused(system.check(), MANIFEST)


@pytest.mark.parametrize("target", ["secret", "/dev/zero", "/dev/urandom"])
def test_manifest_symlink_out_of_the_repository_is_refused(system: System, target: str) -> None:
    system.manifest.unlink()
    system.manifest.symlink_to(system.outside / "secret.yaml" if target == "secret" else target)
    system.assert_refused(system.check(), MANIFEST)


# --- evidence paths that leave the repository → exit 2, nothing outside is read ---------------


def _escape_cases(system: System) -> dict[str, str]:
    return {
        "dotdot": "../outside/secret.json",
        "dotdot-inside-path": "sbom/../../outside/secret.json",
        "dotdot-backslashes": "..\\outside\\secret.json",
        "absolute": str(system.secret_file),
        "absolute-etc-passwd": "/etc/passwd",
        "absolute-glob": str(system.outside) + "/*.json",
        "windows-drive": "C:\\outside\\secret.json",
        "file-url": "file:///etc/passwd",
        "dotdot-glob": "../**/*.json",
    }


ESCAPE_IDS = [
    "dotdot",
    "dotdot-inside-path",
    "dotdot-backslashes",
    "absolute",
    "absolute-etc-passwd",
    "absolute-glob",
    "windows-drive",
    "file-url",
    "dotdot-glob",
]


@pytest.mark.parametrize("case", ESCAPE_IDS)
def test_evidence_path_escaping_the_repository_is_refused(system: System, case: str) -> None:
    declared = _escape_cases(system)[case]
    system.declare("sbom", declared)
    result = system.check()
    system.assert_refused(result, declared)


def _link_file_out(system: System) -> str:
    (system.repo / "sbom" / "linked.json").symlink_to(system.secret_file)
    return "sbom/linked.json"


def _link_dir_out(system: System) -> str:
    (system.repo / "linked").symlink_to(system.outside, target_is_directory=True)
    return "linked/secret.json"


def _glob_through_linked_dir(system: System) -> str:
    (system.repo / "linked").symlink_to(system.outside, target_is_directory=True)
    return "linked/*.json"


def _recursive_glob_through_linked_dir(system: System) -> str:
    (system.repo / "sbom" / "vendor").symlink_to(system.outside, target_is_directory=True)
    return "**/*.json"


def _relative_link_out(system: System) -> str:
    (system.repo / "sbom" / "rel.json").symlink_to("../../outside/secret.json")
    return "sbom/rel.json"


def _chained_links_out(system: System) -> str:
    (system.repo / "sbom" / "hop2.json").symlink_to(system.secret_file)
    (system.repo / "sbom" / "hop1.json").symlink_to("hop2.json")
    return "sbom/hop1.json"


def _dangling_link_out(system: System) -> str:
    (system.repo / "sbom" / "gone.json").symlink_to(system.outside / "does-not-exist.json")
    return "sbom/gone.json"


def _link_to_dev_zero(system: System) -> str:
    (system.repo / "sbom" / "zero.json").symlink_to("/dev/zero")
    return "sbom/zero.json"


def _link_to_dev_urandom(system: System) -> str:
    (system.repo / "sbom" / "random.json").symlink_to("/dev/urandom")
    return "sbom/random.json"


def _link_to_root(system: System) -> str:
    (system.repo / "rootfs").symlink_to("/", target_is_directory=True)
    return "rootfs/etc/passwd"


def _link_to_proc_self(system: System) -> str:
    (system.repo / "sbom" / "environ.json").symlink_to("/proc/self/environ")
    return "sbom/environ.json"


SYMLINK_ESCAPES: dict[str, Callable[[System], str]] = {
    "file-symlink-out": _link_file_out,
    "dir-symlink-out": _link_dir_out,
    "glob-through-symlinked-dir": _glob_through_linked_dir,
    "recursive-glob-through-symlinked-dir": _recursive_glob_through_linked_dir,
    "relative-symlink-out": _relative_link_out,
    "chained-symlinks-out": _chained_links_out,
    "dangling-symlink-out": _dangling_link_out,
    "symlink-to-dev-zero": _link_to_dev_zero,
    "symlink-to-dev-urandom": _link_to_dev_urandom,
    "symlink-to-filesystem-root": _link_to_root,
    "symlink-to-proc-self-environ": _link_to_proc_self,
}


@pytest.mark.parametrize("make", SYMLINK_ESCAPES.values(), ids=SYMLINK_ESCAPES)
def test_symlink_out_of_the_repository_is_refused(system: System, make) -> None:
    declared = make(system)
    system.declare("sbom", declared)
    system.assert_refused(system.check(), declared)


def test_model_card_symlinked_out_is_refused(system: System) -> None:
    card = system.repo / MODEL_CARD
    card.unlink()
    card.symlink_to(system.outside / "secret.md")
    system.assert_refused(system.check(), MODEL_CARD)


def test_glob_matching_thousands_of_files_is_refused(system: System) -> None:
    many = system.repo / "sbom" / "many"
    many.mkdir()
    for index in range(2000):
        (many / f"{index:04d}.json").write_bytes(b"{}")
    system.declare("sbom", "sbom/many/*.json")
    result = system.check()
    system.assert_refused(result, "sbom/many/*.json")
    assert "500" in result.stderr, result


# --- evidence inside the repository that cannot be used → exit 1, EVID-001 names it ----------


def _nested_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


EVIDENCE_CONTENTS: dict[str, tuple[str, Callable[[str], bytes] | None]] = {
    "json-syntax-error": (SBOM, lambda text: text[:-20].encode()),
    "json-trailing-comma": (SBOM, lambda text: (text.rstrip()[:-1] + ",}").encode()),
    "json-duplicate-key": (SBOM, lambda text: text.replace("{", '{"bomFormat": "x", ', 1).encode()),
    "json-nan": (SBOM, lambda text: text.replace("{", '{"x": NaN, ', 1).encode()),
    "json-huge-exponent": (SBOM, lambda text: text.replace("{", '{"x": 1e99999, ', 1).encode()),
    "json-huge-integer": (
        SBOM,
        lambda text: text.replace("{", '{"x": ' + "9" * 10_000 + ", ", 1).encode(),
    ),
    "json-deep-array-nesting": (SBOM, lambda _: _nested_json(200_000)),
    "json-deep-object-nesting": (SBOM, lambda _: b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
    "json-top-level-list": (SBOM, lambda _: b"[1, 2, 3]"),
    "json-top-level-string": (SBOM, lambda _: b'"bom"'),
    "json-empty": (SBOM, lambda _: b""),
    "json-whitespace-only": (SBOM, lambda _: b"   \n\t\n"),
    "json-binary": (SBOM, lambda _: bytes(range(256)) * 256),
    "json-nul-byte": (SBOM, lambda text: text.replace('"bomFormat"', '"bom\x00Format"').encode()),
    "json-nul-escape": (
        SBOM,
        lambda text: text.replace('"CycloneDX"', '"Cyclone\\u0000DX"').encode(),
    ),
    "json-invalid-utf8": (
        SBOM,
        lambda text: text.encode().replace(b"CycloneDX", b"Cyclone\xc3\x28DX"),
    ),
    "json-utf16-without-bom": (SBOM, lambda text: text.encode("utf-16-le")),
    "json-over-size-limit-sparse-41mb": (SBOM, None),
    "json-over-size-limit-41mb-real": (
        SBOM,
        Padded(lambda text: text.encode()[:-2] + b', "x": "', b"a" * 4096, b'"}\n'),
    ),
    "model-card-alias-bomb": (
        MODEL_CARD,
        lambda text: ("---\n" + ALIAS_BOMB + "\n---\n" + text).encode(),
    ),
    "model-card-deep-nesting": (
        MODEL_CARD,
        lambda text: ("---\n" + "x: " + "[" * 50_000 + "]" * 50_000 + "\n---\n" + text).encode(),
    ),
    "model-card-duplicate-key": (
        MODEL_CARD,
        lambda text: text.replace("---\n", "---\nlicense: mit\nlicense: gpl\n", 1).encode(),
    ),
    "model-card-python-tag": (
        MODEL_CARD,
        lambda text: text.replace("---\n", "---\nx: !!python/name:os.system\n", 1).encode(),
    ),
    "model-card-malformed-front-matter": (
        MODEL_CARD,
        lambda text: text.replace("---\n", "---\nx: [unclosed\n", 1).encode(),
    ),
    "model-card-binary": (MODEL_CARD, lambda _: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100),
    "model-card-invalid-utf8": (MODEL_CARD, lambda text: text.encode() + b"\n\xff\xfe\xfd\n"),
    "model-card-over-size-limit": (
        MODEL_CARD,
        Padded(lambda text: text.encode(), b"padding line\n"),
    ),
    "evaluation-duplicate-key": (
        "reports/retrieval-eval-2026-09.json",
        lambda text: text.replace("{", '{"x": 1, "x": 2, ', 1).encode(),
    ),
    "threat-model-nul-byte": ("docs/threat-model.md", lambda text: ("\x00" + text).encode()),
    "datasheet-utf16-without-bom": ("docs/datasheet.md", lambda text: text.encode("utf-16-be")),
}


@pytest.mark.parametrize("relative, make", EVIDENCE_CONTENTS.values(), ids=EVIDENCE_CONTENTS)
def test_hostile_evidence_gets_evid_001(system: System, relative: str, make) -> None:
    path = system.repo / relative
    write_case(path, make)
    result = system.check()
    system.assert_evidence_rejected(result, relative)


def test_oversized_sbom_is_refused_by_the_limit_not_parsed(system: System) -> None:
    with open(system.repo / SBOM, "r+b") as handle:
        handle.truncate(41 * MB)
    result = system.check()
    system.assert_evidence_rejected(result, SBOM)
    (finding,) = [f for f in result.findings("EVID-001") if SBOM in f["message"]]
    assert "limit" in finding["message"], result
    (record,) = [e for e in result.report()["evidence"] if e["path"] == SBOM]
    assert record["sha256"] is None and record["format"] is None, record  # never read


def _fifo(system: System) -> tuple[str, str]:
    os.mkfifo(system.repo / "sbom" / "pipe.json")
    return "sbom/pipe.json", "sbom/pipe.json"


def _link_to_fifo(system: System) -> tuple[str, str]:
    os.mkfifo(system.repo / "sbom" / "pipe.json")
    (system.repo / "sbom" / "via-link.json").symlink_to("pipe.json")
    return "sbom/via-link.json", "sbom/pipe.json"  # reported as the file it resolves to


def _directory(system: System) -> tuple[str, str]:
    return "docs", "docs"


def _dangling_inside(system: System) -> tuple[str, str]:
    (system.repo / "sbom" / "dangling.json").symlink_to("nothing-here.json")
    return "sbom/dangling.json", "sbom/nothing-here.json"


def _symlink_loop(system: System) -> tuple[str, str]:
    (system.repo / "sbom" / "loop-a.json").symlink_to("loop-b.json")
    (system.repo / "sbom" / "loop-b.json").symlink_to("loop-a.json")
    return "sbom/loop-a.json", "sbom/loop-a.json: cannot be resolved"


def _missing(system: System) -> tuple[str, str]:
    return "sbom/never-generated.json", "sbom/never-generated.json"


def _glob_matching_nothing(system: System) -> tuple[str, str]:
    return "sbom/*.spdx.json", "sbom/*.spdx.json"


def _unreadable(system: System) -> tuple[str, str]:
    path = system.repo / "sbom" / "secret-perms.json"
    path.write_text("{}")
    path.chmod(0)
    return "sbom/secret-perms.json", "sbom/secret-perms.json"


def _blank_path(system: System) -> tuple[str, str]:
    return "   ", "an evidence path must name a file"


def _dot_path(system: System) -> tuple[str, str]:
    return ".", "an evidence path must name a file"


def _very_long_path(system: System) -> tuple[str, str]:
    declared = "sbom/" + "a" * 5000 + ".json"
    return declared, declared


def _very_long_component(system: System) -> tuple[str, str]:
    declared = "sbom/" + "b" * 300 + ".json"
    return declared, declared


def _nul_in_path(system: System) -> tuple[str, str]:
    return "sbom/bad\x00name.json", MANIFEST  # a "\0" escape in YAML: refused by the parser


def _nul_in_glob(system: System) -> tuple[str, str]:
    return "sbom/*\x00.json", MANIFEST


UNREADABLE_EVIDENCE: dict[str, Callable[[System], tuple[str, str]]] = {
    "fifo": _fifo,
    "symlink-to-fifo-inside": _link_to_fifo,
    "directory": _directory,
    "dangling-symlink-inside": _dangling_inside,
    "symlink-loop": _symlink_loop,
    "missing-file": _missing,
    "glob-matching-nothing": _glob_matching_nothing,
    "blank-path": _blank_path,
    "dot-path": _dot_path,
    "very-long-path": _very_long_path,
    "very-long-path-component": _very_long_component,
    "nul-in-path": _nul_in_path,
    "nul-in-glob": _nul_in_glob,
}
if os.geteuid() != 0:  # root reads a mode-000 file anyway
    UNREADABLE_EVIDENCE["permission-denied"] = _unreadable

# What each case must end in: 2 = refused (stderr names it), 1 = EVID-001 names it.
EXPECTED_EXIT = {
    "symlink-loop": 2,
    "blank-path": 2,
    "dot-path": 2,
    "nul-in-path": 2,
    "nul-in-glob": 2,
}


@pytest.mark.parametrize("case", UNREADABLE_EVIDENCE)
def test_unusable_evidence_path_gets_evid_001_or_exit_2(system: System, case: str) -> None:
    """Never a hang or a crash: a report with EVID-001 naming the file, or a clear refusal."""
    declared, named = UNREADABLE_EVIDENCE[case](system)
    system.declare("sbom", declared)
    result = system.check()
    if EXPECTED_EXIT.get(case, 1) == 2:
        system.assert_refused(result, named)
    else:
        system.assert_evidence_rejected(result, named)


# --- real-world samples from ../shared/samples, each as evidence of its kind ------------------

SAMPLE_KINDS = {"cyclonedx": "sbom", "spdx3": "sbom", "modelcards": "model_cards"}
SAMPLES_DIR = Path(__file__).resolve().parents[3] / "shared" / "samples"
# The negative fixtures (SOURCES.md: NEGATIVE) are named INVALID/invalid: two are not JSON,
# one has a date where CycloneDX wants a date-time, and two are huggingface_hub's invalid
# card-data and model-index fixtures. Each must fail EVID-001; every other file must pass it.
SAMPLES = sorted(
    f"{folder}/{path.name}"
    for folder in SAMPLE_KINDS
    for path in (SAMPLES_DIR / folder).glob("*")
    if path.is_file()
) or ["(absent)"]


# huggingface_hub's invalid model-index fixture: a model-index result without a dataset is a
# part no rule reads, so it is a warning and the card is read (as huggingface_hub reads it).
TOLERATED_SAMPLES = {"hfhub-fixture-sample_invalid_model_index.md"}


@pytest.mark.parametrize("sample", SAMPLES)
def test_shared_sample_as_evidence(system: System, shared_dir: Path, sample: str) -> None:
    if sample == "(absent)":
        pytest.skip(f"{SAMPLES_DIR} has no samples")
    folder, name = sample.split("/")
    relative = f"evidence-samples/{name}"
    system.write(relative, (shared_dir / "samples" / sample).read_bytes())
    system.declare(SAMPLE_KINDS[folder], relative)
    result = system.check()
    if "invalid" in name.lower() and name not in TOLERATED_SAMPLES:
        system.assert_evidence_rejected(result, relative)
    else:
        assert result.code in (0, 1), result
        named = [f for f in result.findings("EVID-001") if relative in f["message"]]
        assert not [f for f in named if f["status"] == "fail"], result
