from django import forms

from mend.appreciation.services import TEXT_MAX


def _recipient_field(others):
    return forms.TypedChoiceField(
        label="To", coerce=int, choices=[(m.pk, m.display_name) for m in others]
    )


class AppreciationForm(forms.Form):
    text = forms.CharField(
        label="What did you appreciate?",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "data-coach": "message"}),
    )

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"recipient_id": _recipient_field(others), **self.fields}


class ThreeThingsForm(forms.Form):
    first = forms.CharField(label="One", max_length=TEXT_MAX, required=False)
    second = forms.CharField(label="Two", max_length=TEXT_MAX, required=False)
    third = forms.CharField(label="Three", max_length=TEXT_MAX, required=False)

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"recipient_id": _recipient_field(others), **self.fields}

    def things(self) -> list[str]:
        return [self.cleaned_data[k] for k in ("first", "second", "third")]
