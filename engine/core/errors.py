"""The root of every refusal the engine makes.

Anything the engine refuses to work with (a bad manifest, a path outside the repository, a
policy that does not compile, a bundle that does not verify, ...) raises a subclass of
`AssuranceError`. The assessment turns one into an `error` report and the command line into
exit 2 with its message (docs/contracts.md, exit codes); any other exception is a bug, which
still fails closed but is reported as an internal error.
"""

from __future__ import annotations


class AssuranceError(Exception):
    """Something the engine refuses to assess or produce; the message says what and why."""

    @property
    def problems(self) -> list[str]:
        """The messages to show, one per line (most errors have one)."""
        return [str(self)]
