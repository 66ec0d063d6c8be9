"""Where the parse extractor's time goes, in one process: CPU seconds per step.

    python benchmarks/parse_split.py ../shared/corpus/whitehouse

Reads the corpus as ``briefgen extract`` does, then times, each on its own:
the floor (spaCy's blank tokenizer and sentencizer over the same bodies),
ingestion (reading, cleaning, splitting into sentences), the rules'
introductions and party mentions, choosing the sentences to parse, the
names made one word (tokenizing included), the parser's model over the
chosen sentences, the parse turned into plain data and the whole
extraction after ingestion (``extract``: people, reading facts, merging) on
the same articles. What the steps do not account for of ``extract`` is the
rest: reading facts, people, merging, the digest. Start-up (imports, loading
the model) is timed apart. Words are the bodies' whitespace-separated words.

Then the model's time per component: the same sentences again, each running
component over a batch of them in turn (the tagger and lemmatizer the
extractor disables are left out), with its tokens per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from machine import describe


def _cpu() -> float:
    return time.process_time()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args()
    print(describe())
    start = _cpu()
    import spacy

    from briefgen.extract import extract
    from briefgen.extract.parse.article import _NOT_NEEDED, _stand_ins, select
    from briefgen.extract.parse.lexicon import lexicon
    from briefgen.extract.parse.tokens import from_spacy
    from briefgen.extract.parser import load
    from briefgen.extract.work import prepare_text, warm_facts, warm_preparing
    from briefgen.ingest import assign_ids, read_article
    from briefgen.ingest.inputs import scan_inputs
    from briefgen.ingest.nlp import pipeline

    nlp = load()
    pipeline()
    warm_preparing(None)
    warm_facts()
    lex = lexicon()
    startup = _cpu() - start

    steps: dict[str, float] = {}

    def timed(name: str, since: float) -> None:
        steps[name] = _cpu() - since

    t = _cpu()
    articles = assign_ids(
        [read_article(p, root=args.corpus) for p in scan_inputs(["."], root=args.corpus).files]
    )
    timed("ingestion (read, clean, split into sentences)", t)
    words = sum(len(a.text.split()) for a in articles)

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    t = _cpu()
    for _ in blank.pipe(a.text for a in articles):
        pass
    floor = _cpu() - t

    t = _cpu()
    for a in articles:
        prepare_text(a, spacy_model=None)
    timed("the rules' introductions and parties", t)
    t = _cpu()
    chosen = [(a, n) for a in articles for n in select(a, lex)]
    timed("choosing the sentences to parse", t)
    t = _cpu()
    texts = [a.sentence_text(a.sentences[n]) for a, n in chosen]
    prepared = [_stand_ins(nlp.make_doc(text), nlp) for text in texts]
    timed("tokenizing and names as one word", t)
    disable = [name for name in _NOT_NEEDED if name in nlp.pipe_names]
    t = _cpu()
    docs = list(nlp.pipe((doc for doc, _ in prepared), batch_size=256, disable=disable))
    timed("the parser's model", t)
    t = _cpu()
    for (a, n), text, (_, origin), doc in zip(chosen, texts, prepared, docs, strict=True):
        from_spacy(doc, text, origin, a.sentences[n].start)
    timed("the parse as plain data", t)
    components = _per_component(nlp, [doc for doc, _ in prepared], disable)
    tokens = sum(len(doc) for doc, _ in prepared)
    del docs, prepared
    t = _cpu()
    extract(articles)
    whole = _cpu() - t
    parsing = sum(v for k, v in steps.items() if not k.startswith("ingestion"))

    print(
        f"{args.corpus}: {len(articles)} articles, {words:,} words, {len(chosen)} sentences parsed"
    )
    print(f"  floor, spaCy's blank tokenizer and sentencizer: {floor:.2f} s CPU, "
          f"{words / floor:,.0f} words/s")  # fmt: skip
    print(f"  start-up (imports, the model, patterns, places): {startup:.2f} s CPU")
    for name, seconds in steps.items():
        print(f"  {name}: {seconds:.2f} s CPU")
    print(f"  extract() after ingestion, whole: {whole:.2f} s CPU, of which the rest "
          f"(people, reading facts, merging, the digest): {whole - parsing:.2f} s")  # fmt: skip
    print(f"  the parser's model per component, the same {tokens:,} tokens again:")
    for name, seconds in components.items():
        print(f"    {name}: {seconds:.2f} s CPU ({seconds / sum(components.values()):.0%}), "
              f"{tokens / max(seconds, 1e-9):,.0f} tokens/s")  # fmt: skip
    total = startup + steps["ingestion (read, clean, split into sentences)"] + whole
    print(f"  one process, start-up to digest (not written): {total:.2f} s CPU, "
          f"{words / total:,.0f} words/s")  # fmt: skip
    return 0


def _per_component(nlp: Any, docs: list[Any], disable: list[str]) -> dict[str, float]:
    """CPU seconds of each running component of ``nlp`` over ``docs``, in batches of 256
    as the extractor's stream runs them (each component over a batch, then the next)."""
    from spacy.tokens import Doc

    names = [name for name in nlp.pipe_names if name not in disable]
    seconds = dict.fromkeys(names, 0.0)
    for first in range(0, len(docs), 256):
        batch = [  # fresh copies, one sentence each as the extractor makes them
            Doc(d.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d],
                sent_starts=[True] + [False] * (len(d) - 1))
            for d in docs[first : first + 256]
        ]  # fmt: skip
        for name in names:
            component = nlp.get_pipe(name)
            t = _cpu()
            if hasattr(component, "pipe"):
                batch = list(component.pipe(batch, batch_size=256))
            else:
                batch = [component(doc) for doc in batch]
            seconds[name] += _cpu() - t
    return seconds


if __name__ == "__main__":
    sys.exit(main())
