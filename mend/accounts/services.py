"""Account operations shared by the web pages and the API."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password as check_password_hash
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from mend import localtime
from mend.accounts.models import PendingSignUp, User
from mend.errors import RuleBroken

NAME_MAX = 60


def check_display_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise RuleBroken("Please tell us what to call you.", "display_name")
    if len(name) > NAME_MAX:
        raise RuleBroken(f"Keep your name to {NAME_MAX} characters or fewer.", "display_name")
    return name


def check_time_zone(zone: str) -> str:
    if not localtime.is_known_zone(zone):
        raise RuleBroken(
            f"“{zone[:64]}” is not a time zone we know. Try a name like Europe/Berlin.",
            "time_zone",
        )
    return zone


def check_password(password: str, user: User | None = None) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise RuleBroken(" ".join(exc.messages), "password") from exc


def _send(to: str, template: str, context: dict) -> None:
    # Subjects and first lines say nothing personal: phones show them on the lock screen.
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail("Your account link", body, None, [to])


def request_sign_up(
    email: str,
    password: str,
    display_name: str,
    time_zone: str = "UTC",
    next_url: str = "",
    site: str = "",
) -> None:
    """Check the form, then email a confirmation link. Whether the address already has an
    account changes only what the email says, never the answer here."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise RuleBroken("Please enter a valid email address.", "email") from exc
    display_name = check_display_name(display_name)
    time_zone = check_time_zone(time_zone)
    check_password(password, User(email=email, display_name=display_name))
    password_hash = make_password(password)  # spent on both paths, so timing tells nothing
    if User.objects.filter(email__iexact=email).exists():
        _send(email, "already_registered", {"site": site})
        return
    token = secrets.token_urlsafe(32)
    PendingSignUp.objects.filter(created_at__lt=_fresh_since()).delete()
    PendingSignUp.objects.create(
        digest=_digest(token),
        email=email,
        display_name=display_name,
        time_zone=time_zone,
        password_hash=password_hash,
        next_url=next_url[:200],
    )
    _send(email, "confirm_sign_up", {"link": f"{site}/signup/confirm/{token}/"})


def _fresh_since():
    """Sign-up links made before this have expired."""
    return timezone.now() - timedelta(hours=PendingSignUp.LIFETIME_HOURS)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def pending_sign_up(token: str) -> PendingSignUp:
    pending = PendingSignUp.objects.filter(digest=_digest(token)).first()
    if pending is None or pending.created_at < _fresh_since():
        raise RuleBroken(
            "This link has expired or was already used. Please sign up again.", status=410
        )
    return pending


def confirm_sign_up(token: str, password: str) -> tuple[User, str]:
    """Create the account, if the password is the one chosen at sign-up. Returns the user and
    the page they were heading to."""
    with transaction.atomic():
        pending = pending_sign_up(token)
        if not check_password_hash(password, pending.password_hash):
            raise RuleBroken("That is not the password you chose when signing up.", "password")
        if User.objects.filter(email__iexact=pending.email).exists():
            pending.delete()
            raise RuleBroken("This address already has an account. Please sign in.", status=409)
        user = User.objects.create_user(
            pending.email, None, display_name=pending.display_name, time_zone=pending.time_zone
        )
        user.password = pending.password_hash
        user.save(update_fields=["password"])
        PendingSignUp.objects.filter(email=pending.email).delete()
    return user, pending.next_url


def update_profile(user: User, display_name: str, time_zone: str) -> User:
    user.display_name = check_display_name(display_name)
    user.time_zone = check_time_zone(time_zone)
    user.save(update_fields=["display_name", "time_zone"])
    return user


def change_password(user: User, current: str, new: str) -> None:
    if not user.check_password(current):
        raise RuleBroken("Your current password is not right.", "current_password")
    check_password(new, user)
    user.set_password(new)
    user.save(update_fields=["password"])
