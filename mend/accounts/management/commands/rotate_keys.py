from django.core.management.base import BaseCommand
from django.db import transaction

from mend.crypto import sealed_fields


class Command(BaseCommand):
    help = (
        "Re-encrypt all private text with the first key in MEND_ENCRYPTION_KEYS. "
        "To rotate: put a new key first, keep the old ones after it, run this, then drop them."
    )

    def handle(self, *args, **options):
        total = 0
        for model, field in sealed_fields():
            rows = model.objects.exclude(**{field: ""}).values_list("pk", field)
            for pk, text in rows.iterator():
                # Reading decrypts with whichever key sealed it; saving seals with the first.
                with transaction.atomic():
                    model.objects.filter(pk=pk).update(**{field: text})
                total += 1
        self.stdout.write(f"Re-encrypted {total} private text value(s).")
