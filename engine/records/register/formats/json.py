"""The register as JSON (`ai-assure/register/v1`): sorted keys, two-space indent, stable."""

from __future__ import annotations

from dataclasses import asdict

from engine.records.register.build import REGISTER_SCHEMA, Register
from engine.records.register.formats.interface import RegisterFormat
from engine.render.jsondoc import dumps as json_document


class JsonRegister(RegisterFormat):
    """`risks` in register order, `systems` with their totals, and the `errors` that left
    manifests out (an empty list when the register is complete)."""

    name = "json"

    def render(self, register: Register) -> str:
        data = {
            "schema": REGISTER_SCHEMA,
            "as_of": register.as_of.isoformat(),
            "risks": [row.as_dict() for row in register.rows],
            "systems": [asdict(system) for system in register.systems],
            "errors": list(register.errors),
        }
        return json_document(data)
