"""Response headers that keep pages from leaking or being framed, and logs free of private text.

The Content-Security-Policy allows nothing but this server: no inline script, no third-party
anything. Django 5.2 has no CSP support of its own, hence this small middleware.
"""

from django.views.debug import SafeExceptionReporterFilter

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """What Django's SecurityMiddleware does not send (it already sends COOP, nosniff and the
    referrer policy from settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class PrivateTextReporterFilter(SafeExceptionReporterFilter):
    """Error reports never carry what someone typed: every form value is masked."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: self.cleansed_substitute for key in request.POST}

    def is_active(self, request):
        return True
