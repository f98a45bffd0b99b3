"""The ATRS v4.0 template: its sections and fields, read from the policy data
(`policies/ai_assure/atrs/data.yaml`, `data.ai_assure.atrs`), the list rule TRN-003 checks
records against too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.core.assets import bundled_policy_dir
from engine.core.errors import AssuranceError
from engine.core.parsing import ParseError, load_yaml

TEMPLATE_FILE = Path("ai_assure") / "atrs" / "data.yaml"


class AtrsError(AssuranceError):
    """The record cannot be built; the message says why."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TemplateField(_Model):
    ref: str | None
    attribute: str
    name: str
    aliases: list[str] = Field(default_factory=list)


class TemplateSection(_Model):
    id: str
    ref: str
    tier: Literal[1, 2]
    title: str
    own_models_only: bool = False  # only for models the organisation trained or refined
    per_model: bool = False  # one copy per such model
    fields: list[TemplateField]


class Template(_Model):
    version: str
    sections: list[TemplateSection]


def load_template(policy_dir: Path | None = None) -> Template:
    """The ATRS template from the policy data (default: the bundled policies)."""
    path = (policy_dir or bundled_policy_dir()) / TEMPLATE_FILE
    try:
        data = load_yaml(path.read_text(encoding="utf-8")).data
        return Template.model_validate(data)
    except (OSError, UnicodeDecodeError, ParseError) as exc:
        raise AtrsError(f"{path}: cannot read the ATRS template: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise AtrsError(f"{path}: invalid ATRS template: {where}: {first['msg']}") from None


def norm(text: str) -> str:
    """Lower case, runs of anything but letters and digits as one space (as TRN-003 does)."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
