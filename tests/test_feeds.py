"""Feeds as inputs: local feed files, and feeds and pages served from 127.0.0.1.

Nothing here reaches the internet: a fetch that a test does not expect fails
it (``no_network``), and served feeds come from a ``http.server`` in a thread.
The fixtures in tests/fixtures/feeds/ are White House readouts (public
domain, copied from tests/fixtures/readouts/) wrapped in RSS and Atom.
"""

from __future__ import annotations

import http.server
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.config import FeedSettings, load_config
from briefgen.errors import ConfigError, InputError
from briefgen.ingest.feeds import read_feeds
from briefgen.ingest.fetch import USER_AGENT, Fetcher
from briefgen.pipeline import read_articles

from .conftest import FIXTURES

FEEDS = FIXTURES / "feeds"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # urllib sends even 127.0.0.1 through a proxy named in the environment.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Fetcher, url: str, **kwargs: object) -> None:
        raise AssertionError(f"unexpected fetch of {url}")

    monkeypatch.setattr(Fetcher, "get", refuse)


# --- a local web server -------------------------------------------------------------


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0
    """Seconds between one byte and the next, from the status line on (headers and body)."""
    cut: int | None = None
    """Bytes of the body sent before the connection closes (Content-Length says all of it)."""


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture
def server() -> Iterator[Server]:
    routes: dict[str, Route] = {}
    requests: list[tuple[str, dict[str, str]]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, dict(self.headers.items())))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.drip:
                head = (
                    f"HTTP/1.0 {route.status} OK\r\nContent-Type: {route.content_type}\r\n"
                    f"Content-Length: {len(route.body)}\r\n\r\n"
                ).encode()
                try:
                    for byte in head + route.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(route.drip)
                except OSError:
                    pass  # the client gave up
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body[: route.cut])

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, requests)
    finally:
        httpd.shutdown()
        httpd.server_close()


def serve_fixtures(server: Server) -> None:
    atom = "application/atom+xml"
    server.routes["/feeds/teasers.atom"] = Route(
        (FEEDS / "teasers.atom").read_bytes(), atom, etag='"t1"'
    )
    for page in (FEEDS / "pages").iterdir():
        server.routes[f"/feeds/pages/{page.name}"] = Route(page.read_bytes())


def feed_settings(*sources: str, **options: object) -> FeedSettings:
    return FeedSettings.model_validate({"sources": list(sources), **options})


def served(*sources: str, **options: object) -> FeedSettings:
    """Settings for feeds from the test server on 127.0.0.1, which briefgen refuses by default."""
    return feed_settings(*sources, allow_private_addresses=True, **options)


# --- local feed files ---------------------------------------------------------------


def test_local_rss_entries_become_articles_with_the_feeds_metadata(no_network):
    articles, skipped = read_feeds(feed_settings("briefing-room.rss"), root=FEEDS, cache_dir=None)
    assert skipped == []
    assert [a.title for a in articles] == [
        "Readout of President Joseph R. Biden, Jr. Call with Chancellor Angela Merkel of Germany",
        "Readout of President Joe Biden Call with Prime Minister Justin Trudeau of Canada",
    ]
    merkel = articles[0]
    assert merkel.outlet == "The White House Briefing Room"
    assert merkel.author == "The White House"
    # 21:00 in Washington is the next day in UTC: the date as the feed writes it counts.
    assert merkel.published.isoformat() == "2021-01-25"
    assert merkel.url.startswith("https://bidenwhitehouse.archives.gov/briefing-room/")
    assert merkel.path == f"briefing-room.rss#{merkel.url}"
    assert "German Chancellor Angela Merkel" in merkel.text
    assert "<p>" not in merkel.text and merkel.sentences


def test_feed_entries_get_readable_ids_that_do_not_move_when_an_entry_arrives(no_network):
    def ids(feed: str) -> dict[str, str]:
        articles, _ = read_articles([], root=FEEDS, feeds=feed_settings(feed))
        return {a.path.split("#")[1]: a.id for a in articles}

    before, after = ids("briefing-room.rss"), ids("briefing-room-next.rss")
    assert len(after) == len(before) + 1
    assert all(after[key] == before[key] for key in before)
    assert all(i.startswith("the-white-house-2021-") for i in after.values())


def test_an_entry_in_two_feeds_is_read_once(no_network):
    articles, _ = read_feeds(
        feed_settings("briefing-room.rss", "briefing-room-next.rss"), root=FEEDS, cache_dir=None
    )
    assert len(articles) == 3
    assert len({a.url for a in articles}) == 3


def test_a_missing_or_broken_feed_is_skipped_with_its_name_and_reason(tmp_path, caplog):
    (tmp_path / "broken.rss").write_text("this is not a feed at all", encoding="utf-8")
    settings = feed_settings("missing.rss", "broken.rss")
    with caplog.at_level(logging.WARNING):
        articles, skipped = read_feeds(settings, root=tmp_path, cache_dir=None)
    assert articles == []
    assert [where for where, _ in skipped] == ["missing.rss", "broken.rss"]
    assert "missing.rss: the feed cannot be read (No such file or directory)" in skipped[0][1]
    assert "broken.rss: not a readable RSS or Atom feed" in skipped[1][1]
    assert "skipped missing.rss" in caplog.text


def test_on_error_stop_stops_at_the_first_bad_feed(tmp_path):
    with pytest.raises(InputError, match=r"^missing\.rss: the feed cannot be read"):
        read_feeds(feed_settings("missing.rss"), root=tmp_path, cache_dir=None, on_error="stop")


def test_a_feed_over_the_size_limit_is_refused(tmp_path):
    (tmp_path / "big.rss").write_bytes((FEEDS / "briefing-room.rss").read_bytes())
    _, skipped = read_feeds(feed_settings("big.rss", max_bytes=1000), root=tmp_path, cache_dir=None)
    assert "over the 1,000-byte limit" in skipped[0][1]


def test_feed_xml_cannot_read_local_files_through_entities(tmp_path, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    body = " ".join(["The two ministers met in Rome on Tuesday and agreed to talk again."] * 8)
    (tmp_path / "evil.rss").write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>Evil &leak;</title>
<item><title>A &leak;</title><guid>x1</guid><description>{body} &leak;</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    articles, _ = read_feeds(feed_settings("evil.rss"), root=tmp_path, cache_dir=None)
    for article in articles:
        assert "TOP-SECRET" not in f"{article.text} {article.title} {article.outlet}"


def test_entry_html_is_text_only_scripts_and_links_dropped(tmp_path, no_network):
    body = "<p>" + " ".join(["President Ana Lis met Prime Minister Tom Berg in Oslo today."] * 6)
    (tmp_path / "x.atom").write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>t</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title>E</title><id>e1</id><updated>2024-01-02T00:00:00Z</updated>
<content type="html">{_escape(body + '<script>alert(1)</script> <a href="javascript:x()">[click](http://evil.example)</a></p>')}</content>
</entry></feed>""",
        encoding="utf-8",
    )
    [article], _ = read_feeds(feed_settings("x.atom"), root=tmp_path, cache_dir=None)
    assert "alert" not in article.text and "<" not in article.text
    assert "[click](http://evil.example)" in article.text  # kept as text; templates escape it
    assert article.published.isoformat() == "2024-01-02"


def test_a_teaser_is_used_as_it_is_when_pages_may_not_be_fetched(no_network):
    articles, skipped = read_feeds(
        feed_settings("teasers.atom", fetch_pages=False), root=FEEDS, cache_dir=None
    )
    assert skipped == [] and len(articles) == 2
    assert articles[0].text.startswith("President Joseph R. Biden, Jr. met today with")
    assert articles[0].url is None  # the relative link of a local file is no web address


def test_a_teaser_with_a_file_link_is_never_fetched(tmp_path, no_network):
    (tmp_path / "f.rss").write_text(
        """<rss version="2.0"><channel><title>F</title>
<item><title>Short</title><link>file:///etc/passwd</link><guid>g</guid>
<description>Leaders met in Paris today to discuss trade.</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    [article], _ = read_feeds(feed_settings("f.rss"), root=tmp_path, cache_dir=None)
    assert article.text == "Leaders met in Paris today to discuss trade."
    assert article.url is None


# --- feeds and pages over HTTP ------------------------------------------------------


def test_served_teasers_fetch_their_pages_politely_and_cache_them(server, tmp_path):
    serve_fixtures(server)
    settings = served(server.url("/feeds/teasers.atom"))
    cache = tmp_path / ".cache" / "feeds"
    articles, skipped = read_feeds(settings, root=tmp_path, cache_dir=cache)
    assert skipped == []
    assert server.paths() == [
        "/feeds/teasers.atom", "/feeds/pages/von-der-leyen.html", "/feeds/pages/widodo.html",
    ]  # fmt: skip
    assert all(headers["User-Agent"] == USER_AGENT for _, headers in server.requests)
    assert USER_AGENT.startswith("briefgen/")
    widodo = articles[1]
    assert widodo.url == server.url("/feeds/pages/widodo.html")
    assert widodo.title.startswith("Readout of President Joseph R. Biden, Jr.’s Meeting with")
    assert widodo.outlet == "Briefing Room teasers"
    assert widodo.published.isoformat() == "2021-11-01"
    assert "Strategic Partnership" in widodo.text
    assert "Sign up for updates" not in widodo.text and "Home" not in widodo.text.split()[:3]
    assert len(list(cache.glob("*.body"))) == 3

    # Next morning: the feed is asked for again, conditionally; the pages come from the cache.
    server.requests.clear()
    again, _ = read_feeds(settings, root=tmp_path, cache_dir=cache)
    assert server.paths() == ["/feeds/teasers.atom"]
    assert server.requests[0][1]["If-None-Match"] == '"t1"'
    assert [a.text for a in again] == [a.text for a in articles]


def test_the_cache_forgets_pages_no_feed_links_to_unless_a_feed_failed(server, tmp_path):
    serve_fixtures(server)
    cache = tmp_path / "cache"
    cache.mkdir()
    for name in ("0" * 32 + ".body", "0" * 32 + ".json"):
        (cache / name).write_text("{}", encoding="utf-8")
    down = served(server.url("/feeds/teasers.atom"), server.url("/down.rss"))
    read_feeds(down, root=tmp_path, cache_dir=cache)
    assert (cache / ("0" * 32 + ".body")).exists()  # a feed failed: keep everything
    read_feeds(served(server.url("/feeds/teasers.atom")), root=tmp_path, cache_dir=cache)
    assert not (cache / ("0" * 32 + ".body")).exists()
    assert len(list(cache.glob("*.json"))) == 3  # the feed and its two pages


def test_an_unreachable_page_skips_its_entry_only(server, tmp_path):
    serve_fixtures(server)
    del server.routes["/feeds/pages/widodo.html"]
    url = server.url("/feeds/teasers.atom")
    articles, skipped = read_feeds(served(url), root=tmp_path, cache_dir=None)
    assert len(articles) == 1
    [(where, why)] = skipped
    assert where == f"{url}#tag:briefing-room.example,2021:2021-11-01"
    assert why == f"{server.url('/feeds/pages/widodo.html')}: HTTP 404 Not Found"


def test_a_feed_url_that_fails_is_a_skipped_input_naming_it(server, tmp_path):
    url = server.url("/nothing.rss")
    _, skipped = read_feeds(served(url), root=tmp_path, cache_dir=None)
    assert skipped == [(url, f"{url}: HTTP 404 Not Found")]
    closed = "http://127.0.0.1:9/feed.rss"  # the discard port: nothing listens
    _, skipped = read_feeds(served(closed), root=tmp_path, cache_dir=None)
    assert skipped[0][1].startswith(f"{closed}: cannot be fetched (")


def test_a_slow_server_times_out(server, tmp_path):
    server.routes["/slow.rss"] = Route(b"<rss/>", "application/rss+xml", delay=2.0)
    url = server.url("/slow.rss")
    _, skipped = read_feeds(served(url, timeout=0.2), root=tmp_path, cache_dir=None)
    assert skipped == [(url, f"{url}: cannot be fetched (timed out after 0.2 s)")]


def test_a_page_that_is_not_html_or_too_large_is_refused(server, tmp_path):
    serve_fixtures(server)
    server.routes["/feeds/pages/widodo.html"] = Route(b"%PDF-1.7", "application/pdf")
    server.routes["/feeds/pages/von-der-leyen.html"] = Route(b"x" * 5000)
    url = server.url("/feeds/teasers.atom")
    _, skipped = read_feeds(served(url, max_bytes=4000), root=tmp_path, cache_dir=None)
    reasons = [why for _, why in skipped]
    assert reasons[0].endswith("5,000 bytes is over the 4,000-byte limit")
    assert reasons[1].endswith("widodo.html: not a web page (application/pdf)")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.rss"])
def test_a_redirect_away_from_http_is_refused(server, tmp_path, target):
    server.routes["/moved.rss"] = Route(b"", status=302, headers={"Location": target})
    url = server.url("/moved.rss")
    _, skipped = read_feeds(served(url), root=tmp_path, cache_dir=None)
    assert skipped[0][1].startswith(f"{url}: HTTP 302")
    assert f"{target}' is not allowed" in skipped[0][1] or f"{target}' refused" in skipped[0][1]


def test_timeout_is_a_deadline_for_the_whole_request(server, tmp_path):
    # A byte every 0.1 s: no read ever waits a whole second, but the answer takes 15 s.
    server.routes["/drip.rss"] = Route(b"<rss>" + b" " * 60 + b"</rss>", "text/xml", drip=0.1)
    server.routes["/redirect.rss"] = Route(
        b"", status=302, headers={"Location": server.url("/drip.rss")}
    )
    for path in ("/drip.rss", "/redirect.rss"):
        url = server.url(path)
        start = time.monotonic()
        _, skipped = read_feeds(served(url, timeout=1), root=tmp_path, cache_dir=None)
        took = time.monotonic() - start
        assert skipped == [(url, f"{url}: cannot be fetched (timed out after 1 s)")]
        assert took < 5, took


def test_a_body_cut_short_is_refused_and_not_cached(server, tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    serve_fixtures(server)
    whole = server.routes["/feeds/pages/widodo.html"].body
    server.routes["/feeds/pages/widodo.html"] = Route(whole, cut=len(whole) // 2)
    url = server.url("/feeds/teasers.atom")
    cache = tmp_path / "cache"
    articles, skipped = read_feeds(served(url), root=tmp_path, cache_dir=cache)
    page = server.url("/feeds/pages/widodo.html")
    assert [why for _, why in skipped] == [
        f"{page}: cut short: {len(whole) // 2:,} of its {len(whole):,} bytes arrived"
    ]
    assert len(articles) == 1 and len(list(cache.glob("*.body"))) == 2  # the feed, one page

    (tmp_path / "config").mkdir()
    config = tmp_path / "config" / "briefgen.yaml"
    config.write_text(
        f"feeds:\n  sources: ['{url}']\n  allow_private_addresses: true\n"
        "output:\n  formats: [md]\n",
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--strict"])
    assert result.exit_code == 3, result.output
    assert "cut short" in result.output


def test_internal_addresses_are_refused_unless_allowed(server, tmp_path):
    serve_fixtures(server)
    feed = server.url("/feeds/teasers.atom")
    _, skipped = read_feeds(feed_settings(feed), root=tmp_path, cache_dir=None)
    assert skipped == [
        (
            feed,
            f"{feed}: cannot be fetched (127.0.0.1 is a private, loopback or local address"
            " (127.0.0.1); refused (set feeds.allow_private_addresses to fetch from it))",
        )
    ]
    # An entry's link, from a feed read from a file.
    local = tmp_path / "teasers.atom"
    atom = (FEEDS / "teasers.atom").read_bytes()
    local.write_bytes(atom.replace(b'href="pages/', f'href="{server.base}/feeds/pages/'.encode()))
    articles, skipped = read_feeds(feed_settings(str(local)), root=tmp_path, cache_dir=None)
    assert len(skipped) == 2 and all("private, loopback or local" in why for _, why in skipped)
    assert server.requests == []  # nothing was asked of the server
    assert all("Strategic Partnership" not in a.text for a in articles)


def test_a_redirect_to_an_internal_address_is_refused(server, tmp_path, monkeypatch):
    import briefgen.ingest.fetch as fetch

    # As if 127.0.0.1 were a public server: its redirect inward is still refused.
    monkeypatch.setattr(fetch, "is_public", lambda address: address == "127.0.0.1")
    port = server.base.rsplit(":", 1)[1]
    location = f"http://[::1]:{port}/x"
    server.routes["/in.rss"] = Route(b"", status=302, headers={"Location": location})
    url = server.url("/in.rss")
    _, skipped = read_feeds(feed_settings(url), root=tmp_path, cache_dir=None)
    [(_, why)] = skipped
    assert "is a private, loopback or local address (::1)" in why, why
    assert server.paths() == ["/in.rss"]


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "224.0.0.1",
     "0.0.0.0", "::1", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "100.64.0.1", "::"],
)  # fmt: skip
def test_what_is_not_public(address):
    from briefgen.ingest.fetch import is_public

    assert not is_public(address)
    assert is_public("93.184.216.34") and is_public("2606:2800:220:1::1")


def test_a_redirect_loop_is_one_line_once(server, tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    server.routes["/a.rss"] = Route(b"", status=302, headers={"Location": "/b.rss"})
    server.routes["/b.rss"] = Route(b"", status=302, headers={"Location": "/a.rss"})
    url = server.url("/a.rss")
    _, skipped = read_feeds(served(url), root=tmp_path, cache_dir=None)
    assert skipped == [(url, f"{url}: HTTP 302 redirects in a loop, or more than 5")]

    (tmp_path / "config").mkdir()
    config = tmp_path / "config" / "briefgen.yaml"
    config.write_text(
        f"feeds:\n  sources: ['{url}']\n  allow_private_addresses: true\ninputs: [a.txt]\n"
        "output:\n  formats: [md]\n",
        "utf-8",
    )
    (tmp_path / "a.txt").write_text("Title\n\nMinister Kim met President Moon in Seoul.\n")
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "--strict"])
    assert result.exit_code == 3, result.output
    lines = [line for line in result.stderr.splitlines() if url in line]
    assert len(lines) == 2 and all(line.count(url) == 1 for line in lines), result.stderr
    assert f"briefgen: error: skipped: {url}: HTTP 302 redirects in a loop" in result.stderr


# --- config -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source", ["file:///etc/passwd", "ftp://example.org/feed.xml", "FILE:feed.xml", "https://"]
)
def test_config_accepts_only_http_urls_and_paths_as_feeds(tmp_path, source):
    (tmp_path / "briefgen.yaml").write_text(f"feeds:\n  sources: ['{source}']\n")
    with pytest.raises(ConfigError, match=r"feeds\.sources: .*a feed is an http\(s\) URL"):
        load_config(tmp_path / "briefgen.yaml")


def test_config_needs_inputs_or_feeds(tmp_path):
    (tmp_path / "briefgen.yaml").write_text("brief:\n  title: T\n")
    with pytest.raises(ConfigError, match=r"name at least one input \(inputs\) or feed"):
        load_config(tmp_path / "briefgen.yaml")
    (tmp_path / "briefgen.yaml").write_text("feeds:\n  sources: [https://example.org/rss]\n")
    config = load_config(tmp_path / "briefgen.yaml")
    assert config.inputs == [] and config.feeds.sources == ["https://example.org/rss"]
    assert config.feeds.fetch_pages and config.feeds.timeout > 0


# --- never a crash --------------------------------------------------------------------


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: f"<rss><channel><item>{t}</item></channel></rss>"),
        st.text(max_size=200).map(
            lambda t: f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>{t}'
        ),
    )
)
def test_any_bytes_as_a_feed_give_articles_or_a_skip_never_a_crash(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("feed")
    (folder / "any.xml").write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    settings_ = feed_settings("any.xml", fetch_pages=False)
    articles, skipped = read_feeds(settings_, root=folder, cache_dir=None)
    assert all(a.text.strip() for a in articles)
    assert all(why.startswith("any.xml") for _, why in skipped)


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


# --- through the CLI ----------------------------------------------------------------


def test_build_from_a_served_feed_keeps_downloads_in_the_output_cache(server, tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    serve_fixtures(server)
    feed = server.url("/feeds/teasers.atom")
    (tmp_path / "config").mkdir()
    config = tmp_path / "config" / "briefgen.yaml"
    config.write_text(
        f"feeds:\n  sources: ['{feed}']\n  allow_private_addresses: true\n"
        "output:\n  formats: [md]\n",
        "utf-8",
    )
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert ".cache" not in result.output  # downloads are not outputs
    assert len(list((tmp_path / "build" / ".cache" / "feeds").glob("*.body"))) == 3
    brief = tmp_path / "build" / "analyst" / "brief.md"
    assert "Ursula von der Leyen" in brief.read_text("utf-8")

    server.requests.clear()
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert server.paths() == ["/feeds/teasers.atom"]  # answered 304; pages from the cache

    del server.routes["/feeds/pages/widodo.html"]
    (tmp_path / "build" / ".cache").rename(tmp_path / "old-cache")
    config.write_text(config.read_text("utf-8") + "on_error: stop\n", "utf-8")
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 1
    assert f"briefgen: error: {server.url('/feeds/pages/widodo.html')}: HTTP 404" in result.output
