"""Writing a person's own security log (sign-ins, 2FA changes, exports, joins, …)."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from mend.accounts.models import SecurityEvent, User

Kind = SecurityEvent.Kind


def _client(request) -> dict:
    if request is None:
        return {}
    return {
        "ip_address": request.META.get("REMOTE_ADDR") or None,
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:120],
    }


def record(user, kind: str, request=None, detail: str = "") -> None:
    SecurityEvent.objects.create(user=user, kind=kind, detail=detail[:200], **_client(request))


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    record(user, Kind.SIGNED_IN, request)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    email = (credentials.get("username") or credentials.get("email") or "").lower()
    user = User.objects.filter(email=email).first()
    if user is not None:
        record(user, Kind.SIGN_IN_FAILED, request)
