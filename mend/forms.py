"""Shared form plumbing: a form parses types, a domain service enforces the rules.

`run_service` calls the service and turns a broken rule into an error on the right field, so
the page re-renders with everything the person typed still there.
"""

from django import forms

from mend.errors import RuleBroken


def run_service(form: forms.Form, call):
    """Return the service's result, or None after attaching its complaint to the form (for a
    service that returns nothing, `form.errors` tells whether it went through)."""
    try:
        return call()
    except RuleBroken as broken:
        field = broken.field if broken.field in form.fields else None
        form.add_error(field, broken.message)
        return None


class ScaleField(forms.TypedChoiceField):
    """A 0–10 or 1–5 scale shown as a row of radio buttons."""

    def __init__(self, scale, **kwargs):
        choices = [(n, str(n)) for n in range(scale.low, scale.high + 1)]
        super().__init__(
            choices=choices, coerce=int, widget=forms.RadioSelect, label=scale.question, **kwargs
        )
        self.scale = scale
