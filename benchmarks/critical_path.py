"""The CPU time on a cold build's critical path, which a shared machine does not blur.

    python benchmarks/critical_path.py [--repeat 5] [--against CHECKOUT] [BUILD OPTION ...]

A cold build of the seeds runs in two processes: this one extracts, and the
PDF worker (forked when extraction starts) imports WeasyPrint meanwhile,
then lays out the PDFs once the digest exists. On an idle machine its wall
time is the CPU time of that path: the build's own until the digest exists,
then the worker's for the PDFs, then the build's until it exits. On a
loaded machine the wall time is rather the CPU time of both processes
stretched by the load, and says little about the path; this script measures
the path itself, from inside each process (``time.process_time`` at those
three points, the functions wrapped from here, nothing changed in
briefgen), for a fresh copy of config/ and seeds/ each run. It takes the
worker to be warm when the digest arrives, as it is: its warm-up is about
half a second of CPU, extraction after the fork nearly a second.

``--against CHECKOUT`` runs another checkout of briefgen (a ``git worktree``
or ``git archive`` of the code before) in turn with this one, through
``PYTHONPATH``. The build options default to the analyst's md+html+pdf; pass
``--`` and none for all three audiences in all four formats. briefgen's
modules are byte-compiled first on both sides, as in ``build_seeds.py``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from machine import describe

ROOT = Path(__file__).resolve().parent.parent
ANALYST = ["--audience", "analyst", "--format", "md,html,pdf"]

# Run in the build's process: marks the CPU time of each process at the path's three points.
_PROBE = r"""
import json, os, sys, time

marks = []


def mark(what):
    marks.append((os.getpid(), what, time.process_time()))


import briefgen.pipeline as pipeline

extract, render_outputs = pipeline.extract_digest, pipeline.render_outputs


def extract_digest(*args, **kwargs):
    try:
        return extract(*args, **kwargs)
    finally:
        mark("digest")


def outputs(*args, **kwargs):
    try:
        return render_outputs(*args, **kwargs)
    finally:
        mark("rendered")


pipeline.extract_digest, pipeline.render_outputs = extract_digest, outputs
import briefgen.render.pdfworker as pdfworker  # the worker inherits the wrapper at fork

_render = pdfworker._render


def render(job, audiences):
    mark("pdf start")
    try:
        return _render(job, audiences)
    finally:
        mark("pdf end")
        with open(os.environ["PROBE_OUT"], "a") as out:  # a copy leaves by os._exit: now
            out.write(json.dumps(marks) + "\n")


pdfworker._render = render
sys.argv = ["briefgen", "build", "-q", *sys.argv[1:]]
import atexit

from briefgen.cli import main


def at_exit():
    mark("exit")
    with open(os.environ["PROBE_OUT"], "a") as out:
        out.write(json.dumps(marks) + "\n")


atexit.register(at_exit)
main()  # ends the process, after the exit handlers
"""


def one_build(checkout: Path, options: list[str], tmp: Path) -> dict[str, float]:
    ws = tmp / "ws"
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(ROOT / "config", ws / "config")
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    marks_file = tmp / "marks.jsonl"
    marks_file.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(checkout), "PROBE_OUT": str(marks_file)}
    subprocess.run([sys.executable, "-c", _PROBE, *options], cwd=ws, env=env, check=True)
    marks = [m for line in marks_file.read_text().splitlines() for m in json.loads(line)]
    parent = next(pid for pid, what, _ in marks if what == "exit")
    at = {what: cpu for pid, what, cpu in marks if pid == parent}
    # The worker and its copy: each one's PDF time; the path waits for the longest.
    spans: dict[int, float] = {}
    for pid, what, cpu in marks:
        if pid != parent and what in ("pdf start", "pdf end"):
            spans[pid] = spans.get(pid, 0.0) + (cpu if what == "pdf end" else -cpu)
    pdf = max(spans.values(), default=0.0)
    after = at["exit"] - at["rendered"]
    return {
        "to digest": at["digest"],
        "PDF after it": pdf,
        "after the PDF": after,
        "critical path": at["digest"] + pdf + after,
        "this process": at["exit"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout of briefgen, in turn")
    parser.add_argument("options", nargs="*", help="build options [default: analyst md,html,pdf]")
    args = parser.parse_args()
    options = args.options if args.options or "--" in sys.argv else ANALYST
    sides = {"this checkout": ROOT}
    if args.against:
        sides["against"] = args.against.resolve()
    for checkout in sides.values():
        if not compileall.compile_dir(checkout / "briefgen", quiet=1):
            sys.exit(f"cannot byte-compile {checkout / 'briefgen'}")
    print(describe())
    print(f"build options: {' '.join(options) or '(none: every audience and format)'}")
    results: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    with tempfile.TemporaryDirectory(prefix="briefgen-path-") as tmp:
        for _ in range(args.repeat):
            for name, checkout in sides.items():
                results[name].append(one_build(checkout, options, Path(tmp)))
    for name, runs in results.items():
        parts = ", ".join(
            f"{part} {statistics.median(r[part] for r in runs):.2f} s" for part in runs[0]
        )
        print(f"{name} ({sides[name]}): CPU seconds, medians of {len(runs)}: {parts}")
    print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
