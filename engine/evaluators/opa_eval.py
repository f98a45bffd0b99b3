"""`--evaluator opa`: the real OPA binary (`opa eval`), one process per check.

The binary comes from `--opa-binary`, else `$AI_ASSURE_OPA`, else `opa` on PATH. Builtin
errors are strict, as in the embedded evaluator, so both fail on the same policy errors.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from engine.core.files import executable_path
from engine.core.limits import DEFAULT_TIMEOUT_S
from engine.core.processes import run_process
from engine.evaluators._materialise import materialised
from engine.evaluators.interface import ENTRYPOINT, LOCAL_ENTRYPOINT, EvaluationError, Evaluator
from engine.policy.sources import PolicySet


def find_opa(explicit: str | Path | None = None) -> str:
    """The OPA binary to run, or `EvaluationError` saying how to provide one."""
    candidate = str(explicit) if explicit else os.environ.get("AI_ASSURE_OPA") or "opa"
    found = executable_path(candidate)
    if not found:
        raise EvaluationError(
            f"OPA binary {candidate!r} not found: install OPA, or pass --opa-binary / set "
            "AI_ASSURE_OPA (scripts/install-opa builds the tested version)"
        )
    return found


class OpaEvalEvaluator(Evaluator):
    name = "opa"

    def __init__(self, opa_binary: str | Path | None = None, timeout: float = DEFAULT_TIMEOUT_S):
        self.opa_binary = opa_binary
        self.timeout = timeout

    def evaluate(self, policies: PolicySet, input_document: dict[str, Any]) -> dict[str, Any]:
        """The governance result, from the governance modules alone; with local rules, their
        result under `local_rules` from a second evaluation that adds the local modules."""
        binary = find_opa(self.opa_binary)
        stdin = json.dumps(input_document)
        result = self._eval(binary, policies.governance_only(), ENTRYPOINT, stdin)
        if policies.has_local:
            result = {
                **result,
                "local_rules": self._eval(binary, policies, LOCAL_ENTRYPOINT, stdin),
            }
        return result

    def _eval(
        self, binary: str, policies: PolicySet, entrypoint: str, stdin: str
    ) -> dict[str, Any]:
        query = "data." + entrypoint.replace("/", ".")
        with materialised(policies) as folder:
            command = [
                binary,
                "eval",
                "--format",
                "json",
                "--stdin-input",
                "--strict-builtin-errors",
                "--data",
                str(folder),
                query,
            ]
            completed = self._run(command, stdin)
        return parse_eval_output(completed.stdout, completed.returncode, query)

    def _run(self, command: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
        try:
            return run_process(command, stdin=stdin, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise EvaluationError(
                f"opa eval did not finish within {self.timeout:g} s (the limit is --timeout)"
            ) from None
        except OSError as exc:
            raise EvaluationError(f"cannot run {command[0]}: {exc.strerror or exc}") from None


def parse_eval_output(stdout: str, returncode: int, query: str) -> dict[str, Any]:
    """The entry point's value from `opa eval --format json` output."""
    try:
        output = json.loads(stdout)
    except json.JSONDecodeError:
        raise EvaluationError(f"opa eval exited {returncode} with unreadable output") from None
    if not isinstance(output, dict):
        raise EvaluationError("opa eval output is not a JSON object")
    if output.get("errors") or returncode != 0:
        messages = [_describe(error) for error in output.get("errors") or []]
        raise EvaluationError("opa eval failed: " + ("; ".join(messages) or f"exit {returncode}"))
    try:
        value = output["result"][0]["expressions"][0]["value"]
    except (KeyError, IndexError, TypeError):
        raise EvaluationError(f"{query} is undefined: the policies define no result") from None
    if not isinstance(value, dict):
        raise EvaluationError(f"{query} is not an object")
    return value


def _describe(error: Any) -> str:
    if not isinstance(error, dict):
        return str(error)
    location = error.get("location") or {}
    where = f"{location.get('file')}:{location.get('row')}: " if location.get("file") else ""
    return f"{where}{error.get('message', 'unknown error')}"
