"""Cold and warm ``briefgen build`` of the seeds to Markdown, HTML and PDF, whole process.

    python benchmarks/build_seeds.py [--repeat 5]

Each repeat copies the repository's workspace (config/ and seeds/) to a new
temporary folder and runs, as separate processes:

- cold: ``briefgen build`` with no build/ folder (no cache, nothing rendered);
  goal: at most 2 s;
- warm: the same build again with nothing changed (the cache answers and
  nothing is rendered); goal: at most 10% of the cold build;
- touched: one seed's modification time changed (content the same), then
  built again: must cost what the warm build costs.

Prints the machine, the command, the median and best of each, and peak memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from machine import Run, briefgen, describe, run, show

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    command = [*briefgen(), "build", "--format", "md,html,pdf"]
    print(describe())
    runs: dict[str, list[Run]] = {"cold": [], "warm": [], "touched": []}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
            ws = Path(tmp)
            shutil.copytree(ROOT / "config", ws / "config")
            shutil.copytree(ROOT / "seeds", ws / "seeds")
            runs["cold"].append(run(command, cwd=ws))
            runs["warm"].append(run(command, cwd=ws))
            seed = sorted((ws / "seeds").iterdir())[0]
            os.utime(seed)
            runs["touched"].append(run(command, cwd=ws))
            assert "up to date" in runs["warm"][-1].output, runs["warm"][-1].output
    print(f"command: {show(command, Path('<fresh copy of config/ and seeds/>'))}")
    cold = statistics.median(r.seconds for r in runs["cold"])
    for name, results in runs.items():
        times = [r.seconds for r in results]
        median = statistics.median(times)
        share = f" = {median / cold:.0%} of cold" if name != "cold" else ""
        cpu = statistics.median(r.cpu_seconds for r in results)
        print(
            f"{name:8s} build: median {median:.2f} s, best {min(times):.2f} s over "
            f"{len(times)} runs{share}; CPU {cpu:.2f} s;"
            f" peak memory {max(r.peak_mib for r in results):.0f} MiB"
        )
    print("goals: cold <= 2 s; warm <= 10% of cold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
