"""Is reading Markdown linear in its size? Each pathological pattern at n and 10n bytes.

    python benchmarks/markdown_growth.py            # 12 KB and 120 KB of each
    python benchmarks/markdown_growth.py --base 4000

Python-Markdown, which briefgen used to read ``.md`` files, took time in the
square of the length of a run of ``<a ``, of consecutive ``# h`` lines and of
nested ``[[x](y)](y)`` (120 KB of ``<a `` took 154 s, 12 KB 3.9 s). For
each pattern this times ``markdown_paragraphs`` (the best of three) at a
base size and at ten times it, and fails (exit 1) when the larger one takes
more than 20 times as long: linear time gives about 10, quadratic 100.
"""

from __future__ import annotations

import argparse
import sys
import time

from briefgen.ingest.markdown import markdown_paragraphs

PATTERNS = {
    "run of '<a '": lambda n: "<a " * (n // 3),
    "'# h' lines": lambda n: "# h\n" * (n // 4),
    "'[[x](y)](y)' in a row": lambda n: "[[x](y)](y)" * (n // 11),
    "'[' nested": lambda n: "[" * (n // 5) + "x" + "](y)" * (n // 5),
    "'*' and '_' runs": lambda n: "*a _b " * (n // 6),
    "unclosed '`'": lambda n: "`a " * (n // 3),
    "'> ' quotes and '- ' items": lambda n: "> - a\n" * (n // 6),
}
BOUND = 20.0


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        markdown_paragraphs(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=12_000, help="bytes of the smaller input")
    args = parser.parse_args()
    worst = 0.0
    for name, make in PATTERNS.items():
        small = seconds("Intro.\n\n" + make(args.base))
        large = seconds("Intro.\n\n" + make(args.base * 10))
        ratio = large / max(small, 1e-6)
        worst = max(worst, ratio)
        print(
            f"{name:28} {args.base:>9,} B {small:7.3f} s   x10: {large:7.3f} s   ratio {ratio:5.1f}"
        )
    verdict = "ok" if worst <= BOUND else "FAILED"
    print(f"worst ratio {worst:.1f} (bound {BOUND:g}): {verdict}")
    return 0 if worst <= BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
