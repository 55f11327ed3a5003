"""Two-factor authentication: an authenticator app, with single-use recovery codes."""

import time

from django.db import transaction
from django.utils import timezone

from mend.accounts import security_log, totp
from mend.accounts.models import RecoveryCode, TwoFactor
from mend.errors import RuleBroken


def is_on(user) -> bool:
    return TwoFactor.objects.filter(user=user).exists()


def turn_on(user, secret: str, code: str, request=None) -> list[str]:
    """Confirm the app with a code it shows; returns the recovery codes, shown once."""
    step = totp.matching_step(secret, code, time.time(), None)
    if step is None:
        raise RuleBroken(
            "That code does not match. Check the time on your phone and try again.", "code"
        )
    codes = totp.new_recovery_codes()
    with transaction.atomic():
        TwoFactor.objects.update_or_create(
            user=user, defaults={"secret": secret, "last_step": step}
        )
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            [
                RecoveryCode(
                    user=user, digest=RecoveryCode.digest_of(totp.normalise_recovery_code(c))
                )
                for c in codes
            ]
        )
    security_log.record(user, security_log.Kind.TWO_FACTOR_ON, request)
    return codes


def check(user, code: str, request=None) -> bool:
    """True if `code` is a fresh app code or an unused recovery code; either works once."""
    with transaction.atomic():
        factor = TwoFactor.objects.select_for_update().filter(user=user).first()
        if factor is None:
            return False
        step = totp.matching_step(factor.secret, code, time.time(), factor.last_step)
        if step is not None:
            # Conditional update: two requests racing with one code cannot both win.
            won = TwoFactor.objects.filter(pk=factor.pk, last_step=factor.last_step).update(
                last_step=step
            )
            return won == 1
        digest = RecoveryCode.digest_of(totp.normalise_recovery_code(code))
        used = RecoveryCode.objects.filter(user=user, digest=digest, used_at__isnull=True).update(
            used_at=timezone.now()
        )
    if used:
        security_log.record(user, security_log.Kind.RECOVERY_CODE_USED, request)
    return bool(used)


def turn_off(user, password: str, code: str, request=None) -> None:
    if not user.check_password(password):
        raise RuleBroken("That is not your password.", "password")
    if not check(user, code, request):
        raise RuleBroken("That code does not match.", "code")
    with transaction.atomic():
        TwoFactor.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
    security_log.record(user, security_log.Kind.TWO_FACTOR_OFF, request)


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
