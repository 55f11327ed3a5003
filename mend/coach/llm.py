"""An optional language-model backend for richer rewrites and role-play practice.

Off unless configured. Speaks to any OpenAI-compatible chat endpoint (Ollama, vLLM, a
llama.cpp server) with a strict timeout; on any failure the coach falls back to its own local
suggestions. Every suggestion the model makes passes through `analyze` first, and one the
coach itself flags as harmful is never shown. Pure: no Django imports.
"""

import json
import re
import urllib.request
from dataclasses import dataclass

from mend.coach.analyze import HARMFUL, analyze


@dataclass(frozen=True)
class Backend:
    url: str  # e.g. http://127.0.0.1:11434/v1
    model: str
    api_key: str = ""
    timeout: float = 8.0

    def __post_init__(self):
        if not self.url.startswith(("http://", "https://")):
            raise ValueError("The language-model URL must start with http:// or https://")

    @property
    def host(self) -> str:
        return self.url.split("//", 1)[-1].split("/", 1)[0]


class Unavailable(Exception):
    """The model did not answer in time, or answered nonsense."""


REWRITE_PROMPT = (
    "You help someone rebuild trust after it was broken. Rewrite their draft so it speaks "
    "from their own feelings and needs, without blame, contempt, sarcasm, absolutes, "
    "excuses or pressure. Keep their meaning and their voice. Reply with up to three "
    "alternatives, one per line, and nothing else."
)
ROLEPLAY_PROMPT = (
    "Play the other person in this situation so the user can practise a hard, honest "
    "conversation: {scenario}. Answer as that person would, in one or two sentences. Stay "
    "realistic and never abusive."
)


def chat(backend: Backend, messages: list[dict]) -> str:
    body = json.dumps({"model": backend.model, "messages": messages, "temperature": 0.4})
    # The scheme is checked in Backend: only http(s), never file: or custom schemes.
    request = urllib.request.Request(  # noqa: S310
        backend.url.rstrip("/") + "/chat/completions",
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            **({"Authorization": f"Bearer {backend.api_key}"} if backend.api_key else {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=backend.timeout) as response:  # noqa: S310
            data = json.loads(response.read())
        return data["choices"][0]["message"]["content"].strip()
    # OSError covers refused connections, timeouts and HTTP errors (URLError is one); the rest
    # are answers that are not the JSON an OpenAI-compatible endpoint sends.
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise Unavailable(str(exc)) from exc


def _safe(text: str, purpose: str, language: str) -> bool:
    return not set(analyze(text, purpose, language)["labels"]) & set(HARMFUL)


def rewrites(backend: Backend, text: str, purpose: str, language: str = "en") -> list[dict]:
    """Up to three rewrites from the model, each checked by the coach; harmful ones dropped."""
    answer = chat(
        backend, [{"role": "system", "content": REWRITE_PROMPT}, {"role": "user", "content": text}]
    )
    # Models number or bullet their lists; keep only the words.
    options = [
        re.sub(r"^\s*(?:\d+[.)]|[-•*])\s*", "", line).strip(' \t"“”')
        for line in answer.splitlines()
        if line.strip()
    ]
    return [
        {"category": "llm", "original": text, "text": option, "source": "llm"}
        for option in options[:3]
        if option and _safe(option, purpose, language)
    ]


def roleplay(backend: Backend, scenario: str, said: str, language: str = "en") -> dict:
    """The other person's reply in a practice conversation, with the coach's reading of both."""
    reply = chat(
        backend,
        [
            {"role": "system", "content": ROLEPLAY_PROMPT.format(scenario=scenario)},
            {"role": "user", "content": said},
        ],
    )
    return {
        "reply": reply,
        "reply_findings": analyze(reply, "message", language)["findings"],
        "your_findings": analyze(said, "message", language)["findings"],
    }
