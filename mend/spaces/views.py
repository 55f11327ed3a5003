from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mend.errors import RuleBroken
from mend.forms import run_service
from mend.problems import link_problem
from mend.spaces import services
from mend.spaces.access import members_of, space_for
from mend.spaces.forms import SpaceForm
from mend.spaces.models import Membership


def home(request):
    if not request.user.is_authenticated:
        return render(request, "welcome.html")
    first = Membership.objects.of(request.user).first()
    if first is None:
        return redirect("space_new")
    return redirect("dashboard", space_id=first.space_id)


@login_required
def new_space(request):
    form = SpaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        space = run_service(form, lambda: services.create_space(request.user, **form.cleaned_data))
        if space is not None:
            return redirect("invite", space_id=space.pk)
    return render(request, "spaces/new.html", {"form": form})


@login_required
def invite(request, space_id: int):
    space = space_for(request.user, space_id)
    link, problem = None, None
    if request.method == "POST":
        try:
            _, token = services.create_invite(space, request.user)
            link = request.build_absolute_uri(reverse("invite_accept", args=[token]))
        except RuleBroken as broken:
            problem = broken.message
    context = {"members": members_of(space), "link": link, "problem": problem}
    return render(request, "spaces/invite.html", context)


def accept_invite(request, token: str):
    try:
        invitation = services.open_invite(token)
    except RuleBroken as broken:
        return link_problem(request, broken)
    if request.method == "POST" and request.user.is_authenticated:
        try:
            space = services.accept_invite(token, request.user)
        except RuleBroken as broken:
            return link_problem(request, broken)
        messages.success(request, f"Welcome to {space.name}.")
        return redirect("dashboard", space_id=space.pk)
    return render(request, "spaces/invite_accept.html", {"invitation": invitation})


@login_required
def leave(request, space_id: int):
    space = space_for(request.user, space_id)
    if request.method == "POST":
        services.leave_space(space, request.user)
        messages.success(request, f"You have left {space.name}.")
        return redirect("home")
    return render(request, "spaces/leave.html", {"members": members_of(space)})


@login_required
@require_POST
def switch(request):
    """The header's space switcher, for browsers without JavaScript."""
    try:
        space = space_for(request.user, int(request.POST.get("space_id", "0")))
    except ValueError:
        return redirect("home")
    return redirect("dashboard", space_id=space.pk)
