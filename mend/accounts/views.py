import time

import segno
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from mend import localtime
from mend.accounts import rights, security_log, services, sessions, totp, two_factor
from mend.accounts.forms import (
    CodeForm,
    DeleteAccountForm,
    PasswordChangeForm,
    PasswordOnlyForm,
    ProfileForm,
    SignUpForm,
    TokenForm,
    TwoFactorOffForm,
)
from mend.accounts.models import ApiToken, User
from mend.errors import RuleBroken
from mend.forms import run_service
from mend.paging import page_of
from mend.problems import link_problem

# A sign-in waiting for its authenticator code: kept in the session for a few minutes.
PENDING = "pending_sign_in"
CODE_WINDOW_SECONDS = 300
MAX_CODE_TRIES = 5


def _safe_next(request) -> str | None:
    """The ?next= page to return to, if it is on this site (never an open redirect)."""
    target = request.GET.get("next", "")
    ok = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if target and ok else None


def _site(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _forget_this_browser(response):
    """Ask the browser to drop everything of this site it kept: a shared phone or tablet
    should hold no trace after signing out or deleting the account."""
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


def _zones():
    return sorted(localtime.known_zones())


class SignOutView(auth_views.LogoutView):
    """Sign out, and ask the browser to forget everything of this site it kept."""

    def post(self, request, *args, **kwargs):
        return _forget_this_browser(super().post(request, *args, **kwargs))


@sensitive_post_parameters("password")
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run_service(
            form,
            lambda: services.request_sign_up(
                **form.cleaned_data, next_url=_safe_next(request) or "", site=_site(request)
            ),
        )
        if not form.errors:
            return render(
                request, "accounts/signup_sent.html", {"email": form.cleaned_data["email"]}
            )
    return render(request, "accounts/signup.html", {"form": form, "zones": _zones()})


@sensitive_post_parameters("password")
def confirm_signup(request, token: str):
    try:
        pending = services.pending_sign_up(token)
    except RuleBroken as broken:
        return link_problem(request, broken)
    form = PasswordOnlyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lambda: services.confirm_sign_up(token, form.cleaned_data["password"])
        )
        if done:
            user, next_url = done
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome to Mend. Your account is ready.")
            return redirect(next_url or "home")
    return render(request, "accounts/signup_confirm.html", {"form": form, "pending": pending})


@sensitive_post_parameters("password")
def sign_in(request):
    """Email and password (throttled by django-axes); then, if turned on, the app's code."""
    if request.user.is_authenticated:
        return redirect("home")
    form = AuthenticationForm(request, data=request.POST or None)
    next_url = _safe_next(request) or ""
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if two_factor.is_on(user):
            request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "since": time.time(),
                "next": next_url,
                "tries": 0,
            }
            return redirect("login_code")
        login(request, user)
        return redirect(next_url or "home")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@sensitive_post_parameters("code")
def sign_in_code(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["since"] > CODE_WINDOW_SECONDS:
        request.session.pop(PENDING, None)
        return redirect("login")
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and user is not None:
        if two_factor.check(user, form.cleaned_data["code"], request):
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            return redirect(pending["next"] or "home")
        pending["tries"] += 1
        security_log.record(user, security_log.Kind.SIGN_IN_FAILED, request, "wrong code")
        if pending["tries"] >= MAX_CODE_TRIES:
            del request.session[PENDING]
            messages.error(request, "Too many wrong codes. Please sign in again.")
            return redirect("login")
        request.session[PENDING] = pending
        form.add_error("code", "That code does not match. Try the newest one.")
    return render(request, "accounts/login_code.html", {"form": form})


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
        "two_factor_on": two_factor.is_on(user),
        "sessions": sessions.active(user),
    }
    return render(request, "accounts/profile.html", context)


@sensitive_post_parameters("current_password", "password")
@login_required
def change_password(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run_service(
            form,
            lambda: services.change_password(
                request.user, data["current_password"], data["password"]
            ),
        )
        if not form.errors:
            update_session_auth_hash(request, request.user)
            security_log.record(request.user, security_log.Kind.PASSWORD_CHANGED, request)
            messages.success(request, "Password changed. Other browsers have been signed out.")
            return redirect("profile")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
@require_POST
def create_token(request):
    form = TokenForm(request.POST)
    if form.is_valid():
        _, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
        security_log.record(
            request.user, security_log.Kind.TOKEN_CREATED, request, form.cleaned_data["name"]
        )
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
    security_log.record(request.user, security_log.Kind.TOKEN_REVOKED, request, token.name)
    messages.success(request, "Token revoked.")
    return redirect("profile")


@login_required
def security(request):
    """The person's own security log."""
    events = page_of(request, request.user.security_events.all())
    return render(request, "accounts/security.html", {"events": events})


@login_required
def your_data(request):
    """Export, or delete the account: each at once, needing nobody's agreement."""
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.user.check_password(form.cleaned_data["password"]):
            rights.delete_account(request.user)
            logout(request)
            return _forget_this_browser(render(request, "accounts/deleted.html"))
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


@sensitive_post_parameters("code")
@login_required
def two_factor_setup(request):
    """Turn on an authenticator app: scan, type a code, keep the recovery codes."""
    if two_factor.is_on(request.user):
        return redirect("two_factor_off")
    secret = request.session.get("new_totp_secret") or totp.new_secret()
    request.session["new_totp_secret"] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = run_service(
            form,
            lambda: two_factor.turn_on(request.user, secret, form.cleaned_data["code"], request),
        )
        if codes:
            del request.session["new_totp_secret"]
            return render(request, "accounts/two_factor_codes.html", {"codes": codes})
    uri = totp.provisioning_uri(secret, request.user.email)
    context = {
        "form": form,
        "secret": secret,
        "uri": uri,
        "qr": segno.make(uri, error="m").svg_inline(scale=4, title="Set-up code"),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@sensitive_post_parameters("password", "code")
@login_required
def two_factor_off(request):
    if not two_factor.is_on(request.user):
        return redirect("two_factor_setup")
    form = TwoFactorOffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run_service(
            form, lambda: two_factor.turn_off(request.user, data["password"], data["code"], request)
        )
        if not form.errors:
            messages.success(request, "Two-factor authentication is off.")
            return redirect("profile")
    context = {"form": form, "codes_left": two_factor.recovery_codes_left(request.user)}
    return render(request, "accounts/two_factor_off.html", context)


@login_required
@require_POST
def sign_out_everywhere(request):
    sessions.end_all(request.user, request)
    logout(request)
    return _forget_this_browser(redirect("login"))
