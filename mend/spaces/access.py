"""The one way any view or API route reaches a space: through the caller's membership.

A space you are not in does not exist for you: every lookup answers 404, never 403, so an
outsider cannot even learn that a space id is in use.
"""

from django.http import Http404

from mend.spaces.models import Membership, Space


def space_for(user, space_id: int) -> Space:
    if not user.is_authenticated:
        raise Http404("No such space")
    membership = Membership.objects.of(user).filter(space_id=space_id).first()
    if membership is None:
        raise Http404("No such space")
    return membership.space


def members_of(space: Space):
    """The people in a space, in the order they joined."""
    return [m.user for m in space.memberships.select_related("user")]
