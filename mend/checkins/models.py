from django.conf import settings
from django.db import models
from django.utils import timezone

from mend.checkins import scales
from mend.crypto import SealedTextField
from mend.spaces.models import Space


class CheckInQuerySet(models.QuerySet):
    def in_space(self, space):
        return self.filter(space=space)

    def between(self, first_day, last_day):
        return self.filter(local_date__gte=first_day, local_date__lte=last_day)


class CheckIn(models.Model):
    """One person's check-in for one local day in one space.

    The numbers are seen by the space's members (that is the point of checking in together);
    `note` is sealed and read only by its author unless they choose to share it.
    """

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="checkins")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    local_date = models.DateField()
    mood = models.PositiveSmallIntegerField()
    safety = models.PositiveSmallIntegerField()
    trust = models.PositiveSmallIntegerField()
    conflict = models.CharField(max_length=5, choices=scales.CONFLICT_CHOICES)
    communication = models.PositiveSmallIntegerField()
    checking = models.CharField(max_length=5, choices=scales.CHECKING_CHOICES)
    note = SealedTextField(blank=True, default="")
    note_shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["space", "user", "local_date"], name="one_checkin_per_local_day"
            )
        ]
        ordering = ["local_date"]

    ANSWERS = (
        "local_date",
        "mood",
        "safety",
        "trust",
        "conflict",
        "communication",
        "checking",
        "note_shared",
    )

    def as_seen_by(self, viewer) -> dict:
        """The check-in as `viewer` may see it: the numbers, and the note only if allowed."""
        data = {name: getattr(self, name) for name in self.ANSWERS}
        data["note"] = self.note_visible_to(viewer)
        return data

    def note_visible_to(self, viewer) -> str:
        if viewer.pk == self.user_id or self.note_shared:
            return self.note
        return ""
