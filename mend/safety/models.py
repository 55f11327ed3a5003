from django.conf import settings
from django.db import models
from django.utils import timezone

from mend.crypto import SealedTextField


class SafetyProfile(models.Model):
    """One person's own safety settings. No other member can see or infer any of it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety"
    )
    # On: reconciliation nudges and repair next steps stop; help comes first.
    safety_mode = models.BooleanField(default=False)
    country = models.CharField(max_length=2, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)


class SafetyPlan(models.Model):
    """A private plan for leaving or staying safe. Every field is sealed."""

    FIELDS = (
        (
            "people",
            "People I can call, and what I will say",
            "Names and numbers you trust — a friend, family, a helpline.",
        ),
        (
            "places",
            "Safe places I can go",
            "Somewhere open day and night, a friend's home, a shelter.",
        ),
        (
            "documents",
            "Documents and things to take",
            "ID, passport, bank cards, medicines, keys, children's papers.",
        ),
        ("money", "Money", "An account only you can reach, cash kept somewhere safe."),
        ("code_word", "A code word", "A word that tells someone you trust to call for help."),
        ("other", "Anything else", ""),
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    people = SealedTextField(blank=True, default="")
    places = SealedTextField(blank=True, default="")
    documents = SealedTextField(blank=True, default="")
    money = SealedTextField(blank=True, default="")
    code_word = SealedTextField(blank=True, default="")
    other = SealedTextField(blank=True, default="")
    updated_at = models.DateTimeField(default=timezone.now)
