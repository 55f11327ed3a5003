"""The coach as the web pages and the API use it: local analysis, plus the optional model."""

from mend.coach import analyze, llm
from mend.coaching.backend import configured
from mend.errors import RuleBroken


def analyze_draft(text: str, purpose: str, language: str = "en", ai: bool = False) -> dict:
    result = analyze(text, purpose, language)
    backend = configured()
    if not ai or backend is None:
        return {**result, "ai": "off"}
    try:
        extra = llm.rewrites(backend, text, purpose, language)
    except llm.Unavailable:
        return {**result, "ai": "unavailable"}
    return {**result, "rewrites": extra + result["rewrites"], "ai": "used"}


def roleplay(scenario: str, said: str) -> dict:
    backend = configured()
    if backend is None:
        # A feature this server does not offer: not found, rather than a server failure.
        raise RuleBroken(
            "Role-play needs a language model, and none is configured here.", status=404
        )
    try:
        return llm.roleplay(backend, scenario, said)
    except llm.Unavailable as exc:
        raise RuleBroken(
            "The language model did not answer in time. Try again later.", status=504
        ) from exc
