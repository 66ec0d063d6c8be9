"""Each fault of a model server ends in its named outcome (tests/llm_server.py plays them)."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("openai")

from briefgen.cli import cli
from tests.llm_server import FakeLLM, answer, content, cut_off, refusal, slow, status
from tests.test_llm import (
    IN_MERKEL,
    IN_TRUDEAU,
    MERKEL_ANSWER,
    TRUDEAU_ANSWER,
    build,
    digest_of,
    make_workspace,
)

GOOD = answer(TRUDEAU_ANSWER)


def run(tmp_path: Path, server: FakeLLM, **llm):
    """A build where the Merkel readout always answers well and Trudeau's as scripted."""
    server.on(IN_MERKEL, answer(MERKEL_ANSWER))
    workspace = make_workspace(tmp_path, server.url, **llm)
    return workspace, build(workspace)


def skipped(workspace: Path) -> list[str]:
    return [n for n in digest_of(workspace).get("notices", []) if "skipped" in n]


def assert_trudeau_skipped(workspace: Path, result, reason: str) -> None:
    assert result.exit_code == 0, result.output
    notices = skipped(workspace)
    assert len(notices) == 1 and "trudeau" in notices[0] and reason in notices[0], notices
    assert "trudeau" in result.output and reason in result.output  # a warning naming it
    digest = digest_of(workspace)
    assert [s["path"] for s in digest["sources"]] == [f"articles/{n}" for n in _merkel()]
    assert all("Trudeau" not in str(m["participants"]) for m in digest["meetings"])


def _merkel() -> list[str]:
    from tests.test_llm import MERKEL

    return [MERKEL]


def test_429_waits_as_long_as_retry_after_says(tmp_path):
    with FakeLLM().on(IN_TRUDEAU, status(429, "slow down", {"Retry-After": "1"}), GOOD) as server:
        began = time.monotonic()
        workspace, result = run(tmp_path, server, max_retries=2)
        assert result.exit_code == 0, result.output
        assert server.hits_for(IN_TRUDEAU) == 2
    assert time.monotonic() - began >= 1.0
    assert not skipped(workspace)
    assert "llm: 3 requests (1 retries)" in result.output  # the summary line


def test_a_5xx_is_retried_then_the_article_is_skipped(tmp_path):
    with FakeLLM().on(IN_TRUDEAU, status(500), GOOD) as server:
        workspace, result = run(tmp_path, server, max_retries=1)
        assert server.hits_for(IN_TRUDEAU) == 2
    assert not skipped(workspace)
    with FakeLLM().on(IN_TRUDEAU, status(503)) as server:
        workspace, result = run(tmp_path / "again", server, max_retries=1)
        assert server.hits_for(IN_TRUDEAU) == 2  # the first try and one retry
    assert_trudeau_skipped(workspace, result, "server error (HTTP 503) (2 attempts)")


def test_a_request_that_hangs_times_out(tmp_path):
    with FakeLLM().on(IN_TRUDEAU, slow(3, GOOD)) as server:
        workspace, result = run(tmp_path, server, timeout=0.5)
    assert_trudeau_skipped(workspace, result, "timed out after 0.5 s")


def test_malformed_json_gets_one_repair_request(tmp_path):
    with FakeLLM().on(IN_TRUDEAU, content('{"people": [ oops'), GOOD) as server:
        workspace, result = run(tmp_path, server)
        assert server.hits_for(IN_TRUDEAU) == 2
        repairs = [h["messages"] for h in server.hits if len(h["messages"]) == 4]
    assert result.exit_code == 0 and not skipped(workspace)
    assert "llm: 3 requests (1 answers repaired), " in result.output
    # The repair request: the article, the bad answer, and what was wrong with it.
    assert len(repairs) == 1 and repairs[0][2] == {
        "role": "assistant",
        "content": '{"people": [ oops',
    }
    assert "not JSON" in repairs[0][3]["content"]
    assert len(digest_of(workspace)["agreements"]) == 1


def test_malformed_twice_skips_the_article(tmp_path):
    wrong_shape = content('{"people": "everyone"}')
    with FakeLLM().on(IN_TRUDEAU, content("Sure! Here are the facts."), wrong_shape) as server:
        workspace, result = run(tmp_path, server)
        assert server.hits_for(IN_TRUDEAU) == 2  # one repair, no more
    assert_trudeau_skipped(workspace, result, "the model's answer was malformed twice")


def test_a_refusal_and_a_cut_off_answer_skip_the_article(tmp_path):
    with FakeLLM().on(IN_TRUDEAU, refusal("I can't help with that.")) as server:
        workspace, result = run(tmp_path, server)
    assert_trudeau_skipped(workspace, result, "the model refused: I can't help with that.")
    with FakeLLM().on(IN_TRUDEAU, cut_off()) as server:
        workspace, result = run(tmp_path / "again", server)
    assert_trudeau_skipped(workspace, result, "cut off at max_tokens (2048)")


def test_connection_refused_skips_with_the_reason(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    workspace = make_workspace(tmp_path, f"http://127.0.0.1:{port}/v1", files=())
    from tests.test_llm import READOUTS, TRUDEAU

    (workspace / "articles" / TRUDEAU).write_bytes((READOUTS / TRUDEAU).read_bytes())
    result = build(workspace)
    assert result.exit_code == 1  # nothing left to brief
    assert "connection refused" in result.output and "trudeau" in result.output


def test_a_wrong_model_name_stops_the_run_naming_it(tmp_path):
    server = FakeLLM()
    server.known_models = {"test-model"}
    with server:
        workspace = make_workspace(tmp_path, server.url, model="no-such-model", max_concurrency=1)
        result = build(workspace)
        assert len(server.hits) == 1  # the other article's request is never sent
    assert result.exit_code == 2, result.output
    assert "extraction.llm.model" in result.output and "'no-such-model'" in result.output
    assert not (workspace / "build" / "digest.yaml").exists()


def test_a_missing_key_stops_the_run_before_any_request(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFGEN_TEST_KEY", raising=False)
    with FakeLLM() as server:
        workspace = make_workspace(tmp_path, server.url, api_key_env="BRIEFGEN_TEST_KEY")
        result = build(workspace)
        assert server.hits == []
    assert result.exit_code == 2
    assert "BRIEFGEN_TEST_KEY is not set" in result.output


def test_a_refused_key_stops_the_run_without_repeating_it(tmp_path, monkeypatch):
    key = "sk-test-refused-4f9a0c2d7e1b"
    monkeypatch.setenv("BRIEFGEN_TEST_KEY", key)
    with FakeLLM().on("", status(401, f"Incorrect API key provided: {key}")) as server:
        workspace = make_workspace(tmp_path, server.url, api_key_env="BRIEFGEN_TEST_KEY")
        result = CliRunner().invoke(
            cli, ["-v", "build", "--config", str(workspace / "config" / "briefgen.yaml")]
        )
    assert result.exit_code == 2
    assert "refused the key in $BRIEFGEN_TEST_KEY (HTTP 401)" in result.output
    assert key not in result.output  # not even in the traceback -v prints


def test_the_key_is_in_no_file_a_build_writes(tmp_path, monkeypatch):
    key = "sk-test-0b7c3e9d51a24f68"
    monkeypatch.setenv("BRIEFGEN_TEST_KEY", key)
    with FakeLLM().on(IN_TRUDEAU, GOOD).on(IN_MERKEL, answer(MERKEL_ANSWER)) as server:
        workspace = make_workspace(tmp_path, server.url, api_key_env="BRIEFGEN_TEST_KEY")
        result = build(workspace)
        result_again = build(workspace)
        assert all(h.get("authorization") == f"Bearer {key}" for h in server.headers)
    assert result.exit_code == 0 and result_again.exit_code == 0
    written = [p for p in workspace.rglob("*") if p.is_file()]
    assert any(".cache" in p.parts for p in written)  # the cache was written, and is searched
    for path in written:
        assert key.encode() not in path.read_bytes(), path
    assert key not in result.output + result_again.output


def test_a_server_without_json_schema_mode_gets_plain_json(tmp_path):
    server = FakeLLM().on(IN_TRUDEAU, GOOD)
    server.reject_json_schema = True
    with server:
        workspace, result = run(tmp_path, server, max_concurrency=1)
        formats = [(h.get("response_format") or {}).get("type") for h in server.hits]
    assert result.exit_code == 0, result.output
    assert formats[0] == "json_schema" and set(formats[1:]) == {"json_object"}
    assert len(formats) == 3  # one refused, then each article once
    assert len(digest_of(workspace)["agreements"]) == 1


def test_a_run_over_its_token_budget_is_refused_before_any_request(tmp_path):
    with FakeLLM() as server:
        workspace = make_workspace(tmp_path, server.url, max_input_tokens=1000)
        result = build(workspace)
        assert server.hits == []
    assert result.exit_code == 2
    assert "extraction.llm.max_input_tokens: this run would send about " in result.output
    assert "over the limit of 1,000" in result.output
