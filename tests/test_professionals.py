import re

import pytest

from mend.accounts.models import SecurityEvent
from mend.checkins import services as checkins
from mend.professionals.models import ProfessionalAccess, ReportView
from mend.spaces import services as spaces
from tests.conftest import CHECKIN, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def therapist(make_user):
    return make_user("Thea")


@pytest.fixture
def invited(couple, alice, alice_client, therapist):
    page = alice_client.post(f"/s/{couple.pk}/professionals/", {"email": "thea@example.org"})
    path = re.search(r"testserver(/pro/accept/[^\"]+/)", page.content.decode()).group(1)
    pro = client_for(therapist)
    pro.post(path)
    return ProfessionalAccess.objects.get(), pro


def test_access_begins_only_when_every_member_consents(invited, couple, bob_client):
    access, pro = invited
    assert pro.get(f"/pro/{access.pk}/").status_code == 404  # Bob has not agreed
    bob_client.post(f"/s/{couple.pk}/professionals/{access.pk}/consent/")
    assert pro.get(f"/pro/{access.pk}/").status_code == 200


def test_the_report_never_shows_private_text(invited, couple, alice, bob_client):
    access, pro = invited
    bob_client.post(f"/s/{couple.pk}/professionals/{access.pk}/consent/")
    checkins.record(couple, alice, checkins.Answers(**{**CHECKIN, "note": "never for Thea"}))
    page = pro.get(f"/pro/{access.pk}/")
    assert b"never for Thea" not in page.content
    assert b"<svg" in page.content


def test_any_member_revokes_at_once(invited, couple, bob_client, alice_client):
    access, pro = invited
    bob_client.post(f"/s/{couple.pk}/professionals/{access.pk}/consent/")
    assert pro.get(f"/pro/{access.pk}/").status_code == 200
    alice_client.post(f"/s/{couple.pk}/professionals/{access.pk}/revoke/")
    assert pro.get(f"/pro/{access.pk}/").status_code == 404


def test_every_view_is_logged_for_every_member(invited, couple, alice, bob, bob_client):
    access, pro = invited
    bob_client.post(f"/s/{couple.pk}/professionals/{access.pk}/consent/")
    pro.get(f"/pro/{access.pk}/")
    pro.get(f"/pro/{access.pk}/")
    assert ReportView.objects.count() == 2
    for member in (alice, bob):
        assert SecurityEvent.objects.filter(user=member, kind="pro_viewed").count() == 2
    listing = bob_client.get(f"/s/{couple.pk}/professionals/")
    assert b"Viewed 2 times" in listing.content


def test_a_new_member_must_consent_too(family, alice, bob, carol, make_user, therapist):
    access_client = client_for(alice)
    page = access_client.post(f"/s/{family.pk}/professionals/", {"email": "thea@example.org"})
    path = re.search(r"testserver(/pro/accept/[^\"]+/)", page.content.decode()).group(1)
    pro = client_for(therapist)
    pro.post(path)
    access = ProfessionalAccess.objects.get()
    for member in (bob, carol):
        client_for(member).post(f"/s/{family.pk}/professionals/{access.pk}/consent/")
    assert pro.get(f"/pro/{access.pk}/").status_code == 200
    dan = make_user("Dan")
    _, token = spaces.create_invite(family, alice)
    spaces.accept_invite(token, dan)
    assert pro.get(f"/pro/{access.pk}/").status_code == 404


def test_outsiders_and_members_cannot_open_the_report(
    invited, couple, alice_client, outsider, bob_client
):
    access, _ = invited
    bob_client.post(f"/s/{couple.pk}/professionals/{access.pk}/consent/")
    assert client_for(outsider).get(f"/pro/{access.pk}/").status_code == 404
    assert alice_client.get(f"/pro/{access.pk}/").status_code == 404


def test_a_used_invitation_cannot_be_taken_by_someone_else(invited, outsider):
    access, _ = invited
    # The token is gone from the page; an outsider guessing it gets nothing.
    page = client_for(outsider).get("/pro/accept/guess/")
    assert page.status_code == 404 and b"not valid any more" in page.content
    assert client_for(outsider).post("/pro/accept/guess/").status_code == 404
