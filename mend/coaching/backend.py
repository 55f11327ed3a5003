"""The configured language-model backend, if any (settings.MEND_LLM_*)."""

from django.conf import settings

from mend.coach.llm import Backend


def configured() -> Backend | None:
    if not settings.MEND_LLM_URL:
        return None
    return Backend(
        settings.MEND_LLM_URL,
        settings.MEND_LLM_MODEL,
        settings.MEND_LLM_API_KEY,
        float(settings.MEND_LLM_TIMEOUT),
    )
