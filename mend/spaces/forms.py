from django import forms

from mend.spaces.models import Space
from mend.spaces.services import NAME_MAX


class SpaceForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=NAME_MAX, help_text="Only the people in this space see it."
    )
    kind = forms.ChoiceField(
        label="Who is it for?",
        choices=Space.Kind.choices,
        widget=forms.RadioSelect,
        initial=Space.Kind.COUPLE,
    )
