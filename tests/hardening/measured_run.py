"""Run a command and write its peak RSS (KiB) to a file: `python measured_run.py OUT -- CMD...`.

Why a separate small process: on Linux a process's peak RSS is not reset by `exec`, so a
command started straight from pytest reports at least pytest's own RSS at the time of the
fork (hundreds of MB late in a run). Started from this fresh, small interpreter instead, the
command's peak is its own. Exits with the command's exit code (128 + N for signal N).
"""

import os
import subprocess
import sys


def main() -> None:
    out, separator, *command = sys.argv[1:]
    assert separator == "--", "usage: measured_run.py OUT -- COMMAND..."
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    with open(out, "w", encoding="ascii") as stream:
        stream.write(str(usage.ru_maxrss))
    code = os.waitstatus_to_exitcode(status)
    sys.exit(128 - code if code < 0 else code)


if __name__ == "__main__":
    main()
