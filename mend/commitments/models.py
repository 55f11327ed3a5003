from django.conf import settings
from django.db import models
from django.utils import timezone

from mend.commitments import outcome, schedule
from mend.spaces.models import Space


class Commitment(models.Model):
    """A small, specific promise: "text when I leave work", once or on a rhythm."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="commitments")
    maker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="commitments_made"
    )
    # Null for a commitment to oneself (solo mode, or a personal practice). If the receiver
    # deletes their account, the maker's own commitment and reports stay with the maker.
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments_received",
    )
    title = models.CharField(max_length=140)
    repeat = models.CharField(max_length=6, choices=schedule.REPEATS)
    start_date = models.DateField()
    due_time = models.TimeField()
    time_zone = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    ended_on = models.DateField(null=True, blank=True)
    # Occurrences exist as rows up to this local day; see services.bring_due_up_to_date.
    materialised_through = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def rhythm(self) -> str:
        """When it falls due, in words: "on 3 Jun by 17:30", "every day by 17:30"."""
        clock = self.due_time.strftime("%H:%M")
        if self.repeat == schedule.ONCE:
            return f"on {self.start_date.day} {self.start_date:%b} by {clock}"
        return f"{self.get_repeat_display().lower()} by {clock}"


class Occurrence(models.Model):
    """One time a commitment fell due."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="occurrences")
    local_date = models.DateField()
    due_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "local_date"], name="one_occurrence_a_day"
            )
        ]
        ordering = ["-due_at"]
        indexes = [models.Index(fields=["local_date"])]

    def entry(self, role: str):
        return next((e for e in self.entries.all() if e.role == role), None)

    @property
    def status(self) -> str:
        report = self.entry(Entry.Role.REPORT)
        response = self.entry(Entry.Role.RESPONSE)
        return outcome.status(
            report.value if report else None,
            response.value if response else None,
            self.commitment.receiver_id is not None,
        )

    @property
    def status_label(self) -> str:
        return outcome.LABELS[self.status]

    @property
    def awaits_repair(self) -> bool:
        """Missed or disputed, and the maker has not yet added a repair note."""
        return self.status in (outcome.MISSED, outcome.DISPUTED) and not self.entry(
            Entry.Role.REPAIR
        )


class Entry(models.Model):
    """An append-only line in an occurrence's record. Never edited, never deleted by hand."""

    class Role(models.TextChoices):
        REPORT = "report", "Maker's report"
        RESPONSE = "response", "Receiver's response"
        REPAIR = "repair", "Repair note"

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="entries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=8, choices=Role.choices)
    value = models.CharField(max_length=8, blank=True)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # Each account is given once: both stand, neither can be rewritten.
            models.UniqueConstraint(fields=["occurrence", "role"], name="one_entry_per_role")
        ]
        ordering = ["created_at", "id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Commitment records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Commitment records are append-only.")
