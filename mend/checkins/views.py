from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters

from mend.checkins import services
from mend.checkins.forms import CheckInForm
from mend.checkins.models import CheckIn
from mend.forms import run_service
from mend.spaces.access import space_for


@sensitive_post_parameters("note")
@login_required
def checkin(request, space_id: int):
    space = space_for(request.user, space_id)
    existing = services.todays_checkin(space, request.user)
    initial = None
    if existing:
        initial = {f: getattr(existing, f) for f in CheckInForm.base_fields}
    form = CheckInForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        answers = services.Answers(**form.cleaned_data)
        save = services.revise if existing else services.record
        if run_service(form, lambda: save(space, request.user, answers)):
            messages.success(request, "Check-in saved. You can change it until midnight.")
            return redirect("dashboard", space_id=space.pk)
    context = {
        "form": form,
        "editing": existing is not None,
        "today": request.user.today(),
    }
    return render(request, "checkins/checkin.html", context)


@login_required
def history(request, space_id: int):
    """Your own check-ins here, notes included: your journal of this repair."""
    space = space_for(request.user, space_id)
    mine = CheckIn.objects.in_space(space).filter(user=request.user).order_by("-local_date")[:90]
    return render(request, "checkins/history.html", {"checkins": mine})
