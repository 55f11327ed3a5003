from django.conf import settings
from django.db import models
from django.utils import timezone

from mend.spaces.models import Space


class AppreciationQuerySet(models.QuerySet):
    def seen_by(self, user):
        """Notes are between their sender and receiver, not the whole family."""
        return self.filter(models.Q(sender=user) | models.Q(recipient=user))


class Appreciation(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="appreciations")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appreciations_received"
    )
    text = models.CharField(max_length=500)
    # Sent from the nightly "three things I appreciated today".
    from_three_things = models.BooleanField(default=False)
    local_date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = AppreciationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
