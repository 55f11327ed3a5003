"""Encryption at rest for private text.

Private text is sealed with MultiFernet: the first key in MEND_ENCRYPTION_KEYS encrypts, every
key decrypts, so keys can be rotated (`mend rotate_keys`) without downtime. Whoever runs the
server holds the keys; encryption protects a copied database file or backup, not against the
operator.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.ENCRYPTION_KEYS))


def seal(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def unseal(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise InvalidToken(
            "Private text cannot be decrypted: is MEND_ENCRYPTION_KEYS right?"
        ) from exc


def reseal(token: str) -> str:
    """The same text under the current primary key."""
    return fernet().rotate(token.encode()).decode()


class SealedTextField(models.TextField):
    """Text stored encrypted; Python code sees plain text, the database never does.

    Empty text is stored as an empty string so "nothing written" needs no decryption.
    """

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return unseal(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return seal(value)


def sealed_fields():
    """Every (model, field name) that holds sealed text, for key rotation."""
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, SealedTextField):
                yield model, field.name
