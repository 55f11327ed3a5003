"""Mend's one settings module. Every value comes from the environment, with safe defaults.

Local development needs nothing set: `make run` writes throwaway keys to data/secrets.env and
this module reads them. Production (MEND_ENV=production) refuses to start without real secrets.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from mend import devsecrets

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = devsecrets.DATA_DIR
_local_secrets = devsecrets.read()


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def envsecret(name: str) -> str:
    """A secret from NAME, a file named by NAME_FILE, or the local dev secrets file."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return os.environ.get(name) or _local_secrets.get(name, "")


PRODUCTION = envstr("MEND_ENV", "development") == "production"
DEBUG = envbool("MEND_DEBUG", False)

SECRET_KEY = envsecret("MEND_SECRET_KEY")
# Comma-separated Fernet keys; the first encrypts, all decrypt (see `mend rotate_keys`).
ENCRYPTION_KEYS = [k for k in envsecret("MEND_ENCRYPTION_KEYS").split(",") if k]
if not SECRET_KEY or not ENCRYPTION_KEYS:
    if PRODUCTION:
        raise ImproperlyConfigured("Set MEND_SECRET_KEY and MEND_ENCRYPTION_KEYS in production.")
    # Tests and one-off commands: keys that live only as long as this process.
    SECRET_KEY = SECRET_KEY or secrets.token_urlsafe(50)
    ENCRYPTION_KEYS = ENCRYPTION_KEYS or [devsecrets.new_fernet_key()]

ALLOWED_HOSTS = [h for h in envstr("MEND_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in envstr("MEND_CSRF_TRUSTED_ORIGINS").split(",") if o]
SITE_URL = envstr("MEND_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "axes",
    "mend.accounts",
    "mend.spaces",
    "mend.checkins",
    "mend.commitments",
    "mend.appreciation",
    "mend.dashboard",
    "mend.safety",
    "mend.professionals",
    "mend.operations",
    "mend.coaching",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "mend.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mend.accounts.middleware.UserTimeZoneMiddleware",
    "mend.accounts.middleware.NoStoreForSignedInMiddleware",
    # Last, as django-axes asks: it turns a lockout into the "too many attempts" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mend.urls"
WSGI_APPLICATION = "mend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "mend" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mend.spaces.context.current_space",
                "mend.safety.context.quick_exit",
            ],
        },
    },
]

# SQLite by default (no server needed); DATABASE_URL switches to PostgreSQL.
_sqlite_path = DATA_DIR / "mend.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{_sqlite_path}"), conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and a busy timeout: read-then-write requests under load otherwise
    # fail with "database is locked". WAL lets readers proceed while one writer writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock out guesses per account *and* address together: a partner guessing from their own
# phone pauses only their own attempts, never the account owner signing in elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = envint("MEND_SIGN_IN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("MEND_SIGN_IN_PAUSE_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
# Sign-in forms and authenticate() calls name the email "username"; key attempts by it.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "mend.accounts.throttle.username_of"
AXES_VERBOSE = False
# Our own per-person security log records sign-ins; axes keeps only what throttling needs.
AXES_DISABLE_ACCESS_LOG = True

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "mend" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# DEBUG, benchmarks and one-off runs can serve static files straight from the source folders,
# without `collectstatic` and its manifest of hashed names.
WHITENOISE_USE_FINDERS = DEBUG or envbool("MEND_STATIC_FROM_SOURCE", False)
if WHITENOISE_USE_FINDERS:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if envstr("MEND_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = envstr("MEND_EMAIL_HOST")
EMAIL_PORT = envint("MEND_EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("MEND_EMAIL_USER")
EMAIL_HOST_PASSWORD = envsecret("MEND_EMAIL_PASSWORD")
EMAIL_USE_TLS = envbool("MEND_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = envstr("MEND_EMAIL_FROM", "Mend <mend@localhost>")

# Behind a TLS-terminating proxy (production): secure cookies, HSTS, redirect to https.
HTTPS = envbool("MEND_HTTPS", PRODUCTION)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A shared family tablet should not stay signed in for weeks.
SESSION_COOKIE_AGE = envint("MEND_SESSION_DAYS", 14) * 24 * 3600
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = envint("MEND_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = envbool("MEND_HSTS_PRELOAD", False)
# Preloading binds every subdomain of the operator's domain for years: their choice, not ours.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if envbool("MEND_BEHIND_PROXY", PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DEFAULT_EXCEPTION_REPORTER_FILTER = "mend.security.PrivateTextReporterFilter"

MEND_INVITE_HOURS = envint("MEND_INVITE_HOURS", 72)
# Optional language model for the coach (any OpenAI-compatible endpoint). Off when unset:
# with it on, drafts the person asks about are sent to that endpoint.
MEND_LLM_URL = envstr("MEND_LLM_URL")
MEND_LLM_MODEL = envstr("MEND_LLM_MODEL", "llama3.1")
MEND_LLM_API_KEY = envsecret("MEND_LLM_API_KEY")
MEND_LLM_TIMEOUT = envint("MEND_LLM_TIMEOUT_SECONDS", 8)
# Where "Quick exit" goes: somewhere ordinary that would not draw a second look.
MEND_QUICK_EXIT_URL = envstr("MEND_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("MEND_LOG_LEVEL", "WARNING")},
}
