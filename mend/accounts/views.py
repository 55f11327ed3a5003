from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from mend import localtime
from mend.accounts import rights, services
from mend.accounts.forms import (
    DeleteAccountForm,
    PasswordChangeForm,
    ProfileForm,
    SignUpForm,
    TokenForm,
)
from mend.accounts.models import ApiToken
from mend.forms import run_service


def _safe_next(request) -> str | None:
    """The ?next= page to return to, if it is on this site (never an open redirect)."""
    target = request.GET.get("next", "")
    ok = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if target and ok else None


def _zones():
    return sorted(localtime.known_zones())


class SignOutView(auth_views.LogoutView):
    """Sign out, and ask the browser to forget everything of this site it kept."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response


@sensitive_post_parameters("password")
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = run_service(form, lambda: services.sign_up(**form.cleaned_data))
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(_safe_next(request) or "home")
    return render(request, "accounts/signup.html", {"form": form, "zones": _zones()})


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={"display_name": user.display_name, "time_zone": user.time_zone},
    )
    saved = (
        request.method == "POST"
        and form.is_valid()
        and run_service(form, lambda: services.update_profile(user, **form.cleaned_data))
    )
    if saved:
        messages.success(request, "Profile saved.")
        return redirect("profile")
    context = {
        "form": form,
        "zones": _zones(),
        "tokens": user.api_tokens.all(),
        "token_form": TokenForm(),
        "new_token": request.session.pop("new_token", None),
    }
    return render(request, "accounts/profile.html", context)


@sensitive_post_parameters("current_password", "password")
@login_required
def change_password(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run_service(
            form,
            lambda: (
                services.change_password(request.user, data["current_password"], data["password"])
                or True
            ),
        )
        if done:
            update_session_auth_hash(request, request.user)
            messages.success(request, "Password changed.")
            return redirect("profile")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
@require_POST
def create_token(request):
    form = TokenForm(request.POST)
    if form.is_valid():
        _, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
        # Shown once on the next page, then gone from the session.
        request.session["new_token"] = raw
    else:
        messages.error(request, "Give the token a name of up to 60 characters.")
    return redirect("profile")


@login_required
@require_POST
def revoke_token(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    token.delete()
    messages.success(request, "Token revoked.")
    return redirect("profile")


@login_required
def security(request):
    """The person's own security log."""
    events = request.user.security_events.all()[:200]
    return render(request, "accounts/security.html", {"events": events})


@login_required
def your_data(request):
    """Export, or delete the account: each at once, needing nobody's agreement."""
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.user.check_password(form.cleaned_data["password"]):
            rights.delete_account(request.user)
            logout(request)
            response = render(request, "accounts/deleted.html")
            response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
            return response
        form.add_error("password", "That is not your password.")
    return render(request, "accounts/data.html", {"form": form})


@login_required
def export_json(request):
    data = rights.export(request.user, request)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="mend-export.json"'
    return response


@login_required
def export_csv(request):
    response = HttpResponse(
        rights.export_csv_zip(request.user, request), content_type="application/zip"
    )
    response["Content-Disposition"] = 'attachment; filename="mend-export.zip"'
    return response
