"""Wrap Markdown readouts (``../shared/corpus/whitehouse``) into an RSS feed, to try feeds at scale.

    python tools/corpus_feed.py CORPUS_DIR OUT.rss [--first N] [--count N]

Each readout's front matter gives the item's title, date and link; its body,
turned into HTML, the item's ``content:encoded``. Files are taken in name
(date) order, newest first in the feed as feeds have them. Measuring only:
the corpus is never copied into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import html
from pathlib import Path

import markdown
import yaml


def item(path: Path) -> str:
    _, front, body = path.read_text(encoding="utf-8").split("---", 2)
    meta = yaml.safe_load(front)
    day = dt.datetime.fromisoformat(str(meta["date"])).replace(
        hour=18, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    content = markdown.markdown(body.replace("\\###", "")).replace("]]>", "]]&gt;")
    return (
        f"<item><title>{html.escape(' '.join(str(meta['title']).split()))}</title>"
        f"<link>{html.escape(meta['source_url'])}</link><guid>{html.escape(meta['source_url'])}</guid>"
        f"<pubDate>{email.utils.format_datetime(day)}</pubDate>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded></item>\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--first", type=int, default=0, help="skip this many files first")
    parser.add_argument("--count", type=int, default=100, help="how many readouts")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.md"))[args.first : args.first + args.count]
    items = "".join(item(p) for p in reversed(files))
    args.out.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Briefing Room</title><link>https://example.org/</link>\n{items}"
        "</channel></rss>\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out}: {len(files)} items")


if __name__ == "__main__":
    main()
