"""How django-axes names the account an attempt was for."""


def username_of(request, credentials) -> str:
    """Emails are case-insensitive here, so guesses in any case count against one account."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return raw.strip().lower()
