"""Run ingestion and extraction over a corpus folder; report counts, failures and speed.

    python benchmarks/corpus_run.py ../shared/corpus/whitehouse [more folders...]
    python benchmarks/corpus_run.py --jobs 1 --jobs 2 ../shared/corpus/whitehouse
    python benchmarks/corpus_run.py --spacy-model en_core_web_sm ../shared/corpus/whitehouse

Each folder is one batch (facts merge across its articles, as in a build),
read and extracted without a cache. Each ``--jobs`` value runs in a fresh
process, so none starts with another's loaded pipelines; the digests of all
of them must be byte-identical, and the speed-up over the first is printed.
Prints the machine, articles read, skipped, facts found per kind, words per
second of reading plus extraction, and peak memory (the main process and
the largest worker).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from machine import describe


def child(folder: Path, jobs: int, spacy_model: str | None) -> dict[str, object]:
    from briefgen.config import ExtractionSettings
    from briefgen.digest import dump_digest
    from briefgen.extract import extract
    from briefgen.pipeline import read_articles
    from briefgen.runtime.executors import LocalExecutor
    from briefgen.runtime.run import Runtime

    t0 = time.perf_counter()
    settings = ExtractionSettings(rules={"spacy_model": spacy_model}, jobs=jobs, cache=False)
    run = Runtime(executor=LocalExecutor(jobs))
    articles, skipped = read_articles(["."], root=folder, run=run)
    digest = extract(articles, settings, run=run)
    seconds = time.perf_counter() - t0
    facts = (
        f"{len(digest.people)} people, {len(digest.meetings)} meetings, "
        f"{len(digest.agreements)} agreements, {len(digest.disagreements)} disagreements, "
        f"{len(digest.proposals)} proposals"
    )
    return {
        "jobs": jobs,
        "seconds": seconds,
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "skipped": [s.reason for s in skipped],
        "facts": facts,
        "sha256": hashlib.sha256(dump_digest(digest).encode()).hexdigest(),
        "peak_main_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--spacy-model", help="installed trained spaCy pipeline to add")
    parser.add_argument("--jobs", type=int, action="append", help="worker processes (repeatable)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    jobs_list = args.jobs or [1]
    if args.child:
        print(json.dumps(child(args.folders[0], jobs_list[0], args.spacy_model)))
        return 0
    print(describe())
    for folder in args.folders:
        runs = []
        for jobs in jobs_list:
            command = [sys.executable, __file__, "--child", "--jobs", str(jobs), str(folder)]
            if args.spacy_model:
                command += ["--spacy-model", args.spacy_model]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
        first = runs[0]
        print(f"{folder}: {first['articles']} articles, {first['words']:,} words, "
              f"{len(first['skipped'])} unreadable")  # fmt: skip
        for reason in first["skipped"]:
            print(f"  unreadable: {reason}")
        print(f"  facts: {first['facts']}")
        for r in runs:
            print(
                f"  --jobs {r['jobs']}: {r['seconds']:.1f} s, {r['words'] / r['seconds']:,.0f} "
                f"words/s (reading + extraction), speed-up {first['seconds'] / r['seconds']:.2f}x;"
                f" peak memory {r['peak_main_mib']:.0f} MiB main, "
                f"{r['peak_worker_mib']:.0f} MiB largest worker"
            )
        same = len({r["sha256"] for r in runs}) == 1
        print(f"  digests of all runs byte-identical: {'yes' if same else 'NO'}")
        if not same:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
