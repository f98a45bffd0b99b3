"""Running a helper program (OPA) so that it never outlives the run.

A signal that ends the run (`engine.core.interrupts`) can arrive at any moment, also while
`subprocess.Popen` is still starting the child, when nothing would stop it: the child would
run on after ai-assure exited. So the interrupt is deferred while the child starts, and once
it is running, any exception at all (an interrupt, a timeout) kills and reaps it.
"""

from __future__ import annotations

import subprocess

from engine.core.interrupts import deferred


def run_process(
    command: list[str], *, timeout: float, stdin: str | None = None, cwd: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`command`'s result (text), the child killed and reaped if anything interrupts it;
    `subprocess.TimeoutExpired` after `timeout` seconds."""
    process: subprocess.Popen[str] | None = None
    try:
        with deferred():  # an interrupt now is raised once `process` is set
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=cwd,
            )
        stdout, stderr = process.communicate(stdin, timeout=timeout)
    except BaseException:
        if process is not None:
            process.kill()
            process.communicate()  # reaps it and closes the pipes
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
