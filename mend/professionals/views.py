from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mend.dashboard import summary
from mend.errors import RuleBroken
from mend.forms import run_service
from mend.problems import link_problem
from mend.professionals import services
from mend.professionals.models import ProfessionalAccess
from mend.spaces.access import space_for


class InviteForm(forms.Form):
    email = forms.EmailField(label="Their email address", max_length=254)


@login_required
def index(request, space_id: int):
    """Who may see this space's shared summaries, and who has agreed."""
    space = space_for(request.user, space_id)
    form = InviteForm(request.POST or None)
    link = None
    if request.method == "POST" and form.is_valid():
        made = run_service(
            form, lambda: services.invite(space, request.user, form.cleaned_data["email"], request)
        )
        if made:
            link = request.build_absolute_uri(reverse("pro_accept", args=[made[1]]))
            form = InviteForm()
    accesses = [
        {
            "access": a,
            "status": services.status(a),
            "waiting": services.waiting_for(a),
            "views": a.views.all()[:20],
            "i_consented": a.consents.filter(member=request.user).exists(),
        }
        for a in space.professionals.select_related("professional")
    ]
    return render(
        request, "professionals/index.html", {"form": form, "link": link, "accesses": accesses}
    )


@login_required
@require_POST
def consent(request, space_id: int, access_id: int):
    space = space_for(request.user, space_id)
    services.consent(services.access_in(space, access_id), request.user, request)
    messages.success(request, "You have agreed. Access begins once everyone has.")
    return redirect("professionals", space_id=space.pk)


@login_required
@require_POST
def revoke(request, space_id: int, access_id: int):
    space = space_for(request.user, space_id)
    services.revoke(services.access_in(space, access_id), request.user, request)
    messages.success(request, "Access ended, for everyone, now.")
    return redirect("professionals", space_id=space.pk)


@login_required
def accept(request, token: str):
    try:
        if request.method != "POST":
            services.invitation(token)
            return render(request, "professionals/accept.html")
        services.accept(token, request.user)
    except RuleBroken as broken:
        return link_problem(request, broken)
    messages.success(request, "Accepted. You will see the report once every member agrees.")
    return redirect("pro_home")


@login_required
def home(request):
    """The spaces this person supports as a professional."""
    mine = ProfessionalAccess.objects.filter(professional=request.user).select_related("space")
    statuses = [(a, services.status(a)) for a in mine]
    accesses = [
        {"access": a, "status": status, "active": status == services.ACTIVE}
        for a, status in statuses
    ]
    return render(request, "professionals/home.html", {"accesses": accesses})


@login_required
def report(request, access_id: int):
    """Read-only shared summaries. Never private text; every view is logged for the members."""
    access = services.report_for(request.user, access_id)
    data = summary.gather(access.space, request.user)
    return render(
        request,
        "professionals/report.html",
        {**data, "access": access, "report_space": access.space},
    )
