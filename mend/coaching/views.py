from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters

from mend.coach import PURPOSES
from mend.coach.analyze import MAX_TEXT
from mend.coaching import coaching
from mend.coaching.backend import configured
from mend.forms import run_service

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


class ScenarioForm(forms.Form):
    scenario = forms.CharField(
        label="The situation",
        max_length=500,
        help_text="Who they are and what you need to talk about.",
    )
    message = forms.CharField(
        label="What you would say", max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )


@sensitive_post_parameters("text", "message", "scenario")
@login_required
def practice(request):
    """Try words out before saying them. Nothing written here is saved."""
    posted = request.POST.get("form") if request.method == "POST" else None
    form = PracticeForm(request.POST if posted == "check" else None)
    scenario_form = ScenarioForm(request.POST if posted == "scenario" else None)
    result = practice_reply = None
    if posted == "check" and form.is_valid():
        data = form.cleaned_data
        result = coaching.analyze_draft(
            data["text"], data["purpose"], ai=request.POST.get("ai") == "on"
        )
    if posted == "scenario" and scenario_form.is_valid():
        data = scenario_form.cleaned_data
        practice_reply = run_service(
            scenario_form, lambda: coaching.roleplay(data["scenario"], data["message"])
        )
    backend = configured()
    context = {
        "form": form,
        "result": result,
        "scenario_form": scenario_form,
        "practice_reply": practice_reply,
        "llm": backend,
    }
    return render(request, "coaching/practice.html", context)
