"""ATRS v4.0 records (`ai-assure report atrs`): the Algorithmic Transparency Recording Standard
template filled from the manifest and the evidence, never invented.

The sections and fields are the template in the policy data (`data.ai_assure.atrs`), the same
list rule TRN-003 checks records against. A field is filled from, in this order:

1. the manifest, where it states the field (`metadata.owner.team` is 2.1.2 Team);
2. the team's ATRS record file (`evidence.atrs_record`), matched by heading or key;
3. a summary of other facts (the manifest's risks, the DPIA and FRIA evidence).

When the manifest and the record both give a field and disagree, the manifest's value is
kept and the disagreement is listed under `conflicts`. A field with no source stays empty
and is listed under `unfilled` with the reason. See docs/atrs.md.
"""

from __future__ import annotations

from engine.records.atrs.build import generate
from engine.records.atrs.formats import FORMATS, get_atrs_format
from engine.records.atrs.record import ATRS_SCHEMA, AtrsRecord
from engine.records.atrs.template import AtrsError, load_template


def render(record: AtrsRecord, fmt: str) -> str:
    """The record in the format named `fmt` (one of `FORMATS`)."""
    return get_atrs_format(fmt).render(record)


__all__ = [
    "ATRS_SCHEMA",
    "FORMATS",
    "AtrsError",
    "AtrsRecord",
    "generate",
    "load_template",
    "render",
]
