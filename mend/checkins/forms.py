from django import forms

from mend.checkins import scales
from mend.forms import ScaleField


class CheckInForm(forms.Form):
    mood = ScaleField(scales.MOOD)
    safety = ScaleField(scales.SAFETY)
    trust = ScaleField(scales.TRUST)
    conflict = forms.ChoiceField(
        label=scales.CONFLICT_QUESTION, choices=scales.CONFLICT_CHOICES, widget=forms.RadioSelect
    )
    communication = ScaleField(scales.COMMUNICATION)
    checking = forms.ChoiceField(
        label=scales.CHECKING_QUESTION, choices=scales.CHECKING_CHOICES, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=scales.NOTE_QUESTION,
        required=False,
        max_length=scales.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Private: only you can read this, unless you tick the box below.",
    )
    note_shared = forms.BooleanField(
        label="Share this note with the others in this space", required=False
    )
