from django import forms

from mend.safety import questions, resources
from mend.safety.models import SafetyPlan
from mend.safety.services import PLAN_MAX

YES_NO = (("no", "No"), ("yes", "Yes"))


def _country_field(required=False):
    return forms.ChoiceField(
        label="Where do you live?",
        required=required,
        choices=[("", "Choose a country…"), *resources.choices()],
        help_text="So we show help lines you can call.",
    )


class SafetyCheckForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, text in questions.QUESTIONS:
            self.fields[key] = forms.ChoiceField(
                label=text, choices=YES_NO, widget=forms.RadioSelect
            )
        self.fields["country"] = _country_field()

    def answers(self) -> dict[str, bool]:
        return {key: self.cleaned_data[key] == "yes" for key, _ in questions.QUESTIONS}


class CountryForm(forms.Form):
    country = _country_field(required=True)


class SafetyPlanForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, hint in SafetyPlan.FIELDS:
            self.fields[name] = forms.CharField(
                label=label,
                help_text=hint,
                required=False,
                max_length=PLAN_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
