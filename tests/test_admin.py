"""Operators can run the server; they cannot read what people wrote through the admin."""

import pytest
from django.contrib.admin.sites import site
from django.test import Client

from mend.accounts.models import User
from mend.checkins import services as checkins
from tests.conftest import CHECKIN

pytestmark = pytest.mark.django_db


def test_no_model_holding_private_text_is_in_the_admin():
    from mend.crypto import sealed_fields

    sealed_models = {model for model, _ in sealed_fields()}
    assert sealed_models  # the check-in note, at least
    assert not sealed_models & set(site._registry)


def test_an_admin_browsing_every_page_never_sees_private_text(couple, alice):
    checkins.record(couple, alice, checkins.Answers(**{**CHECKIN, "note": "my secret words"}))
    admin = User.objects.create_superuser("root@example.org", "admin pass phrase")
    client = Client()
    client.force_login(admin)
    for model in site._registry:
        opts = model._meta
        listing = client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
        assert listing.status_code == 200
        assert b"my secret words" not in listing.content
        for obj in model.objects.all():
            page = client.get(f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/")
            assert page.status_code == 200
            assert b"my secret words" not in page.content
