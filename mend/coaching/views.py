from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters

from mend.coach import PURPOSES, analyze
from mend.coach.analyze import MAX_TEXT

PURPOSE_LABELS = {
    "message": "A message to them",
    "apology": "An apology",
    "boundary": "A boundary",
    "checkin": "How I am",
}


class PracticeForm(forms.Form):
    purpose = forms.ChoiceField(
        label="What are you writing?",
        initial="message",
        choices=[(p, PURPOSE_LABELS[p]) for p in PURPOSES],
    )
    text = forms.CharField(
        label="Your words",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6, "data-coach": "message"}),
    )


@sensitive_post_parameters("text")
@login_required
def practice(request):
    """Try words out before saying them. Nothing written here is saved."""
    form = PracticeForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = analyze(form.cleaned_data["text"], form.cleaned_data["purpose"])
    return render(request, "coaching/practice.html", {"form": form, "result": result})
