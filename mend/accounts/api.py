from datetime import datetime

from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordResetForm
from ninja import Field, Router, Schema, Status

from mend.accounts import rights, security_log, services, two_factor
from mend.accounts.models import ApiToken
from mend.apischema import Done, Id, Input, problems
from mend.errors import RuleBroken

router = Router(tags=["accounts"])


class SignUpIn(Input):
    email: str = Field(max_length=254)
    password: str = Field(max_length=512)
    display_name: str = Field(max_length=services.NAME_MAX)
    time_zone: str = Field("UTC", max_length=64)


class Me(Schema):
    id: int
    email: str
    display_name: str
    time_zone: str


class ProfileIn(Input):
    display_name: str = Field(max_length=services.NAME_MAX)
    time_zone: str = Field(max_length=64)


class PasswordIn(Input):
    current_password: str = Field(max_length=512)
    password: str = Field(max_length=512)


class Credentials(Input):
    email: str = Field(max_length=254)
    password: str = Field(max_length=512)
    code: str | None = Field(None, max_length=20, description="Needed when two-factor is on.")
    name: str = Field("API client", min_length=1, max_length=60)


class ConfirmIn(Input):
    token: str = Field(max_length=100)
    password: str = Field(max_length=512)


class NewToken(Schema):
    id: int
    name: str
    token: str


class TokenOut(Schema):
    id: int
    name: str
    hint: str


class EmailIn(Input):
    email: str = Field(max_length=254)


@router.post("/auth/signup", auth=None, response={202: Done, **problems(400)})
def sign_up(request, payload: SignUpIn):
    """Emails a confirmation link. The answer is the same whether or not the address is taken."""
    services.request_sign_up(**payload.dict(), site=f"{request.scheme}://{request.get_host()}")
    return Status(202, {"ok": True})


@router.post("/auth/signup/confirm", auth=None, response={201: Me, **problems(400, 409, 410)})
def confirm_sign_up(request, payload: ConfirmIn):
    """Finish signing up with the token from the emailed link and the chosen password."""
    user, _ = services.confirm_sign_up(payload.token, payload.password)
    return Status(201, user)


@router.post("/auth/token", auth=None, response={201: NewToken, **problems(400, 429)})
def issue_token(request, payload: Credentials):
    """Exchange email, password (and the app's code, if two-factor is on) for a personal API
    token, shown once."""
    user = authenticate(request, username=payload.email.lower(), password=payload.password)
    if getattr(request, "axes_locked_out", False):
        del request.axes_locked_out  # answered here, as JSON, not by the lockout page
        raise RuleBroken("Too many attempts. Please wait a while.", status=429)
    if user is None:
        raise RuleBroken("That email and password do not match an account.")
    if two_factor.is_on(user) and not two_factor.check(user, payload.code or "", request):
        raise RuleBroken("Enter a current code from your authenticator app.", "code")
    token, raw = ApiToken.issue(user, payload.name)
    security_log.record(user, security_log.Kind.TOKEN_CREATED, request, payload.name)
    return Status(201, {"id": token.pk, "name": token.name, "token": raw})


@router.post("/auth/password-reset", auth=None, response={202: Done, **problems()})
def password_reset(request, payload: EmailIn):
    """Emails a reset link if the address has an account; the answer is the same either way."""
    form = PasswordResetForm({"email": payload.email})
    if form.is_valid():
        form.save(
            request=request,
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
        )
    return Status(202, {"ok": True})


@router.get("/me", response={200: Me, **problems()})
def me(request):
    return request.user


@router.patch("/me", response={200: Me, **problems(400)})
def update_me(request, payload: ProfileIn):
    return services.update_profile(request.user, payload.display_name, payload.time_zone)


@router.post("/me/password", response={200: Done, **problems(400)})
def change_password(request, payload: PasswordIn):
    services.change_password(request.user, payload.current_password, payload.password)
    return {"ok": True}


@router.get("/me/tokens", response={200: list[TokenOut], **problems()})
def list_tokens(request):
    return request.user.api_tokens.all()


@router.delete("/me/tokens/{token_id}", response={204: None, **problems(404)})
def revoke_token(request, token_id: Id):
    deleted, _ = request.user.api_tokens.filter(pk=token_id).delete()
    if not deleted:
        raise RuleBroken("No such token.", status=404)
    return Status(204, None)


class SecurityEventOut(Schema):
    at: datetime
    kind: str
    detail: str


class PasswordConfirm(Input):
    password: str = Field(max_length=512)


@router.get("/me/export", response={200: dict, **problems()})
def export(request):
    """Everything you wrote, and what was written to you, as JSON."""
    return rights.export(request.user, request)


@router.post("/me/delete", response={200: Done, **problems(400)})
def delete_account(request, payload: PasswordConfirm):
    """Delete your account and everything you wrote, at once."""
    if not request.user.check_password(payload.password):
        raise RuleBroken("That is not your password.", "password")
    rights.delete_account(request.user)
    return {"ok": True}


@router.get("/me/security-log", response={200: list[SecurityEventOut], **problems()})
def my_security_log(request):
    return request.user.security_events.all()[:200]
