"""A misconfigured language model is reported when Mend starts (`make run` migrates, which runs
the checks), not as a server error on someone's first keystroke."""

from django.core import checks

from mend.coaching.backend import configured


@checks.register()
def language_model_settings(app_configs, **kwargs):
    try:
        configured()
    except ValueError as exc:
        return [checks.Error(str(exc), hint="Check MEND_LLM_URL.", id="coaching.E001")]
    return []
