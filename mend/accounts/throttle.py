"""How django-axes names the account an attempt was for."""

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def username_of(request, credentials) -> str:
    """Emails are case-insensitive here, so guesses in any case count against one account."""
    raw = (credentials or {}).get("username") or ""
    if not raw and request is not None and request.content_type in FORM_TYPES:
        raw = request.POST.get("username", "")
    return raw.strip().lower()
