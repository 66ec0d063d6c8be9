"""Does a 10x larger corpus cost 10x, not more? Time and peak memory of extraction.

    python benchmarks/scale.py ../shared/corpus/whitehouse [--factor 10] [--jobs 2] [--limit N]

Makes, in a temporary folder, the corpus once and ``--factor`` times (the same
texts repeated under new names, each copy ending in a line of its own so that
none is a duplicate, so ids and facts multiply), then runs
``briefgen extract`` over each as a separate process, without a cache.
Prints the machine, the commands, time and peak memory of both, and how
each grew against the corpus. Goals: the time at most the factor (no worse
than linear); the peak memory at most 1.5 times the smaller run's (articles'
text released once their facts are out, the digest written as a stream).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from machine import briefgen, describe, run, show

MEMORY_GOAL = 1.5


def make_corpus(source: Path, target: Path, copies: int, limit: int | None) -> int:
    files = sorted(p for p in source.rglob("*") if p.is_file() and not p.name.startswith("."))
    files = files[:limit] if limit else files
    target.mkdir(parents=True)
    for copy in range(copies):
        for path in files:
            # A last paragraph of its own, or briefgen would count the copies
            # once as duplicates and extract the corpus only once.
            data = path.read_bytes().rstrip() + f"\n\nArchive copy {copy}.\n".encode()
            (target / f"copy{copy:03d}-{path.name}").write_bytes(data)
    return len(files) * copies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=None, help="default: one per core")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    args = parser.parse_args()
    print(describe())
    results = {}
    with tempfile.TemporaryDirectory(prefix="briefgen-scale-") as tmp:
        for copies in (1, args.factor):
            folder = Path(tmp) / f"x{copies}"
            count = make_corpus(args.corpus, folder, copies, args.limit)
            command = [*briefgen(), "-q", "extract", str(folder), "-o", f"{folder}.yaml"]
            if args.jobs:
                command += ["--jobs", str(args.jobs)]
            result = run(command)
            results[copies] = result
            print(f"x{copies}: {count} articles: {result.seconds:.1f} s, "
                  f"{count / result.seconds:.1f} articles/s, CPU {result.cpu_seconds:.1f} s, "
                  f"peak memory {result.peak_mib:.0f} MiB")  # fmt: skip
            print(f"  command: {show(command)}")
    one, many = results[1], results[args.factor]
    time_ratio = many.seconds / one.seconds
    memory_ratio = many.peak_mib / one.peak_mib
    cpu_ratio = many.cpu_seconds / one.cpu_seconds
    print(
        f"{args.factor}x the corpus: {time_ratio:.2f}x the time (goal: at most {args.factor}x; "
        f"CPU {cpu_ratio:.2f}x), "
        f"{memory_ratio:.2f}x the peak memory (goal: at most {MEMORY_GOAL}x)"
    )
    if hasattr(os, "getloadavg"):  # the load changes over a long run: at the end too
        print("load average at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0 if time_ratio <= args.factor and memory_ratio <= MEMORY_GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
