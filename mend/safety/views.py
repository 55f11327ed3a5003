from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from mend.safety import resources, services
from mend.safety.forms import CountryForm, SafetyCheckForm, SafetyPlanForm
from mend.safety.models import SafetyPlan


@login_required
def overview(request):
    profile = services.profile_of(request.user)
    context = {
        "profile": profile,
        "country": resources.for_country(profile.country),
        "country_form": CountryForm(initial={"country": profile.country}),
        "has_plan": SafetyPlan.objects.filter(user=request.user).exists(),
    }
    return render(request, "safety/overview.html", context)


@sensitive_post_parameters()
@login_required
def check(request):
    form = SafetyCheckForm(
        request.POST or None, initial={"country": services.profile_of(request.user).country}
    )
    if request.method == "POST" and form.is_valid():
        profile = services.record_check(request.user, form.answers(), form.cleaned_data["country"])
        if profile.safety_mode:
            messages.info(
                request,
                "Thank you for telling us. Safety mode is on: help comes "
                "first here now. Nobody else can see this.",
            )
        else:
            messages.success(request, "Thank you. You can come back to this at any time.")
        return redirect("safety")
    return render(request, "safety/check.html", {"form": form})


@login_required
@require_POST
def mode(request):
    services.set_mode(request.user, request.POST.get("on") == "yes")
    return redirect("safety")


@login_required
@require_POST
def country(request):
    form = CountryForm(request.POST)
    if form.is_valid():
        services.set_country(request.user, form.cleaned_data["country"])
    return redirect("safety")


@sensitive_post_parameters()
@login_required
def plan(request):
    current = services.plan_of(request.user)
    initial = {name: getattr(current, name) for name, _, _ in SafetyPlan.FIELDS}
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_plan(request.user, **form.cleaned_data)
        messages.success(request, "Your plan is saved, encrypted, for you alone.")
        return redirect("safety_plan")
    return render(request, "safety/plan.html", {"form": form})
