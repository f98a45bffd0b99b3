"""`ai-assure init`: scaffold a commented, valid `ai-manifest.yaml` (and CI files) for a
repository, from answers given on a TTY or as flags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from engine.core.errors import AssuranceError
from engine.core.output import write_atomic
from engine.manifest import MANIFEST_NAME
from engine.manifest.schema import SCHEMA_FILE, manifest_schema_json

TEMPLATES = Path(__file__).resolve().parent / "templates"
SCHEMA_LOCATION = Path(".ai-assure") / SCHEMA_FILE


class ScaffoldError(AssuranceError):
    """A file that would be overwritten, or an answer that cannot be used."""


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
        "  dpia: docs/dpia.yaml                # personal data: an approved DPIA (UK GDPR Art. 35)"
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
    template = Template((TEMPLATES / "ai-manifest.yaml.tmpl").read_text(encoding="utf-8"))
    return template.substitute(values)


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


def write_scaffold(folder: Path, files: dict[Path, str], force: bool) -> list[Path]:
    """Write `files` (relative paths) below `folder`; refuse to overwrite unless `force`."""
    existing = [path for path in files if (folder / path).exists()]
    if existing and not force:
        names = ", ".join(str(path) for path in existing)
        raise ScaffoldError(f"{names} already exist(s); use --force to overwrite")
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / path, text)
    return sorted(files)


def manifest_files(answers: Answers) -> dict[Path, str]:
    return {Path(MANIFEST_NAME): render_manifest(answers), SCHEMA_LOCATION: manifest_schema_json()}


INTEGRATIONS = {
    "github": ("github-workflow.yml", Path(".github/workflows/ai-assure.yml")),
    "gitlab": ("gitlab-ci.yml", Path(".gitlab-ci.yml")),
    "pre-commit": ("pre-commit-config.yaml", Path(".pre-commit-config.yaml")),
}


def integration_files(ci: str | None, pre_commit: bool) -> dict[Path, str]:
    """The CI and pre-commit files asked for, from the templates shipped with ai-assure."""
    wanted = [name for name in (ci, "pre-commit" if pre_commit else None) if name]
    files = {}
    for name in wanted:
        template, target = INTEGRATIONS[name]
        files[target] = (TEMPLATES / template).read_text(encoding="utf-8")
    return files
