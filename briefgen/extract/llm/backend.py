"""The ``llm`` backend: one request per article (or chunk), grounded, then briefgen's own steps.

A run has three parts:

1. ``plan``: each article becomes one request, or one per chunk when it is
   long (``prompt.chunks``). ``estimate`` prices the plan without sending it.
2. ``ask`` (per request; cached, so an unchanged rebuild sends nothing): the
   model's answer, parsed and validated against ``schema.Answer``. A reply
   that is not valid JSON for the schema gets one repair request; a request
   that fails for good (``client``) is an outcome, not an exception, and its
   article is skipped with the reason.
3. ``assemble`` (the whole batch): every answer is held to its article's text
   (``grounding``); what passes goes through the steps every backend shares --
   one record per person, facts merged across articles, the digest's records.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from briefgen import __version__
from briefgen.errors import ConfigError, InputError
from briefgen.extract.facts import Fact
from briefgen.extract.gazetteer import gazetteer
from briefgen.extract.llm.client import Client, RequestFailed, Usage
from briefgen.extract.llm.grounding import Dropped, Grounding
from briefgen.extract.llm.options import LlmOptions
from briefgen.extract.llm.prompt import (
    REPAIR,
    Chunk,
    chunks,
    estimate_tokens,
    messages,
    prompt_version,
)
from briefgen.extract.llm.schema import Answer, schema_version
from briefgen.extract.people import People
from briefgen.extract.records import build_digest, evidence
from briefgen.model import Article, Digest, Evidence, Person

log = logging.getLogger(__name__)

# A malformed reply is sent back for repair at most this long (characters).
_MAX_ECHO = 20_000


@dataclass(frozen=True)
class Request:
    """One request: an article's chunk, and how to ask. Picklable, for worker processes."""

    article: Article
    chunk: Chunk
    options: LlmOptions


@dataclass
class Outcome:
    """What one request brought back: a validated answer (as plain JSON data) or a failure."""

    answer: dict[str, Any] | None
    failure: str | None = None
    repaired: bool = False
    usage: Usage = field(default_factory=Usage)


def fingerprint(options: LlmOptions) -> str:
    """What besides the article changes an answer: the model and how it is asked."""
    return "|".join(
        [
            "llm",
            options.model,
            f"t={options.temperature:g}",
            f"max_tokens={options.max_tokens}",
            f"chunks={options.chunk_tokens}/{options.chunk_overlap}",
            f"prompt={prompt_version()}",
            f"schema={schema_version()}",
        ]
    )


def request_key(request: Request) -> str:
    """The cache key of a request: what the model is sent (not the file's name or id)."""
    article = request.article
    parts = [article.title or "", str(article.published or ""), request.chunk.text]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


# -- 1. the plan, and its price ---------------------------------------------------------


def plan(articles: Sequence[Article], options: LlmOptions) -> list[Request]:
    return [
        Request(article, chunk, options)
        for article in articles
        for chunk in chunks(
            article, chunk_tokens=options.chunk_tokens, overlap=options.chunk_overlap
        )
    ]


@dataclass(frozen=True)
class Estimate:
    requests: int
    tokens_in: int
    tokens_out_max: int

    def __str__(self) -> str:
        return (
            f"{self.requests} requests, about {self.tokens_in:,} tokens in, "
            f"at most {self.tokens_out_max:,} tokens out"
        )


def estimate(requests: Sequence[Request]) -> Estimate:
    """The requests a plan sends and their tokens, without a tokenizer (characters / 4)."""
    tokens_in = sum(
        estimate_tokens(m["content"]) for r in requests for m in messages(r.article, r.chunk)
    )
    tokens_out = sum(r.options.max_tokens for r in requests)
    return Estimate(len(requests), tokens_in, tokens_out)


def check_budget(requests: Sequence[Request], options: LlmOptions) -> None:
    """Refuse, before any request, a run over ``max_input_tokens``."""
    if options.max_input_tokens is None or not requests:
        return
    cost = estimate(requests)
    if cost.tokens_in > options.max_input_tokens:
        raise ConfigError(
            f"extraction.llm.max_input_tokens: this run would send about {cost.tokens_in:,} "
            f"tokens in {cost.requests} requests, over the limit of "
            f"{options.max_input_tokens:,}; raise the limit or extract fewer articles"
        )


# -- 2. one request ---------------------------------------------------------------------

_clients: dict[str, Client] = {}
_clients_lock = threading.Lock()


def api_key(options: LlmOptions) -> str | None:
    """The key from the environment variable the options name; a missing one stops the run."""
    if options.api_key_env is None:
        return None
    key = os.environ.get(options.api_key_env, "").strip()
    if not key:
        raise ConfigError(
            f"extraction.llm.api_key_env: the environment variable {options.api_key_env} "
            "is not set; export it with the API key, or remove api_key_env for a local server "
            "that needs none"
        )
    return key


def new_run() -> None:
    """Forget the clients of an earlier run: what they learnt (a server down, a model
    missing, a format refused) may no longer hold."""
    with _clients_lock:
        _clients.clear()


def client_for(options: LlmOptions) -> Client:
    """One client per process and configuration, shared by its threads."""
    name = options.model_dump_json()
    with _clients_lock:
        if name not in _clients:
            _clients[name] = Client(options, api_key(options))
        return _clients[name]


class BadAnswer(ValueError):
    """The reply is not a JSON object of the schema's shape; ``str()`` says what is wrong."""


def parse_answer(content: str) -> dict[str, Any]:
    text = content.strip()
    if text.startswith("```"):  # a Markdown code fence around the JSON
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadAnswer(f"not JSON ({e.msg} at line {e.lineno}, column {e.colno})") from e
    try:
        return Answer.model_validate(data).model_dump(mode="json")
    except ValidationError as e:
        problem = e.errors()[0]
        where = ".".join(str(p) for p in problem["loc"]) or "(top level)"
        raise BadAnswer(f"{where}: {problem['msg']}") from e


def ask(request: Request) -> Outcome:
    """The model's answer to one request; a failure is an outcome, so other requests go on."""
    client = client_for(request.options)
    usage = Usage()
    sent = messages(request.article, request.chunk)
    try:
        reply = client.complete(sent, usage)
        try:
            return Outcome(parse_answer(reply.content), usage=usage)
        except BadAnswer as first:
            log.info("%s: the answer is %s; asking once to repair it", request.article.path, first)
            repair = [
                *sent,
                {"role": "assistant", "content": reply.content[:_MAX_ECHO]},
                {"role": "user", "content": REPAIR.format(problem=first)},
            ]
            again = client.complete(repair, usage)
            try:
                return Outcome(parse_answer(again.content), repaired=True, usage=usage)
            except BadAnswer as second:
                failure = f"the model's answer was malformed twice ({first}; then {second})"
                return Outcome(None, failure, usage=usage)
    except RequestFailed as e:
        return Outcome(None, client.redact(str(e)), usage=usage)


# -- 3. the whole batch -----------------------------------------------------------------


@dataclass
class Findings:
    """A batch's outcome: the digest, and what a user must be told about it."""

    digest: Digest
    skipped: list[tuple[Article, str]]
    dropped: dict[str, list[Dropped]]  # article path -> findings dropped


def assemble(
    articles: Sequence[Article], outcomes: Sequence[Sequence[Outcome]], options: LlmOptions
) -> Findings:
    """The digest of the articles whose every request succeeded, each answer grounded."""
    skipped: list[tuple[Article, str]] = []
    kept: list[tuple[Article, Any]] = []
    for article, results in zip(articles, outcomes, strict=True):
        failure = next((o.failure for o in results if o.failure), None)
        if failure is not None:
            skipped.append((article, failure))
            continue
        answers = [o.answer for o in results if o.answer is not None]
        kept.append((article, Grounding(article).ground(answers)))

    if skipped and not kept:
        article, why = skipped[0]
        more = f" (and {len(skipped) - 1} more articles)" if len(skipped) > 1 else ""
        raise InputError(f"the llm extractor extracted no article: {article.path}: {why}{more}")
    people = People([m for _, found in kept for m in found.people])

    def canonical(name: str) -> str:
        return people.canonical(name) or gazetteer().party(name) or name

    person_evidence: dict[str, list[Evidence]] = {}
    facts: list[Fact] = []
    dropped: dict[str, list[Dropped]] = {}
    for article, found in kept:
        cited: set[str] = set()
        for mention in found.people:
            name = canonical(mention.name)
            if name in people.records:
                people.add_alias(name, mention.name)
            if name in cited:
                continue  # a person's first mention in each source
            cited.add(name)
            span = found.evidence[mention.name][0]
            person_evidence.setdefault(name, []).append(evidence(article, span))
        for fact in found.facts:
            fact.parties = list(dict.fromkeys(canonical(p) for p in fact.parties))
            fact.positions = {canonical(p): text for p, text in fact.positions.items()}
            if len(fact.parties) >= (1 if fact.kind == "proposal" else 2):
                facts.append(fact)
        if found.dropped:
            dropped[article.path] = found.dropped

    persons = [
        Person(
            name=name,
            aliases=sorted(people.records[name].forms - {name}) if name in people.records else [],
            role=people.records[name].role if name in people.records else None,
            affiliation=people.records[name].affiliation if name in people.records else None,
            evidence=cited_in,
        )
        for name, cited_in in person_evidence.items()
    ]
    digest = build_digest(
        [a for a, _ in kept],
        persons,
        facts,
        generator=f"briefgen {__version__} (llm: {options.model})",
    )
    digest.notices = [*skip_notices(skipped), *drop_notices(dropped)]
    return Findings(digest, skipped, dropped)


def skip_notices(skipped: Sequence[tuple[Article, str]]) -> list[str]:
    """Each article skipped, and why: lines of the digest's notices."""
    return [f"{article.path}: skipped by the llm extractor: {why}" for article, why in skipped]


def drop_notices(dropped: dict[str, list[Dropped]]) -> list[str]:
    """Each article's findings dropped, counted by reason (never the invented text itself)."""
    lines = []
    for path, items in dropped.items():
        reasons = Counter(d.reason for d in items)
        said = "; ".join(f"{reason} ({n})" for reason, n in sorted(reasons.items()))
        count = f"{len(items)} finding{'s' if len(items) != 1 else ''}"
        lines.append(f"{path}: dropped {count} its text does not bear out: {said}")
    return lines
