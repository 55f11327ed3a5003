from django import forms

from mend.commitments import schedule
from mend.commitments.services import NOTE_MAX, TITLE_MAX


class CommitmentForm(forms.Form):
    title = forms.CharField(
        label="What will you do?",
        max_length=TITLE_MAX,
        help_text="Small and specific, so both of you can tell whether it happened: "
        "“Text when I leave work”.",
    )
    receiver_id = forms.TypedChoiceField(
        label="To whom?", coerce=int, required=False, empty_value=None
    )
    repeat = forms.ChoiceField(
        label="How often?",
        choices=schedule.REPEATS,
        widget=forms.RadioSelect,
        initial=schedule.DAILY,
    )
    start_date = forms.DateField(label="Starting", widget=forms.DateInput(attrs={"type": "date"}))
    due_time = forms.TimeField(
        label="By what time?", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def __init__(self, *args, others=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["receiver_id"]
        if len(others) <= 1:
            # One other person (or none yet): nothing to choose.
            del self.fields["receiver_id"]
        else:
            field.choices = [("", "Choose…")] + [(m.pk, m.display_name) for m in others]


class NoteField(forms.CharField):
    def __init__(self, label="Note (optional)", required=False):
        super().__init__(
            label=label,
            required=required,
            max_length=NOTE_MAX,
            widget=forms.Textarea(attrs={"rows": 2}),
        )


class ReportForm(forms.Form):
    value = forms.ChoiceField(choices=(("kept", "Kept"), ("missed", "Missed")))
    note = NoteField()


class RespondForm(forms.Form):
    value = forms.ChoiceField(choices=(("confirm", "Confirm"), ("dispute", "I see it differently")))
    note = NoteField()


class RepairForm(forms.Form):
    note = NoteField(label="A short repair note", required=True)
