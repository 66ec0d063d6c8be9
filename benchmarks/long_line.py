"""Is any stage quadratic on one enormous line? Time reading and extraction at growing sizes.

    python benchmarks/long_line.py              # 1, 2, 4 and 10 MB
    python benchmarks/long_line.py 1 2 4 8

A file that is one 10 MB line (a scraper that lost every line break) is under
the default size limit, so it must be read and extracted in time that grows
with its size, not its square. Each size is written as a single line of
news-like sentences (titles, names, meeting verbs, places, so every
extraction rule has work to do) and timed through ``read_article``
(decoding, mojibake check, tidying, sentence splitting) and ``extract``.
The seconds per MB should stay about the same from size to size.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from briefgen.extract import extract
from briefgen.ingest import assign_ids, read_article
from briefgen.ingest.nlp import split_sentences

_WORDS = [
    "the", "minister", "met", "his", "counterpart", "in", "Seoul", "on", "Monday", "and",
    "they", "agreed", "to", "talk", "again", "about", "trade", "security", "climate", "and",
    "the", "alliance", "while", "officials", "said", "talks", "went", "well",
]  # fmt: skip
_PEOPLE = (
    "President Moon Jae-in",
    "Foreign Minister Chung Eui-yong",
    "Secretary of State Antony Blinken",
    "spokesperson Ned Price",
    "his Italian counterpart, Luigi Di Maio,",
)


def one_line(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = f"{rng.choice(_PEOPLE)} {' '.join(rng.choices(_WORDS, k=15))}. "
        parts.append(sentence)
        length += len(sentence)
    return "A headline\n\n" + "".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("megabytes", nargs="*", type=float, default=[1, 2, 4, 10])
    args = parser.parse_args()
    split_sentences("Warm up. The pipeline loads once.")
    print(f"{'MB':>5} {'read s':>8} {'s/MB':>6} {'extract s':>10} {'s/MB':>6} {'sentences':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for mb in args.megabytes:
            path = Path(folder) / "line.txt"
            path.write_text(one_line(int(mb * 1_000_000)), encoding="utf-8")
            t0 = time.perf_counter()
            article = read_article(path, max_bytes=50_000_000)
            t1 = time.perf_counter()
            extract(assign_ids([article]))
            t2 = time.perf_counter()
            print(
                f"{mb:>5g} {t1 - t0:>8.1f} {(t1 - t0) / mb:>6.1f} {t2 - t1:>10.1f} "
                f"{(t2 - t1) / mb:>6.1f} {len(article.sentences):>10,}",
                flush=True,
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MiB", file=sys.stderr)


if __name__ == "__main__":
    main()
