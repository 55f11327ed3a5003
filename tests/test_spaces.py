import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mend.checkins.models import CheckIn
from mend.errors import RuleBroken
from mend.spaces import services
from mend.spaces.models import Invite, Membership, Space
from tests.conftest import CHECKIN, client_for

pytestmark = pytest.mark.django_db


def _invite_path(client, space):
    page = client.post(f"/s/{space.pk}/invite/")
    return re.search(r"testserver(/invite/[^\"]+/)", page.content.decode()).group(1)


def test_it_creates_a_space_and_offers_an_invite(alice_client, alice):
    response = alice_client.post("/spaces/new/", {"name": "Us", "kind": "couple"})
    space = Space.objects.get()
    assert response.url == f"/s/{space.pk}/invite/"
    assert list(space.memberships.values_list("user", flat=True)) == [alice.pk]


def test_a_blank_or_unknown_kind_is_explained(alice_client):
    response = alice_client.post("/spaces/new/", {"name": "  ", "kind": "team"})
    assert response.status_code == 200
    assert Space.objects.count() == 0


def test_an_invite_link_joins_once(alice, bob, outsider, alice_client, bob_client):
    space = services.create_space(alice, "Us", "family")
    path = _invite_path(alice_client, space)
    page = bob_client.get(path)
    assert b"Alice invites you" in page.content
    joined = bob_client.post(path)
    assert joined.url == f"/s/{space.pk}/"
    assert Membership.objects.filter(space=space, user=bob).exists()
    again = client_for(outsider).post(path)
    assert again.status_code == 410
    assert b"already been used" in again.content
    assert not Membership.objects.filter(space=space, user=outsider).exists()


def test_an_expired_invite_is_refused(alice, bob, alice_client, bob_client):
    space = services.create_space(alice, "Us", "couple")
    path = _invite_path(alice_client, space)
    Invite.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = bob_client.post(path)
    assert response.status_code == 410
    assert b"expired" in response.content
    assert space.memberships.count() == 1


def test_invites_expire_after_72_hours_by_default(alice):
    space = services.create_space(alice, "Us", "couple")
    invite, _ = services.create_invite(space, alice)
    assert timedelta(hours=71) < invite.expires_at - timezone.now() <= timedelta(hours=72)


def test_an_unknown_invite_is_not_found(bob_client):
    assert bob_client.get("/invite/made-up-token/").status_code == 404


def test_someone_signed_out_is_asked_to_sign_up_first(alice, client, alice_client):
    space = services.create_space(alice, "Us", "couple")
    path = _invite_path(alice_client, space)
    page = client.get(path)
    assert f'href="/signup/?next={path}"'.encode() in page.content
    client.post(
        f"/signup/?next={path}",
        {
            "display_name": "Bea",
            "email": "bea@example.org",
            "password": "plum orchard lantern",
            "time_zone": "UTC",
        },
    )
    link = re.search(r"testserver(/\S+)", mail.outbox[-1].body).group(1)
    signed_up = client.post(link, {"password": "plum orchard lantern"})
    assert signed_up.url == path
    assert client.post(path).url == f"/s/{space.pk}/"


def test_a_couple_holds_two_people(couple, alice, outsider):
    with pytest.raises(RuleBroken, match="two people"):
        services.create_invite(couple, alice)


def test_joining_a_full_couple_is_refused_even_with_an_old_link(alice, bob, outsider):
    space = services.create_space(alice, "Us", "couple")
    _, first = services.create_invite(space, alice)
    _, second = services.create_invite(space, alice)
    services.accept_invite(first, bob)
    with pytest.raises(RuleBroken, match="two people") as caught:
        services.accept_invite(second, outsider)
    assert caught.value.status == 409
    assert space.memberships.count() == 2


def test_a_family_holds_eight(make_user):
    people = [make_user(f"P{i}") for i in range(9)]
    space = services.create_space(people[0], "Fam", "family")
    for person in people[1:8]:
        _, token = services.create_invite(space, people[0])
        services.accept_invite(token, person)
    assert space.memberships.count() == 8
    with pytest.raises(RuleBroken):
        services.create_invite(space, people[0])


def test_a_member_cannot_join_twice(couple, alice, bob, make_user):
    family = services.create_space(alice, "Fam", "family")
    _, token = services.create_invite(family, alice)
    with pytest.raises(RuleBroken, match="already in"):
        services.accept_invite(token, alice)


def test_one_person_can_be_in_several_spaces_and_switch(couple, alice, alice_client):
    family = services.create_space(alice, "Family", "family")
    page = alice_client.get(f"/s/{couple.pk}/")
    assert b"Family" in page.content  # in the switcher
    response = alice_client.post("/spaces/switch/", {"space_id": family.pk})
    assert response.url == f"/s/{family.pk}/"


def test_switching_to_someone_elses_space_is_not_found(couple, outsider):
    other = services.create_space(outsider, "Theirs", "couple")
    response = client_for(couple.memberships.first().user).post(
        "/spaces/switch/", {"space_id": other.pk}
    )
    assert response.status_code == 404


def test_leaving_is_immediate_and_keeps_the_others_data(couple, alice, bob, bob_client):
    CheckIn.objects.create(
        space=couple, user=alice, local_date=timezone.now().date(), **{**CHECKIN, "note": "mine"}
    )
    CheckIn.objects.create(space=couple, user=bob, local_date=timezone.now().date(), **CHECKIN)
    response = bob_client.post(f"/s/{couple.pk}/leave/")
    assert response.status_code == 302
    assert list(couple.memberships.values_list("user", flat=True)) == [alice.pk]
    assert CheckIn.objects.filter(user=alice).count() == 1
    assert CheckIn.objects.filter(user=bob).count() == 0
    assert bob_client.get(f"/s/{couple.pk}/").status_code == 404


def test_the_last_one_to_leave_closes_the_space(alice, alice_client):
    space = services.create_space(alice, "Solo", "couple")
    alice_client.post(f"/s/{space.pk}/leave/")
    assert not Space.objects.exists()


def test_a_solo_space_works_before_anyone_joins(alice, alice_client):
    space = services.create_space(alice, "Just me", "couple")
    assert alice_client.get(f"/s/{space.pk}/").status_code == 200
    assert alice_client.post(f"/s/{space.pk}/checkin/", CHECKIN).status_code == 302
    made = alice_client.post(
        f"/s/{space.pk}/commitments/",
        {
            "title": "Walk every evening",
            "repeat": "daily",
            "start_date": timezone.now().date().isoformat(),
            "due_time": "20:00",
        },
    )
    assert made.status_code == 302
    commitment = space.commitments.get()
    assert commitment.receiver is None
