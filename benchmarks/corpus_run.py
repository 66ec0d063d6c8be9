"""Run ingestion and extraction over a corpus folder; report counts, failures and speed.

    python benchmarks/corpus_run.py ../shared/corpus/whitehouse [more folders...]
    python benchmarks/corpus_run.py --spacy-model en_core_web_sm ../shared/corpus/whitehouse

Each folder is one batch (facts merge across its articles, as in a build).
Prints articles read, skipped, facts found per kind, words per second of the
extraction stage alone, of sentence splitting plus extraction (the extractor
as a user of already-read text sees it), and of the whole run from files,
and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from briefgen.config import ExtractionSettings
from briefgen.errors import InputError
from briefgen.extract import extract
from briefgen.ingest import assign_ids, find_inputs, read_article
from briefgen.nlp import split_sentences


def run(folder: Path, settings: ExtractionSettings) -> None:
    t0 = time.perf_counter()
    articles, failures = [], []
    for path in find_inputs(["."], root=folder):
        try:
            articles.append(read_article(path, root=folder))
        except InputError as e:
            failures.append(str(e))
    articles = assign_ids(articles)
    t1 = time.perf_counter()
    digest = extract(articles, settings)
    t2 = time.perf_counter()
    for article in articles:  # again, alone: the share of reading that is spaCy's
        split_sentences(article.text)
    split = time.perf_counter() - t2
    words = sum(len(a.text.split()) for a in articles)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{folder}: {len(articles)} articles, {words:,} words, {len(failures)} unreadable")
    for failure in failures:
        print(f"  unreadable: {failure}")
    print(
        f"  facts: {len(digest.people)} people, {len(digest.meetings)} meetings, "
        f"{len(digest.agreements)} agreements, {len(digest.disagreements)} disagreements, "
        f"{len(digest.proposals)} proposals"
    )
    print(
        f"  speed: extraction {words / (t2 - t1):,.0f} words/s; sentences+extraction "
        f"{words / (t2 - t1 + split):,.0f} words/s; ingestion+extraction "
        f"{words / (t2 - t0):,.0f} words/s ({t2 - t0:.1f} s); peak memory {peak_mib:,.0f} MiB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--spacy-model", help="installed trained spaCy pipeline to add")
    args = parser.parse_args()
    settings = ExtractionSettings(spacy_model=args.spacy_model)
    for folder in args.folders:
        run(folder, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
