"""Run ingestion and extraction over a corpus folder; report counts, failures and speed.

    python benchmarks/corpus_run.py ../shared/corpus/whitehouse [more folders...]
    python benchmarks/corpus_run.py --jobs 1 --jobs 2 ../shared/corpus/whitehouse
    python benchmarks/corpus_run.py --spacy-model en_core_web_sm ../shared/corpus/whitehouse
    python benchmarks/corpus_run.py --extractor parse --tokenizer ../shared/corpus/whitehouse

Each folder is one batch (facts merge across its articles, as in a build),
read and extracted without a cache. Each ``--jobs`` value runs in a fresh
process, so none starts with another's loaded pipelines; the digests of all
of them must be byte-identical, and the speed-up over the first is printed.
Prints the machine, articles read, skipped, facts found per kind, words per
second of reading plus extraction (inside the run, and for the whole process
with its start-up), and peak memory (the main process and the largest
worker). With ``--tokenizer`` the same run also times spaCy's bare
blank-English tokenizer over the same texts, the yardstick the speed goal of
the parse extractor is set against.
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


def child(
    folder: Path, jobs: int, spacy_model: str | None, extractor: str, tokenizer: bool
) -> dict[str, object]:
    from briefgen.config import ExtractionSettings
    from briefgen.digest import dump_digest
    from briefgen.extract import extract
    from briefgen.pipeline import read_articles
    from briefgen.runtime.executors import LocalExecutor
    from briefgen.runtime.run import Runtime

    t0 = time.perf_counter()
    settings = ExtractionSettings(
        extractor=extractor,
        rules={"spacy_model": spacy_model} if extractor == "rules" else {},
        jobs=jobs,
        cache=False,
    )
    run = Runtime(executor=LocalExecutor(jobs))
    articles, skipped = read_articles(["."], root=folder, run=run)
    digest = extract(articles, settings, run=run)
    seconds = time.perf_counter() - t0
    facts = (
        f"{len(digest.people)} people, {len(digest.meetings)} meetings, "
        f"{len(digest.agreements)} agreements, {len(digest.disagreements)} disagreements, "
        f"{len(digest.proposals)} proposals"
    )
    words = sum(len(a.text.split()) for a in articles)
    tokenizer_wps = None
    if tokenizer:
        import spacy

        blank = spacy.blank("en")
        t1 = time.perf_counter()
        for article in articles:
            blank.tokenizer(article.text)
        tokenizer_wps = words / (time.perf_counter() - t1)
    return {
        "tokenizer_wps": tokenizer_wps,
        "jobs": jobs,
        "seconds": seconds,
        "articles": len(articles),
        "words": words,
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
    parser.add_argument("--extractor", default="rules", help="extractor to run (default rules)")
    parser.add_argument(
        "--tokenizer", action="store_true", help="also time spaCy's blank English tokenizer"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    jobs_list = args.jobs or [1]
    if args.child:
        found = child(
            args.folders[0], jobs_list[0], args.spacy_model, args.extractor, args.tokenizer
        )
        print(json.dumps(found))
        return 0
    print(describe())
    for folder in args.folders:
        runs = []
        for jobs in jobs_list:
            command = [sys.executable, __file__, "--child", "--jobs", str(jobs), str(folder)]
            command += ["--extractor", args.extractor]
            if args.spacy_model:
                command += ["--spacy-model", args.spacy_model]
            if args.tokenizer:
                command.append("--tokenizer")
            started = time.perf_counter()
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            run = json.loads(out.strip().splitlines()[-1])
            run["process_seconds"] = time.perf_counter() - started
            runs.append(run)
        first = runs[0]
        print(f"{folder}: {first['articles']} articles, {first['words']:,} words, "
              f"{len(first['skipped'])} unreadable")  # fmt: skip
        for reason in first["skipped"]:
            print(f"  unreadable: {reason}")
        print(f"  extractor: {args.extractor}; facts: {first['facts']}")
        for r in runs:
            print(
                f"  --jobs {r['jobs']}: {r['seconds']:.1f} s, {r['words'] / r['seconds']:,.0f} "
                f"words/s (reading + extraction), speed-up {first['seconds'] / r['seconds']:.2f}x;"
                f" peak memory {r['peak_main_mib']:.0f} MiB main, "
                f"{r['peak_worker_mib']:.0f} MiB largest worker"
            )
            print(
                f"    whole process, start-up included: {r['process_seconds']:.1f} s, "
                f"{r['words'] / r['process_seconds']:,.0f} words/s"
            )
            if r["tokenizer_wps"]:
                print(f"    spaCy blank English tokenizer: {r['tokenizer_wps']:,.0f} words/s")
        same = len({r["sha256"] for r in runs}) == 1
        print(f"  digests of all runs byte-identical: {'yes' if same else 'NO'}")
        if not same:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
