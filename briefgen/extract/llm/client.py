"""One chat-completions request, with its faults named and its retries bounded.

Built on the official ``openai`` client (the protocol every OpenAI-compatible
server speaks: vLLM, llama.cpp's server, Ollama, hosted APIs). Its own
retries are off: this module retries, so that each attempt is counted, each
wait is logged, and a ``Retry-After`` is honoured exactly.

Outcomes:

- a 429 waits as long as ``Retry-After`` says (at most ``MAX_WAIT`` seconds),
  a 5xx, a timeout or a refused connection waits ``BACKOFF * 2**attempt``;
  either is retried up to ``max_retries`` times, then the request fails;
- a 400 about ``response_format`` (a server without JSON-schema mode), with
  ``response_format: auto``, drops to plain JSON and then to no format at
  all, for the rest of the run;
- a 404 (no such model, or a wrong ``base_url``) and a 401/403 (the key) stop
  the run: every other request would fail the same way;
- a refusal, an answer cut off at ``max_tokens`` or any other 4xx fails the
  request (``RequestFailed``), and the caller skips the article.

The API key is read from the environment by the caller and only ever sent as
a header; every message that leaves this module has it blanked out.
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError, ConfigError
from briefgen.extract.llm.options import LlmOptions
from briefgen.extract.llm.schema import answer_schema

if TYPE_CHECKING:
    import openai

log = logging.getLogger(__name__)

BACKOFF = 0.5  # seconds before the first retry of a 5xx, a timeout or a lost connection
MAX_BACKOFF = 8.0
MAX_WAIT = 120.0  # the longest Retry-After honoured; longer fails the request

_FORMATS_AFTER = {"json_schema": "json_object", "json_object": "text"}


class RequestFailed(Exception):
    """One request failed for good; ``str()`` is the reason, in words."""


class LlmUnavailable(BriefgenError):
    """The server cannot answer any request as configured (model, address, key)."""

    exit_code = 2


@dataclass
class Usage:
    """What a run's requests cost; added up across articles for the summary line."""

    requests: int = 0
    retries: int = 0
    tokens_in: int = 0
    tokens_out: int = 0

    def add(self, other: Usage) -> None:
        self.requests += other.requests
        self.retries += other.retries
        self.tokens_in += other.tokens_in
        self.tokens_out += other.tokens_out


@dataclass(frozen=True)
class Reply:
    content: str


@dataclass
class Client:
    """Requests to one server and model, as configured; safe to share between threads."""

    options: LlmOptions
    api_key: str | None = field(default=None, repr=False)
    sleep: Any = time.sleep

    def __post_init__(self) -> None:
        import openai

        self._openai = openai
        self._client = openai.OpenAI(
            base_url=self.options.base_url,
            # Never None: the client would then read OPENAI_API_KEY on its own.
            api_key=self.api_key or "no-key",
            timeout=self.options.timeout,
            max_retries=0,
        )
        first = self.options.response_format
        self._format: str = "json_schema" if first == "auto" else first
        self._lock = threading.Lock()
        # Set once the server could not be reached at all: later requests fail at once.
        self._unreachable: str | None = None
        # Set by an answer that stops the run (no such model, a refused key).
        self._fatal: BriefgenError | None = None

    def complete(self, messages: list[dict[str, str]], usage: Usage) -> Reply:
        """The model's answer to ``messages``; counts every attempt in ``usage``."""
        openai = self._openai
        if self._fatal is not None:
            raise type(self._fatal)(str(self._fatal))  # the same answer: not asked again
        if self._unreachable is not None:
            raise RequestFailed(self._unreachable)  # no point knocking again
        attempt = 0
        while True:
            fmt = self._format
            usage.requests += 1
            try:
                response = self._client.chat.completions.create(
                    model=self.options.model,
                    messages=messages,  # type: ignore[arg-type]
                    temperature=self.options.temperature,
                    max_tokens=self.options.max_tokens,
                    **_format_args(fmt),
                )
            except openai.APITimeoutError:
                wait, reason = self._backoff(attempt), f"timed out after {self.options.timeout:g} s"
            except openai.APIConnectionError as e:
                wait = self._backoff(attempt)
                reason = f"cannot connect to {self._where}: {_cause(e)}"
            except openai.RateLimitError as e:
                asked = _retry_after(e.response)
                if asked is not None and asked > MAX_WAIT:
                    raise RequestFailed(
                        f"rate limited (HTTP 429): the server asks to wait {asked:g} s"
                    ) from e
                wait = self._backoff(attempt) if asked is None else asked
                reason = "rate limited (HTTP 429)"
            except openai.APIStatusError as e:
                status = e.status_code
                if status >= 500:
                    wait, reason = self._backoff(attempt), f"server error (HTTP {status})"
                elif status in (400, 422) and self._falls_back(fmt, e):
                    continue  # the same request in a plainer format, not a retry
                else:
                    refused = self._refused(e)
                    if not isinstance(refused, RequestFailed):
                        self._fatal = refused  # a wrong model or key: every request would fail
                    if status in (401, 403):
                        # Not chained: the server's error (shown with -v) may quote the key.
                        raise refused from None
                    raise refused from e
            else:
                usage_info = response.usage
                if usage_info is not None:
                    usage.tokens_in += usage_info.prompt_tokens or 0
                    usage.tokens_out += usage_info.completion_tokens or 0
                return self._reply(response)
            if attempt >= self.options.max_retries:
                tries = f"{attempt + 1} attempt{'s' if attempt else ''}"
                if reason.startswith("cannot connect"):
                    self._unreachable = f"{reason} (given up after {tries})"
                raise RequestFailed(f"{reason} ({tries})")
            attempt += 1
            usage.retries += 1
            log.info("%s; retrying in %.1f s (retry %d of %d)", reason, wait, attempt,
                     self.options.max_retries)  # fmt: skip
            self.sleep(wait)

    @property
    def _where(self) -> str:
        return self.options.base_url

    def _backoff(self, attempt: int) -> float:
        return min(MAX_BACKOFF, BACKOFF * 2**attempt) * (1 + random.random() / 4)

    def _falls_back(self, fmt: str, error: openai.APIStatusError) -> bool:
        """Under ``auto``, a server that rejects the response format gets a plainer one."""
        if self.options.response_format != "auto" or fmt not in _FORMATS_AFTER:
            return False
        if "response_format" not in str(error) and "json" not in str(error).lower():
            return False
        with self._lock:
            if self._format == fmt:
                self._format = _FORMATS_AFTER[fmt]
                log.info(
                    "%s does not take response_format %s; using %s",
                    self._where, fmt, self._format,
                )  # fmt: skip
        return True

    def _refused(self, error: openai.APIStatusError) -> BriefgenError | RequestFailed:
        status = error.status_code
        if status in (401, 403):
            # The server's message may quote part of the key: it is not repeated.
            source = (
                f"the key in ${self.options.api_key_env}"
                if self.options.api_key_env
                else "no API key (set extraction.llm.api_key_env)"
            )
            return LlmUnavailable(
                f"extraction.llm.api_key_env: {self._where} refused {source} (HTTP {status})"
            )
        message = self.redact(_message(error))
        if status == 404:
            return ConfigError(
                f"extraction.llm.model: {self._where} has no model {self.options.model!r} "
                f"(HTTP 404: {message}); check extraction.llm.model, and extraction.llm.base_url "
                "(it usually ends in /v1)"
            )
        return RequestFailed(f"the server rejected the request (HTTP {status}: {message})")

    def _reply(self, response: Any) -> Reply:
        if not response.choices:
            raise RequestFailed("the server's answer has no choices")
        choice = response.choices[0]
        message = choice.message
        refusal = getattr(message, "refusal", None)
        if refusal:
            raise RequestFailed(f"the model refused: {self.redact(str(refusal))[:200]}")
        if choice.finish_reason == "content_filter":
            raise RequestFailed("the model refused: the server's content filter stopped the answer")
        if choice.finish_reason == "length":
            raise RequestFailed(
                f"the answer was cut off at max_tokens ({self.options.max_tokens}); "
                "raise extraction.llm.max_tokens or lower extraction.llm.chunk_tokens"
            )
        return Reply(message.content or "")

    def redact(self, text: str) -> str:
        return text.replace(self.api_key, "***") if self.api_key else text


def _format_args(fmt: str) -> dict[str, Any]:
    if fmt == "json_schema":
        schema = {"name": "briefgen_facts", "schema": answer_schema(), "strict": True}
        return {"response_format": {"type": "json_schema", "json_schema": schema}}
    if fmt == "json_object":
        return {"response_format": {"type": "json_object"}}
    return {}


def _retry_after(response: Any) -> float | None:
    """Seconds the server asks to wait: ``retry-after-ms``, ``Retry-After`` seconds or date."""
    headers = getattr(response, "headers", None) or {}
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _message(error: Any) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        text = inner.get("message") if isinstance(inner, dict) else inner
        if text:
            return str(text)[:300]
    return str(getattr(error, "message", error))[:300]


def _cause(error: BaseException) -> str:
    while error.__cause__ is not None:
        error = error.__cause__
    text = str(error) or type(error).__name__
    if "refused" in text.lower():
        return "connection refused (is the server running?)"
    return text[:200]
