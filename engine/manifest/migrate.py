"""From a version 1 manifest to version 2 (`ai-assure migrate`; docs/classification.md,
"Migrating a version 1 manifest").

Version 1 held conclusions (`classification.eu_ai_act.role`, `annex_iii_areas`,
`prohibited_practices`, ...) where version 2 holds the facts the law turns on. Migration never
guesses a fact: what version 1 stated as the same fact is carried over, every conclusion is
kept as the team's own label under `eu_ai_act.declared` (the policies compare it with what the
facts give), and every other fact is written unanswered, with its question.

- `classification.eu_ai_act.role` becomes the label `eu_ai_act.declared.roles`; `activities`
  stays unanswered.
- `annex_iii_areas` becomes `eu_ai_act.declared.annex_iii_areas`; `annex_iii.points` stays
  unanswered (an area is not a sub-point).
- `prohibited_practices` becomes `eu_ai_act.declared.prohibited_practices`, which counts until
  the Art. 5 facts are answered.
- `profiling_of_natural_persons` is the same fact in both versions.
- `art_6_3_exemption` becomes `eu_ai_act.art_6_3.claimed: true` (conditions, assessment and
  registration unanswered); its text is kept as a comment.
- `general_purpose_ai` becomes `eu_ai_act.declared.general_purpose_ai` (`is_gpai_model`
  unanswered).
- `classification.uk_gdpr.personal_data` and `special_category_data` are the same facts under
  `uk_data_protection`; `solely_automated_decision` becomes
  `uk_data_protection.automated_decision.solely_automated` (`significant` unanswered).
- `system.interacts_with_public: true` becomes
  `eu_ai_act.transparency.interacts_directly_with_natural_persons: true`; false stays
  unanswered, because staff are natural persons too.
- `system.generates_synthetic_content` is dropped: which kinds
  (`eu_ai_act.transparency.generates_synthetic`) is unanswered.

Only keys the version 1 file actually wrote are carried: version 1's defaults (`false` when a
key was left out) were never answers.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from engine.core.errors import AssuranceError
from engine.manifest.versions import API_VERSION, API_VERSION_V2

_DECLARED = {
    "role": "roles",
    "annex_iii_areas": "annex_iii_areas",
    "prohibited_practices": "prohibited_practices",
    "general_purpose_ai": "general_purpose_ai",
}


def migrate_document(raw: dict[str, Any]) -> dict[str, Any]:
    """The version 2 document for a version 1 one; unanswered facts are left out."""
    v1 = copy.deepcopy(raw)
    classification = v1.pop("classification", None) or {}
    eu_v1 = _mapping(classification.get("eu_ai_act"))
    uk_v1 = _mapping(classification.get("uk_gdpr"))
    system = _mapping(v1.get("system"))
    interacts = system.pop("interacts_with_public", None)
    system.pop("generates_synthetic_content", None)
    document: dict[str, Any] = {"apiVersion": API_VERSION_V2, "kind": v1.get("kind", "AISystem")}
    for key, value in v1.items():
        if key in ("apiVersion", "kind"):
            continue
        document[key] = system if key == "system" else value
        if key == "metadata":
            document.update(_facts(eu_v1, uk_v1, interacts))
    if "metadata" not in v1:
        document.update(_facts(eu_v1, uk_v1, interacts))
    return document


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _facts(eu_v1: dict[str, Any], uk_v1: dict[str, Any], interacts: Any) -> dict[str, Any]:
    eu: dict[str, Any] = {}
    declared = {_DECLARED[key]: eu_v1[key] for key in _DECLARED if eu_v1.get(key) is not None}
    if isinstance(declared.get("roles"), str):
        declared["roles"] = [declared["roles"]]
    if "profiling_of_natural_persons" in eu_v1:
        eu["profiling_of_natural_persons"] = eu_v1["profiling_of_natural_persons"]
    exemption = eu_v1.get("art_6_3_exemption")
    if isinstance(exemption, str) and exemption.strip():
        eu["art_6_3"] = {"claimed": True}
    if interacts is True:
        eu["transparency"] = {"interacts_directly_with_natural_persons": True}
    if declared:
        eu["declared"] = declared
    uk: dict[str, Any] = {
        key: uk_v1[key] for key in ("personal_data", "special_category_data") if key in uk_v1
    }
    if "solely_automated_decision" in uk_v1:
        uk["automated_decision"] = {"solely_automated": uk_v1["solely_automated_decision"]}
    return {"organisation": {}, "eu_ai_act": eu, "uk_data_protection": uk}


def is_v1(raw: Any) -> bool:
    return isinstance(raw, dict) and raw.get("apiVersion") == API_VERSION


class MigrationError(AssuranceError):
    """The manifest cannot be migrated: it is not a valid version 1 manifest."""


def migrate_version_1(
    raw: dict[str, Any], text: str, lines: dict[Any, int], shown: str
) -> Migration:
    """The loaded manifest `shown` (parsed as `raw` from `text`, keys located at `lines`) as
    version 2; a `MigrationError` when it is not version 1."""
    if not is_v1(raw):
        raise MigrationError(
            f"{shown}: apiVersion is {raw.get('apiVersion')}, not {API_VERSION}: nothing to migrate"
        )
    return migrate_text(raw, text, lines)


# --- the written manifest --------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """A version 1 manifest rewritten as version 2: the text and the facts left unanswered."""

    text: str
    unanswered: list[str]  # fact ids, in the order the facts are listed


def migrate_text(raw: dict[str, Any], text: str, lines: dict[Any, int]) -> Migration:
    """The version 1 manifest `text` (parsed as `raw`, keys located at `lines`) as version 2:
    its own lines and comments kept, the `classification` block replaced by the facts with
    their questions, and `apiVersion` changed."""
    from engine.manifest.fact_sections import fact_sections

    blocks, unanswered = fact_sections(migrate_document(raw), _INTRO + _v1_notes(raw))
    kept = _without_v1_keys(text.splitlines(keepends=True), raw, lines)
    return Migration(text="".join(_with_blocks(kept, blocks, raw, lines)), unanswered=unanswered)


def _without_v1_keys(lines: list[str], raw: dict[str, Any], where: dict[Any, int]) -> list[str]:
    """The text with the two version 1 system keys emptied (kept as blank markers so line
    numbers stay) and apiVersion changed."""
    out = list(lines)
    for key in ("interacts_with_public", "generates_synthetic_content"):
        line = where.get(("system", key))
        if line and key in out[line - 1]:
            out[line - 1] = ""
    line = where.get(("apiVersion",))
    if line and API_VERSION in out[line - 1]:
        out[line - 1] = out[line - 1].replace(API_VERSION, API_VERSION_V2)
    return out


def _with_blocks(
    lines: list[str], blocks: str, raw: dict[str, Any], where: dict[Any, int]
) -> list[str]:
    """Replace the top-level `classification` block (or insert after `system`) by `blocks`."""
    starts = sorted((line, key) for (key, *rest), line in where.items() if not rest)
    start = where.get(("classification",))
    if start:
        following = [line for line, _ in starts if line > start]
        end = following[0] - 1 if following else len(lines)
        while end > start and _comment_or_blank(lines[end - 1]):
            end -= 1
        return [*lines[: start - 1], blocks, *lines[end:]]
    anchor = where.get(("system",)) or where.get(("metadata",))
    following = [line for line, _ in starts if anchor and line > anchor]
    at = following[0] - 1 if following else len(lines)
    return [*lines[:at], blocks, *lines[at:]]


def _comment_or_blank(line: str) -> bool:
    """A line that belongs to what follows it (a comment above the next key), or is blank."""
    return not line.strip() or line.lstrip().startswith("#")


_INTRO = (
    "\n# Migrated from apiVersion ai-assure/v1 by `ai-assure migrate`. Facts version 1 could not\n"
    "# hold are null, each with its question: answer them (true/false, a value, or a list;\n"
    "# [] for none of these). `ai-assure classify --explain-unknowns` lists the ones the\n"
    "# classification needs now; until they are answered, each fails CLS-005.\n"
)


def _v1_notes(raw: dict[str, Any]) -> str:
    """What version 1 said that version 2 keeps only as a note."""
    classification = _mapping(raw.get("classification"))
    eu_v1 = _mapping(classification.get("eu_ai_act"))
    uk_v1 = _mapping(classification.get("uk_gdpr"))
    notes = []
    exemption = eu_v1.get("art_6_3_exemption")
    if isinstance(exemption, str) and exemption.strip():
        one_line = " ".join(exemption.split())
        notes.append(f"# version 1 art_6_3_exemption: {one_line}")
    if uk_v1.get("art_22_exception"):
        notes.append(
            f"# version 1 art_22_exception: {uk_v1['art_22_exception']} (Art. 22(2)); UK GDPR Arts."
            " 22A-22D now apply: see uk_data_protection.automated_decision"
        )
    system = _mapping(raw.get("system"))
    if system.get("generates_synthetic_content") is True:
        notes.append(
            "# version 1 generates_synthetic_content: true: say which kinds in"
            " eu_ai_act.transparency.generates_synthetic"
        )
    return "".join(f"{note}\n" for note in notes)
