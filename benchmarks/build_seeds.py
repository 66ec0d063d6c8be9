"""Cold and unchanged ``briefgen build`` of the seeds, beside WeasyPrint alone, whole processes.

    python benchmarks/build_seeds.py [--repeat 5]

Each repeat copies the repository's workspace (config/ and seeds/) to new
temporary folders and runs, as separate processes, one after the other:

- analyst, md+html+pdf: ``briefgen build --audience analyst --format
  md,html,pdf`` with no build/ folder (cold; goal: at most 2.0 s), then the
  same again with nothing changed (unchanged, answered by the output
  folder's build stamp; goal: at most 10% of cold), then again with the
  stamp removed (what the whole build takes to find that nothing changed);
- three audiences, four formats: ``briefgen build`` (cold; goal: at most
  2.5 s), then again (unchanged), then with one seed's modification time
  changed, content the same (touched: must cost what the unchanged one does);
- the floor: WeasyPrint alone (a fresh Python that imports it and prints
  the analyst's brief.html; then one that prints all three audiences').

Prints the machine, the commands, the median and best of each, CPU and peak
memory (of the process, or of its largest child: the PDF is made in a
second process when two cores are free).

briefgen's own modules are byte-compiled first, as an installed briefgen's
are (pip compiles them): where ``PYTHONDONTWRITEBYTECODE`` is set and the
checkout has no ``__pycache__``, every run would compile each module it
imports from source, about 0.15 s of CPU a build that no user waits for.
``--as-is`` leaves them as they are.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from machine import Run, briefgen, describe, run, show

ROOT = Path(__file__).resolve().parent.parent
WEASYPRINT = (
    "import sys, weasyprint\n"
    "for path in sys.argv[1:]:\n"
    "    weasyprint.HTML(filename=path).write_pdf()\n"
)
AUDIENCES = ("executive", "analyst", "press")


def workspace(tmp: str, name: str) -> Path:
    ws = Path(tmp) / name
    shutil.copytree(ROOT / "config", ws / "config")
    shutil.copytree(ROOT / "seeds", ws / "seeds")
    return ws


def byte_compile() -> str:
    """briefgen's modules byte-compiled into their ``__pycache__``, as pip installs them."""
    spec = importlib.util.find_spec("briefgen")
    assert spec is not None and spec.submodule_search_locations
    package = Path(next(iter(spec.submodule_search_locations)))
    if not compileall.compile_dir(package, quiet=1):
        sys.exit(f"cannot byte-compile {package}")
    return f"bytecode: briefgen's modules in {package} byte-compiled first (--as-is: not)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--as-is", action="store_true", help="do not byte-compile briefgen's modules first"
    )
    args = parser.parse_args()
    analyst = [*briefgen(), "build", "--audience", "analyst", "--format", "md,html,pdf"]
    everything = [*briefgen(), "build"]
    print(describe())
    if args.as_is:
        writes = "not written" if sys.flags.dont_write_bytecode else "written on first use"
        print(f"bytecode: briefgen's modules as they are (PYTHONDONTWRITEBYTECODE: {writes})")
    else:
        print(byte_compile())
    runs: dict[str, list[Run]] = {}

    def note(name: str, result: Run) -> None:
        runs.setdefault(name, []).append(result)

    commands = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
            ws = workspace(tmp, "analyst")
            note("analyst md+html+pdf, cold", run(analyst, cwd=ws))
            note("analyst md+html+pdf, unchanged", run(analyst, cwd=ws))
            (ws / "build" / ".cache" / "build-stamp.json").unlink()
            note("analyst md+html+pdf, unchanged, no stamp", run(analyst, cwd=ws))
            html = ws / "build" / "analyst" / "brief.html"
            commands["weasyprint"] = [sys.executable, "-c", WEASYPRINT, "<analyst's brief.html>"]
            note("WeasyPrint alone, analyst", run([sys.executable, "-c", WEASYPRINT, str(html)]))
            ws = workspace(tmp, "all")
            note("3 audiences x 4 formats, cold", run(everything, cwd=ws))
            note("3 audiences x 4 formats, unchanged", run(everything, cwd=ws))
            assert "up to date" in runs["3 audiences x 4 formats, unchanged"][-1].output
            os.utime(sorted((ws / "seeds").iterdir())[0])
            note("3 audiences x 4 formats, touched", run(everything, cwd=ws))
            pages = [str(ws / "build" / a / "brief.html") for a in AUDIENCES]
            note("WeasyPrint alone, 3 audiences", run([sys.executable, "-c", WEASYPRINT, *pages]))
    where = Path("<fresh copy of config/ and seeds/>")
    print(f"commands: {show(analyst, where)}; {show(everything, where)};")
    print(f"  floor: {show(commands['weasyprint'])} (three files for three audiences)")
    cold = {}
    for name, results in runs.items():
        times = [r.seconds for r in results]
        median = statistics.median(times)
        kind = name.split(", ", 1)[0]
        if name.endswith("cold"):
            cold[kind] = median
        later = not name.endswith("cold") and not name.startswith("WeasyPrint")
        share = f" = {median / cold[kind]:.0%} of cold" if later else ""
        print(
            f"{name:38s} median {median:.2f} s, best {min(times):.2f} s over {len(times)} runs"
            f"{share}; CPU {statistics.median(r.cpu_seconds for r in results):.2f} s;"
            f" peak memory {max(r.peak_mib for r in results):.0f} MiB"
        )
    print("goals: analyst md+html+pdf cold <= 2.0 s; 3 audiences x 4 formats cold <= 2.5 s;")
    print("       unchanged <= 10% of cold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
