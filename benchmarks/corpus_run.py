"""``briefgen extract`` over a corpus, beside its floor: words/s, --jobs speed-up, YAML share.

    python benchmarks/corpus_run.py ../shared/corpus/whitehouse [more folders] [--jobs 1 --jobs 2]
        [--repeat 3]

For each folder, ``briefgen -q extract FOLDER -o DIGEST --jobs N`` runs as a
whole process without a cache, once per ``--jobs`` value in turn, ``--repeat``
times (interleaved, so a change in the machine's load touches every value
alike); the digests of all runs must be byte-identical. Printed beside it:

- the floor: spaCy's tokenizer and sentencizer (its blank English pipeline)
  over the same article bodies, in words per second, timed in a process of
  its own once the bodies are read;
- the share of the digest's writing: ``dump_digest_bytes`` of the digest made,
  timed (CPU) in a process of its own, against the CPU of the ``--jobs 1``
  extraction (goal: at most 5%);
- the speed-up of each ``--jobs`` over the first (goal for two jobs: 1.6x).

Prints the machine, the commands, medians, and peak memory (of the process,
or of its largest worker).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import Run, briefgen, describe, run, show

YAML_GOAL = 0.05
JOBS_GOAL = 1.6


def floor(folder: Path) -> dict[str, float]:
    """Words of the article bodies, and seconds for spaCy to tokenize and split them."""
    import spacy

    from briefgen.ingest import read_article
    from briefgen.ingest.inputs import scan_inputs

    texts = []
    for path in scan_inputs(["."], root=folder).files:
        try:
            texts.append(read_article(path, root=folder).text)
        except Exception:  # counted as unreadable by briefgen too
            continue
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    start = time.process_time()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts))
    seconds = time.process_time() - start
    words = sum(len(t.split()) for t in texts)
    return {"words": words, "seconds": seconds, "sentences": sentences, "articles": len(texts)}


def yaml_share(digest: Path) -> dict[str, float]:
    """CPU seconds to write ``digest`` again (it is read first, untimed)."""
    from briefgen.digest import dump_digest_bytes, load_digest

    loaded = load_digest(digest)
    start = time.process_time()
    data = dump_digest_bytes(loaded)
    seconds = time.process_time() - start
    assert data == digest.read_bytes(), "the digest is not written as it was"
    return {"seconds": seconds}


def _child(kind: str, path: Path) -> dict[str, float]:
    command = [sys.executable, __file__, f"--{kind}", str(path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--jobs", type=int, action="append", help="worker processes (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--yaml", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor or args.yaml:
        print(json.dumps(floor(args.floor) if args.floor else yaml_share(args.yaml)))
        return 0
    jobs_list = args.jobs or [1]
    print(describe())
    ok = True
    for folder in args.folders:
        runs: dict[int, list[Run]] = {jobs: [] for jobs in jobs_list}
        hashes = set()
        with tempfile.TemporaryDirectory(prefix="briefgen-corpus-") as tmp:
            digest = Path(tmp) / "digest.yaml"
            for _ in range(args.repeat):
                for jobs in jobs_list:
                    command = [*briefgen(), "-q", "extract", str(folder), "-o", str(digest)]
                    runs[jobs].append(run([*command, "--jobs", str(jobs)]))
                    hashes.add(hashlib.sha256(digest.read_bytes()).hexdigest())
            written = _child("yaml", digest)
        base = _child("floor", folder)
        words = base["words"]
        print(f"{folder}: {base['articles']:.0f} articles read, {words:,.0f} words")
        print(f"  command: {show([*command, '--jobs', 'N'])}")
        print(
            f"  floor: spaCy's tokenizer and sentencizer over the same bodies: "
            f"{words / base['seconds']:,.0f} words/s ({base['seconds']:.2f} s CPU)"
        )
        first = statistics.median(r.seconds for r in runs[jobs_list[0]])
        for jobs, results in runs.items():
            median = statistics.median(r.seconds for r in results)
            print(
                f"  --jobs {jobs}: median {median:.2f} s over {len(results)} runs, "
                f"{words / median:,.0f} words/s, speed-up {first / median:.2f}x; "
                f"CPU {statistics.median(r.cpu_seconds for r in results):.2f} s; "
                f"peak memory {max(r.peak_mib for r in results):.0f} MiB"
            )
        cpu = statistics.median(r.cpu_seconds for r in runs[jobs_list[0]])
        share = written["seconds"] / cpu
        print(
            f"  writing the digest: {written['seconds']:.2f} s CPU = {share:.1%} of the "
            f"--jobs {jobs_list[0]} extraction's CPU (goal: at most {YAML_GOAL:.0%})"
        )
        same = len(hashes) == 1
        print(f"  digests of all runs byte-identical: {'yes' if same else 'NO'}")
        if 2 in runs and 1 in runs:
            two = statistics.median(r.seconds for r in runs[1]) / statistics.median(
                r.seconds for r in runs[2]
            )
            print(f"  --jobs 2 over --jobs 1: {two:.2f}x (goal: at least {JOBS_GOAL}x)")
        ok = ok and same
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
