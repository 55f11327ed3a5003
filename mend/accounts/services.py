"""Account operations shared by the web pages and the API."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from mend import localtime
from mend.accounts.models import User
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


def sign_up(email: str, password: str, display_name: str, time_zone: str = "UTC") -> User:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise RuleBroken("Please enter a valid email address.", "email") from exc
    display_name = check_display_name(display_name)
    time_zone = check_time_zone(time_zone)
    probe = User(email=email, display_name=display_name)
    check_password(password, probe)
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            raise RuleBroken("An account with this email already exists. Try signing in.", "email")
        return User.objects.create_user(
            email, password, display_name=display_name, time_zone=time_zone
        )


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
