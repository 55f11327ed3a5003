"""Safety mode: the one switch every nudge towards reconciliation must respect."""

from django.utils import timezone

from mend.safety import questions, resources
from mend.safety.models import SafetyPlan, SafetyProfile

PLAN_MAX = 2000


def profile_of(user) -> SafetyProfile:
    profile, _ = SafetyProfile.objects.get_or_create(user=user)
    return profile


def mode_on(user) -> bool:
    """True when reconciliation nudges and repair next steps must stay quiet for this person."""
    return SafetyProfile.objects.filter(user=user, safety_mode=True).exists()


def record_check(user, answers: dict[str, bool], country: str = "") -> SafetyProfile:
    """Answers are used once, to decide, and not stored."""
    profile = profile_of(user)
    if questions.needs_safety_mode(answers):
        profile.safety_mode = True
    _choose_country(profile, country)
    profile.checked_at = timezone.now()
    profile.save()
    return profile


def _choose_country(profile: SafetyProfile, country: str) -> bool:
    """Take the country only if we have its crisis lines; otherwise keep the one we had."""
    if not resources.for_country(country):
        return False
    profile.country = country.upper()
    return True


def set_mode(user, on: bool) -> None:
    profile = profile_of(user)
    profile.safety_mode = on
    profile.save(update_fields=["safety_mode"])


def set_country(user, country: str) -> None:
    profile = profile_of(user)
    if _choose_country(profile, country):
        profile.save(update_fields=["country"])


def plan_of(user) -> SafetyPlan:
    return SafetyPlan.objects.filter(user=user).first() or SafetyPlan(user=user)


def save_plan(user, **fields) -> SafetyPlan:
    plan = plan_of(user)
    for name, value in fields.items():
        setattr(plan, name, value[:PLAN_MAX])
    plan.updated_at = timezone.now()
    plan.save()
    return plan
