"""A reproducible corpus of varied AI systems, made by mutating the shipped examples.

Each generated system is a folder with an `ai-manifest.yaml` and evidence files, derived
from one example with a seeded random walk over the facts that drive the policies: the
facts the EU AI Act and UK GDPR classification turns on (answered, or left unanswered),
deployment and decision role, owners, oversight, which models and evidence are declared,
evidence that is missing or corrupt, DPIA status and dates, risk action dates, and the
assessment date. The conformance tests and the benchmarks use it.

    python bench/corpus.py OUT_DIR [--count 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml

from engine.manifest.model_v2 import AnnexIIIPoint, Condition63

ANNEX_III_POINTS = get_args(AnnexIIIPoint)
ART_6_3_CONDITIONS = get_args(Condition63)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
AS_OF_DATES = ("2026-01-15", "2026-11-26", "2027-06-30")


@dataclass(frozen=True)
class GeneratedSystem:
    path: Path
    as_of: str


def generate(out: Path, count: int, seed: int = 1) -> list[GeneratedSystem]:
    """Write `count` systems below `out` (which must not exist yet or be empty)."""
    rng = random.Random(seed)
    examples = sorted(p.parent for p in EXAMPLES.glob("*/ai-manifest.yaml"))
    out.mkdir(parents=True, exist_ok=True)
    (out / ".git").mkdir(exist_ok=True)  # one repository holding every system
    systems = []
    for number in range(count):
        folder = out / f"system-{number:04d}"
        shutil.copytree(rng.choice(examples), folder)
        _mutate(folder, rng, number)
        systems.append(GeneratedSystem(folder, rng.choice(AS_OF_DATES)))
    return systems


def _mutate(folder: Path, rng: random.Random, number: int) -> None:
    manifest_path = folder / "ai-manifest.yaml"
    manifest = yaml.safe_load(manifest_path.read_text())
    manifest["metadata"]["id"] = f"system-{number:04d}"
    for mutation in MUTATIONS:
        if rng.random() < 0.3:
            mutation(manifest, folder, rng)
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True))


def _fact(rng: random.Random, yes: float) -> bool | None:
    """A yes/no fact, left unanswered one time in ten."""
    return None if rng.random() < 0.1 else rng.random() < yes


def _eu_ai_act(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    eu = manifest.setdefault("eu_ai_act", {})
    scope = eu.setdefault("scope", {})
    scope["placed_on_eu_market"] = _fact(rng, 0.5)
    scope["deployed_in_eu"] = _fact(rng, 0.3)
    eu["annex_iii"] = {
        "points": rng.sample(ANNEX_III_POINTS, rng.choice((0, 0, 1, 2))),
        "carve_outs": [],
    }
    eu["profiling_of_natural_persons"] = _fact(rng, 0.4)
    claimed = _fact(rng, 0.3)
    eu["art_6_3"] = {
        "claimed": claimed,
        "conditions": rng.sample(ART_6_3_CONDITIONS, 1) if claimed else [],
    }
    eu.setdefault("art_5", {})["untargeted_facial_scraping"] = _fact(rng, 0.05)


def _uk_data_protection(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    uk = manifest.setdefault("uk_data_protection", {})
    uk["personal_data"] = _fact(rng, 0.6)
    uk["special_category_data"] = _fact(rng, 0.3)
    decision = uk.setdefault("automated_decision", {})
    decision["significant"] = _fact(rng, 0.4)
    decision["solely_automated"] = _fact(rng, 0.4)
    decision["explicit_consent"] = _fact(rng, 0.2)


def _system(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    system = manifest["system"]
    system["deployment"] = rng.choice(("internal", "public-facing"))
    system["decision_role"] = rng.choice(
        (
            "decision-support",
            "automated-decision",
            "content-generation",
            "information-retrieval",
            "other",
        )
    )
    transparency = manifest.setdefault("eu_ai_act", {}).setdefault("transparency", {})
    transparency["interacts_directly_with_natural_persons"] = _fact(rng, 0.4)
    transparency["generates_synthetic"] = ["text"] if rng.random() < 0.4 else []
    if rng.random() < 0.5:
        system.pop("transparency_notice", None)


def _oversight(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    oversight = manifest["system"].setdefault("human_oversight", {})
    oversight["mode"] = rng.choice(("human-in-the-loop", "human-on-the-loop", "none", None))
    if rng.random() < 0.4:
        oversight.pop("description", None)


def _owner(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    owner = manifest["metadata"].setdefault("owner", {})
    for field in ("team", "senior_responsible_owner", "contact"):
        if rng.random() < 0.4:
            owner[field] = rng.choice(("", None, "not-an-email"))
    if rng.random() < 0.3:
        manifest["metadata"].pop("lifecycle_stage", None)


def _models(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    for model in manifest.get("models", []):
        model["type"] = rng.choice(("in-house", "third-party", "foundation-model"))
        if rng.random() < 0.3:
            model["model_card"] = rng.choice((None, "docs/no-such-card.md"))


def _drop_evidence(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    evidence = manifest.get("evidence") or {}
    for key in rng.sample(sorted(evidence), min(len(evidence), rng.choice((1, 2)))):
        evidence.pop(key)


def _missing_evidence(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    evidence = manifest.setdefault("evidence", {})
    evidence[rng.choice(("sbom", "evaluations", "red_team"))] = ["reports/missing-*.json"]


def _corrupt_evidence(_manifest: dict[str, Any], folder: Path, rng: random.Random) -> None:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "ai-manifest.yaml")
    victim = rng.choice(files)
    content = victim.read_bytes()
    victim.write_bytes(content[: len(content) // 2] if rng.random() < 0.7 else b"\x00binary")


def _dpia(manifest: dict[str, Any], folder: Path, rng: random.Random) -> None:
    declared = (manifest.get("evidence") or {}).get("dpia")
    path = folder / declared if isinstance(declared, str) else None
    if path is None or not path.is_file() or path.suffix not in (".yaml", ".yml"):
        return
    try:
        record = yaml.safe_load(path.read_text())
    except (yaml.YAMLError, UnicodeDecodeError):  # an earlier mutation corrupted it
        return
    if not isinstance(record, dict):
        return
    record["status"] = rng.choice(("draft", "approved", "approved", "rejected"))
    record["review_by"] = rng.choice(("2026-06-30", "2026-12-10", "2027-09-30"))
    record["dpo_consulted"] = rng.random() < 0.8
    path.write_text(yaml.safe_dump(record, sort_keys=False))


def _risks(manifest: dict[str, Any], _folder: Path, rng: random.Random) -> None:
    if rng.random() < 0.3:
        manifest["risks"] = []
        return
    for risk in manifest.get("risks", []):
        for action in risk.get("actions", []):
            action["due"] = rng.choice(("2026-03-31", "2026-12-31", "2027-12-31"))
            action["status"] = rng.choice(("open", "in-progress", "done"))


def _evaluation(manifest: dict[str, Any], folder: Path, rng: random.Random) -> None:
    for declared in (manifest.get("evidence") or {}).get("evaluations") or []:
        path = folder / declared
        if not path.is_file():
            continue
        try:
            report = json.loads(path.read_text())
        except (ValueError, UnicodeDecodeError):
            continue
        for metric in report.get("metrics", []) if isinstance(report, dict) else []:
            if isinstance(metric.get("value"), (int, float)):
                metric["value"] = round(metric["value"] * rng.uniform(0.8, 1.1), 4)
        path.write_text(json.dumps(report, indent=2))


Mutation = Callable[[dict[str, Any], Path, random.Random], None]
MUTATIONS: tuple[Mutation, ...] = (
    _eu_ai_act,
    _uk_data_protection,
    _system,
    _oversight,
    _owner,
    _models,
    _drop_evidence,
    _missing_evidence,
    _corrupt_evidence,
    _dpia,
    _risks,
    _evaluation,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    systems = generate(args.out, args.count, args.seed)
    print(f"{len(systems)} systems in {args.out}")


if __name__ == "__main__":
    main()
