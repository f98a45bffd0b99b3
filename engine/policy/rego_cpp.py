"""Running Rego with Microsoft's rego-cpp (`regopy`): the interpreter every use of it starts
from, and its error messages. regopy is imported only when one of these is called."""

from __future__ import annotations

import re
from typing import Any

_ERROR_MESSAGE = re.compile(r"\(errormsg \d+:(.*?)\)\s*$", re.M)


def interpreter() -> Any:
    """A regopy interpreter with strict builtin errors (an error is never undefined)."""
    import regopy

    interpreter = regopy.Interpreter()
    interpreter.strict_built_in_errors = True
    return interpreter


def error_messages(output: Any) -> list[str]:
    """Messages from regopy's error node (its string form is only `<error>`)."""
    from regopy.rego_shared import rego_node_json

    node = output.node()
    texts = [rego_node_json(node.at(index)._impl) for index in range(len(node))]
    messages = [match.strip() for text in texts for match in _ERROR_MESSAGE.findall(text)]
    return messages or ["unknown error"]
