"""Where a person is signed in, and signing out of all of it at once."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.models import Session
from django.dispatch import receiver
from django.utils import timezone

from mend.accounts import security_log
from mend.accounts.models import SignedInSession


@receiver(user_logged_in)
def _remember(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    if not request.session.session_key:
        request.session.save()
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={"user": user, "user_agent": request.META.get("HTTP_USER_AGENT", "")[:120]},
    )
    # Browsers whose session ran out without signing out: forgotten here, at sign-in, so that
    # reading the list (every profile page) writes nothing.
    SignedInSession.objects.filter(user=user).exclude(session_key__in=_live()).delete()


@receiver(user_logged_out)
def _forget(sender, request, user, **kwargs):
    if request is not None and getattr(request, "session", None) is not None:
        SignedInSession.objects.filter(session_key=request.session.session_key).delete()


def _live():
    return Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")


def active(user):
    """Signed-in browsers whose session has not expired."""
    return SignedInSession.objects.filter(user=user, session_key__in=_live())


def end_all(user, request=None) -> int:
    """Sign the person out on every browser, this one included."""
    keys = list(SignedInSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    SignedInSession.objects.filter(user=user).delete()
    security_log.record(user, security_log.Kind.SIGNED_OUT_EVERYWHERE, request)
    return len(keys)
