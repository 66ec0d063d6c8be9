"""What every benchmark prints first: the machine, and how to run a command measured.

Figures mean little without the machine (cores, CPU model, Python) and the
load it was under, so each benchmark prints them beside its figures.
``run`` times one whole process and reads its peak memory from ``wait4``:
the resident peak of that process (or of its largest worker, which the
kernel reports for waited-for children).
"""

from __future__ import annotations

import os
import platform
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def describe() -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"machine: {usable} cores usable of {os.cpu_count()}, {cpu_model()}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}; "
        f"load average {load}"
    )


@dataclass
class Run:
    seconds: float
    peak_mib: float
    output: str
    cpu_seconds: float = 0.0  # user + system, of the process and its waited-for workers


def run(command: list[str], *, cwd: Path | None = None, check: bool = True) -> Run:
    """Run ``command`` as its own process; its wall time and peak resident memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {shlex.join(command)}\n{output}")
    # ru_maxrss is in KiB on Linux.
    return Run(seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime)


def briefgen() -> list[str]:
    """briefgen as the user runs it, from the same Python as this script."""
    return [sys.executable, "-m", "briefgen"]


def show(command: list[str], cwd: Path | None = None) -> str:
    where = f"(in {cwd}) " if cwd else ""
    return where + shlex.join(command)
