import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mend.settings")
application = get_wsgi_application()

# Load the coach's rules and model (about half a second) as each worker starts, not on the first
# person's keystroke.
from mend.coach import analyze  # noqa: E402

analyze("", "message")
