"""An unchanged rebuild against the cold build of the same workspace, whole process.

    python benchmarks/rebuild.py ../shared/corpus/whitehouse seeds [--repeat 3]

For each folder of articles and each repeat, a new workspace (``briefgen
init``, the folder copied into ``articles/``) is built twice with
``briefgen build --audience analyst --format md``: cold (no build/ folder,
no cache), then again with nothing changed, which should find the whole
batch in the cache and write nothing (the output folder's build stamp says
so before the config or the renderers are loaded). Goal: the unchanged rebuild at most
10% of the cold build. Prints the machine, the commands, the median of each
and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from machine import Run, briefgen, describe, run, show

GOAL = 0.10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    command = [*briefgen(), "build", "--audience", "analyst", "--format", "md"]
    print(describe())
    print(f"command: {show(command, Path('<new workspace>'))}, cold then unchanged")
    met = True
    for folder in args.folders:
        cold: list[Run] = []
        warm: list[Run] = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory(prefix="briefgen-rebuild-") as tmp:
                ws = Path(tmp) / "ws"
                run([*briefgen(), "-q", "init", str(ws)])
                shutil.rmtree(ws / "articles", ignore_errors=True)
                shutil.copytree(folder, ws / "articles")
                cold.append(run(command, cwd=ws))
                warm.append(run(command, cwd=ws))
                assert "up to date" in warm[-1].output, warm[-1].output
        c = statistics.median(r.seconds for r in cold)
        w = statistics.median(r.seconds for r in warm)
        ratio = w / c
        met = met and ratio <= GOAL
        print(f"{folder}: {len(list(folder.rglob('*.*')))} files")
        for name, runs in (("cold", cold), ("unchanged", warm)):
            print(
                f"  {name:9s} build: median {statistics.median(r.seconds for r in runs):.2f} s "
                f"(CPU {statistics.median(r.cpu_seconds for r in runs):.2f} s) over {len(runs)} "
                f"runs; peak memory {max(r.peak_mib for r in runs):.0f} MiB"
            )
        print(f"  unchanged rebuild = {ratio:.1%} of cold (goal: at most {GOAL:.0%})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
