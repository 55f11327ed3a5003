from mend.spaces.models import Membership


def current_space(request):
    """The spaces in the header's switcher, and which one the page is about."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    spaces = [m.space for m in Membership.objects.of(user)]
    match = getattr(request, "resolver_match", None)
    space_id = match.kwargs.get("space_id") if match else None
    current = next((s for s in spaces if s.pk == space_id), None)
    return {"my_spaces": spaces, "space": current}
