import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone


class Space(models.Model):
    """A relationship: a couple, a family or a group of friends."""

    class Kind(models.TextChoices):
        COUPLE = "couple", "Couple"
        FAMILY = "family", "Family"
        FRIENDSHIP = "friendship", "Friendship"

    CAPACITY = {Kind.COUPLE: 2, Kind.FAMILY: 8, Kind.FRIENDSHIP: 8}

    name = models.CharField(max_length=80)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.name

    @property
    def capacity(self) -> int:
        return self.CAPACITY[self.kind]


class MembershipQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user).select_related("space")


class Membership(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space")
        ]
        ordering = ["joined_at", "id"]


class Invite(models.Model):
    """A single-use, expiring link. Only the digest of its token is stored."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="invites")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class SpaceEvent(models.Model):
    """A shared moment on a space's timeline (joined, left). Never holds private text."""

    class Kind(models.TextChoices):
        CREATED = "created", "started this space"
        JOINED = "joined", "joined"
        LEFT = "left", "left"

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
