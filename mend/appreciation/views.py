from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from mend.appreciation import services
from mend.appreciation.forms import AppreciationForm, ThreeThingsForm
from mend.appreciation.models import Appreciation
from mend.forms import run_service
from mend.paging import page_of
from mend.safety import services as safety
from mend.spaces.access import members_of, space_for


@login_required
def index(request, space_id: int):
    """Send a note, the nightly three things, and read what you were sent."""
    space = space_for(request.user, space_id)
    others = [m for m in members_of(space) if m.pk != request.user.pk]
    posted = request.POST.get("form") if request.method == "POST" else None
    note_form = AppreciationForm(request.POST if posted == "note" else None, others=others)
    three_form = ThreeThingsForm(request.POST if posted == "three" else None, others=others)
    if posted == "note" and note_form.is_valid():
        data = note_form.cleaned_data
        if run_service(
            note_form,
            lambda: services.send(space, request.user, data["recipient_id"], data["text"]),
        ):
            messages.success(request, "Sent. Small words of thanks add up.")
            return redirect("appreciation", space_id=space.pk)
    if posted == "three" and three_form.is_valid():
        sent = run_service(
            three_form,
            lambda: services.send_three_things(
                space, request.user, three_form.cleaned_data["recipient_id"], three_form.things()
            ),
        )
        if sent:
            messages.success(request, f"Sent {len(sent)} appreciation{'s' * (len(sent) > 1)}.")
            return redirect("appreciation", space_id=space.pk)
    mine = Appreciation.objects.filter(space=space).select_related("sender", "recipient")
    context = {
        "others": others,
        "note_form": note_form,
        "three_form": three_form,
        "received": page_of(request, mine.filter(recipient=request.user), "received"),
        "sent": page_of(request, mine.filter(sender=request.user), "sent"),
        "evening": not safety.mode_on(request.user)
        and services.evening_prompt_due(space, request.user),
    }
    status = 400 if posted and request.method == "POST" else 200
    return render(request, "appreciation/index.html", context, status=status)
