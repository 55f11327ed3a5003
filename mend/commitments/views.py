from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mend.commitments import services
from mend.commitments.forms import CommitmentForm, RepairForm, ReportForm, RespondForm
from mend.errors import RuleBroken
from mend.forms import run_service
from mend.paging import PAGE_SIZE, page_of
from mend.spaces.access import members_of, space_for


@login_required
def index(request, space_id: int):
    space = space_for(request.user, space_id)
    others = [m for m in members_of(space) if m.pk != request.user.pk]
    form = CommitmentForm(
        request.POST or None, others=others, initial={"start_date": request.user.today()}
    )
    if request.method == "POST" and form.is_valid():
        made = run_service(form, lambda: services.make(space, request.user, **form.cleaned_data))
        if made:
            messages.success(request, "Commitment made. Small and kept beats big and missed.")
            return redirect("commitments", space_id=space.pk)
    services.bring_due_up_to_date(space)
    context = {
        "form": form,
        "waiting": services.due_today(space, request.user),
        "active": space.commitments.filter(ended_on__isnull=True).select_related(
            "maker", "receiver"
        ),
        "ended": space.commitments.filter(ended_on__isnull=False).select_related(
            "maker", "receiver"
        ),
        "record": services.occurrences(space)[:PAGE_SIZE],
    }
    return render(request, "commitments/index.html", context)


def _detail_page(request, space, commitment, failed=None, status=200):
    services.bring_due_up_to_date(space)
    page = page_of(request, services.occurrences(space).filter(commitment=commitment))
    context = {"commitment": commitment, "record": page, "page": page, "failed": failed}
    return render(request, "commitments/detail.html", context, status=status)


@login_required
def detail(request, space_id: int, commitment_id: int):
    space = space_for(request.user, space_id)
    return _detail_page(request, space, services.commitment_in(space, commitment_id))


@login_required
@require_POST
def end(request, space_id: int, commitment_id: int):
    space = space_for(request.user, space_id)
    commitment = services.commitment_in(space, commitment_id)
    try:
        services.end(commitment, request.user)
        messages.success(request, "Commitment ended. Its record stays.")
    except RuleBroken as broken:
        messages.error(request, broken.message)
    return redirect("commitment", space_id=space.pk, commitment_id=commitment.pk)


def _record_entry(request, space_id, occurrence_id, form_class, action):
    """Add one line to an occurrence's record; on a problem, show it with the note kept."""
    space = space_for(request.user, space_id)
    occurrence = services.occurrence_in(space, occurrence_id)
    form = form_class(request.POST)
    problem = None
    if form.is_valid():
        try:
            action(occurrence, request.user, **form.cleaned_data)
        except RuleBroken as broken:
            problem = broken.message
    else:
        problem = " ".join(e for errs in form.errors.values() for e in errs)
    if problem is None:
        messages.success(request, "Added to the record.")
        return redirect("commitment", space_id=space.pk, commitment_id=occurrence.commitment_id)
    failed = {
        "occurrence_id": occurrence.pk,
        "problem": problem,
        "note": request.POST.get("note", ""),
    }
    return _detail_page(request, space, occurrence.commitment, failed, status=400)


@login_required
@require_POST
def report(request, space_id: int, occurrence_id: int):
    return _record_entry(request, space_id, occurrence_id, ReportForm, services.report)


@login_required
@require_POST
def respond(request, space_id: int, occurrence_id: int):
    return _record_entry(request, space_id, occurrence_id, RespondForm, services.respond)


@login_required
@require_POST
def repair(request, space_id: int, occurrence_id: int):
    return _record_entry(request, space_id, occurrence_id, RepairForm, services.repair)
