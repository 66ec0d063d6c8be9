"""The ``llm`` backend's options: ``extraction.llm:`` in the config.

The API key itself is never an option: ``api_key_env`` names the environment
variable that holds it, so a config file can be shared and committed, and no
file briefgen writes (digest, cache, log) ever contains the key.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")

ResponseFormat = Literal["auto", "json_schema", "json_object", "text"]


class LlmOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base_url: str = Field(
        description="the server's OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1 (Ollama)"
    )
    model: str = Field(min_length=1, description="the model name the server knows")
    api_key_env: str | None = Field(
        default=None,
        description="name of the environment variable holding the API key; "
        "none for a local server that needs no key",
    )
    temperature: float = Field(default=0.0, ge=0, le=2)
    max_concurrency: int = Field(default=4, ge=1, le=64, description="requests at once")
    timeout: float = Field(default=120.0, gt=0, description="seconds per request")
    max_retries: int = Field(
        default=3, ge=0, le=10, description="retries of a request after a 429, a 5xx or a timeout"
    )
    max_tokens: int = Field(default=2048, ge=64, description="the longest answer, in tokens")
    max_input_tokens: int | None = Field(
        default=None,
        gt=0,
        description="refuse a run that would send more input tokens than this (estimated "
        "before any request); none for no limit",
    )
    chunk_tokens: int = Field(
        default=3000,
        ge=200,
        description="an article longer than this (estimated tokens) is sent in "
        "sentence-aligned chunks of this size",
    )
    chunk_overlap: int = Field(
        default=2, ge=0, le=20, description="sentences each chunk repeats from the one before"
    )
    response_format: ResponseFormat = Field(
        default="auto",
        description="json_schema (the server constrains the answer to the schema), "
        "json_object (any JSON, validated here), text (no response_format sent: for servers "
        "that reject it), or auto: json_schema, falling back when the server refuses it",
    )

    @field_validator("base_url")
    @classmethod
    def _http(cls, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError("an http:// or https:// URL, e.g. http://127.0.0.1:8080/v1")
        return url.rstrip("/")

    @field_validator("api_key_env")
    @classmethod
    def _a_name(cls, name: str | None) -> str | None:
        if name is not None and not _ENV_NAME.fullmatch(name):
            # Someone pasted the key itself: say so without echoing it back.
            raise ValueError("the NAME of an environment variable (e.g. OPENAI_API_KEY), not a key")
        return name
