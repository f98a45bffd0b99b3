"""`ai-assure init`: scaffold a commented, valid `ai-manifest.yaml` (and CI files) for a
repository, from answers given on a TTY or as flags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from engine.core.output import write_atomic
from engine.manifest import MANIFEST_NAME
from engine.manifest.schema import SCHEMA_FILE, manifest_schema_json

TEMPLATES = Path(__file__).resolve().parent / "templates"
SCHEMA_LOCATION = Path(".ai-assure") / SCHEMA_FILE


@dataclass(frozen=True)
class Answers:
    system_id: str
    system_name: str
    team: str = ""
    sro: str = ""
    contact: str = ""
    lifecycle_stage: str = "discovery"
    description: str = ""
    purpose: str = ""
    deployment: str = "internal"
    decision_role: str = "decision-support"
    personal_data: bool = False


def slug(text: str) -> str:
    """A manifest id from a folder or system name."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned[:64].strip("-") or "ai-system"


def render_manifest(answers: Answers) -> str:
    dpia = (
        f"{'  dpia: docs/dpia.yaml'.ljust(COMMENT_COLUMN - 1)} # personal data: an approved DPIA"
        " (UK GDPR Art. 35)"
        if answers.personal_data
        else "  # dpia: docs/dpia.yaml"
    )
    values = {
        "schema_path": SCHEMA_LOCATION.as_posix(),
        "system_id": answers.system_id,
        "system_name": _yaml_text(answers.system_name),
        "team": _yaml_text(answers.team),
        "sro": _yaml_text(answers.sro),
        "contact": _yaml_text(answers.contact),
        "lifecycle_stage": answers.lifecycle_stage,
        "description": _yaml_text(answers.description),
        "purpose": _yaml_text(answers.purpose),
        "deployment": answers.deployment,
        "decision_role": answers.decision_role,
        "facts": _facts(answers),
        "dpia_line": dpia,
    }
    template = (TEMPLATES / "ai-manifest.yaml.tmpl").read_text(encoding="utf-8")
    return "".join(_render_line(line, values) for line in template.splitlines(keepends=True))


#: where the scaffold's end-of-line comments start, whatever the answers' lengths
COMMENT_COLUMN = 40
_COMMENTED = re.compile(r"(?P<code>[^#\n]*[^#\s])\s+# (?P<comment>[^\n]*)\n?")


def _render_line(line: str, values: dict[str, str]) -> str:
    """One template line with its values, its `# comment` (if any) aligned at
    `COMMENT_COLUMN`. The comment is split off before the values go in, so a `#` in an
    answer is never taken for one."""
    match = _COMMENTED.fullmatch(line)
    if match is None:
        return Template(line).substitute(values)
    code = Template(match["code"]).substitute(values)
    return f"{code.ljust(COMMENT_COLUMN - 1)} # {Template(match['comment']).substitute(values)}\n"


_FACTS_INTRO = (
    "# The facts the law turns on (docs/classification.md): the EU AI Act category and the\n"
    "# assurance level are derived from them. Answer each question (true/false, a value, or a\n"
    "# list; [] for none of these); until a fact the classification needs is answered, rule\n"
    "# CLS-005 fails. `ai-assure classify` shows the decision path.\n"
)


def _facts(answers: Answers) -> str:
    """The fact sections: what `init` was told (whether personal data is processed), every
    other fact unanswered with its question."""
    from engine.manifest.fact_sections import fact_sections

    known = {"uk_data_protection": {"personal_data": answers.personal_data}}
    return fact_sections(known, _FACTS_INTRO)[0].rstrip("\n")


def _yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (always quoted: no surprises from `yes`, `:` or `#`)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _yaml_bool(value: bool) -> str:
    return "true" if value else "false"


def write_scaffold(
    folder: Path, files: dict[Path, str], force: bool
) -> tuple[list[Path], list[Path]]:
    """Write `files` (relative paths) below `folder`: the ones that are missing, or all of
    them with `force`. Returns (written, skipped because they exist), each sorted."""
    skipped = sorted(path for path in files if (folder / path).exists() and not force)
    written = sorted(path for path in files if path not in skipped)
    for path in written:
        write_atomic(folder / path, files[path])
    return written, skipped


def manifest_files(answers: Answers) -> dict[Path, str]:
    return {Path(MANIFEST_NAME): render_manifest(answers), SCHEMA_LOCATION: manifest_schema_json()}


INTEGRATIONS = {
    "github": ("github-workflow.yml", Path(".github/workflows/ai-assure.yml")),
    "gitlab": ("gitlab-ci.yml", Path(".gitlab-ci.yml")),
    "pre-commit": ("pre-commit-config.yaml", Path(".pre-commit-config.yaml")),
}


def integration_files(cis: tuple[str, ...], pre_commit: bool) -> dict[Path, str]:
    """The CI and pre-commit files asked for, from the templates shipped with ai-assure."""
    wanted = [*cis, *(["pre-commit"] if pre_commit else [])]
    files = {}
    for name in wanted:
        template, target = INTEGRATIONS[name]
        files[target] = (TEMPLATES / template).read_text(encoding="utf-8")
    return files
