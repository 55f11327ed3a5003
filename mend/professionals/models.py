import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from mend.spaces.models import Space


class ProfessionalAccess(models.Model):
    """A therapist or coach invited to see a space's shared summaries, read-only.

    It begins only when every current member has consented, and any member can end it at once.
    """

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="professionals")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(max_length=254)
    digest = models.CharField(max_length=64, unique=True)
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="client_spaces",
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class Consent(models.Model):
    access = models.ForeignKey(
        ProfessionalAccess, on_delete=models.CASCADE, related_name="consents"
    )
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["access", "member"], name="one_consent_per_member")
        ]


class ReportView(models.Model):
    """Every time the professional opened the shared report; every member can see the list."""

    access = models.ForeignKey(ProfessionalAccess, on_delete=models.CASCADE, related_name="views")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]
