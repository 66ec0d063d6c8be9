"""A chat-completions server on 127.0.0.1 for the llm extractor's tests.

It speaks enough of the OpenAI protocol for the official client (POST
``/v1/chat/completions``) and plays back recorded replies: for each request
it finds the first ``script`` entry whose marker is in the user message and
takes that entry's next reply (the last one repeats). A reply is one of:

- ``answer(dict)``: a well-formed completion whose content is that JSON;
- ``content(str)``: a completion with this raw content (malformed JSON, prose);
- ``status(code, body, headers)``: an HTTP error (429, 500, 404, 400 ...);
- ``slow(seconds, then)``: waits, then sends ``then`` (for timeouts);
- ``refusal(text)``: a completion whose message refuses.

Every request is recorded (``hits``), with its headers (names in lower case), so tests can count
requests and check what was sent. Nothing here reaches the internet.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def completion(content: str | None, *, refusal: str | None = None, finish: str = "stop") -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
                "finish_reason": finish,
            }
        ],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 100, "total_tokens": 1100},
    }


def answer(data: dict[str, Any]) -> Reply:
    full = {"people": [], "meetings": [], "agreements": [], "disagreements": [], "proposals": []}
    return Reply(body=completion(json.dumps(full | data)))


def content(text: str) -> Reply:
    return Reply(body=completion(text))


def refusal(text: str) -> Reply:
    return Reply(body=completion(None, refusal=text))


def cut_off() -> Reply:
    return Reply(body=completion('{"people": [', finish="length"))


def status(code: int, message: str = "error", headers: dict[str, str] | None = None) -> Reply:
    return Reply(code, {"error": {"message": message, "type": "test"}}, headers or {})


def slow(seconds: float, then: Reply) -> Reply:
    return Reply(then.status, then.body, then.headers, delay=seconds)


class FakeLLM:
    """The server, its script and what it was asked; a context manager."""

    def __init__(self) -> None:
        self.script: list[tuple[str, list[Reply]]] = []
        self.default: Reply = answer({})
        self.hits: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.reject_json_schema = False
        self.known_models: set[str] | None = None
        self._lock = threading.Lock()
        self._used: dict[int, int] = {}

    def on(self, marker: str, *replies: Reply) -> FakeLLM:
        self.script.append((marker, list(replies)))
        return self

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> FakeLLM:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                request = json.loads(self.rfile.read(length) or b"{}")
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = fake.reply(self.path, request, headers)
                time.sleep(reply.delay)
                data = json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def reply(self, path: str, request: dict[str, Any], headers: dict[str, str]) -> Reply:
        with self._lock:
            self.hits.append(request)
            self.headers.append(headers)
            if not path.endswith("/chat/completions"):
                return status(404, f"no route {path}")
            if self.known_models is not None and request.get("model") not in self.known_models:
                return status(404, f"model '{request.get('model')}' not found")
            fmt = (request.get("response_format") or {}).get("type")
            if self.reject_json_schema and fmt == "json_schema":
                return status(400, "response_format json_schema is not supported")
            user = next(
                (m["content"] for m in request.get("messages", []) if m["role"] == "user"), ""
            )
            for n, (marker, replies) in enumerate(self.script):
                if marker in user:
                    used = self._used.get(n, 0)
                    self._used[n] = used + 1
                    return replies[min(used, len(replies) - 1)]
            return self.default

    def hits_for(self, marker: str) -> int:
        return sum(
            1
            for hit in self.hits
            if any(marker in m["content"] for m in hit.get("messages", []) if m["role"] == "user")
        )
