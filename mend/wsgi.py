import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mend.settings")
application = get_wsgi_application()

# Load the coach's rules and model (two to three seconds on a 2-core machine: every rule is
# filed and compiled) and every URL's views as each worker starts, not on the first person's
# request.
from django.urls import get_resolver  # noqa: E402

from mend.coach import analyze  # noqa: E402

analyze("", "message")
get_resolver().resolve("/")
