"""Settings, read from environment variables (see .env.example).

Nothing set: development mode on SQLite (WAL) in ./var/. `DATABASE_URL` selects PostgreSQL.
`SIGNPOST_MODE=production` turns DEBUG off, demands a secret key and allowed hosts, and
switches on the HTTPS hardening that `manage.py check --deploy` asks for.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("SIGNPOST_VAR_DIR", PROJECT_DIR / "var"))

MODE = os.environ.get("SIGNPOST_MODE", "development")
if MODE not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"SIGNPOST_MODE must be development, test or production, not {MODE!r}")
PRODUCTION = MODE == "production"
DEBUG = os.environ.get("SIGNPOST_DEBUG", "0" if PRODUCTION else "1") == "1"

# A secret is only ever defaulted for local development and tests.
SECRET_KEY = os.environ.get("SIGNPOST_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SIGNPOST_SECRET_KEY must be set in production mode")
    SECRET_KEY = "development-only-insecure-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = [h for h in os.environ.get("SIGNPOST_ALLOWED_HOSTS", "").split(",") if h]
if not ALLOWED_HOSTS and not PRODUCTION:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver", "[::1]"]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("SIGNPOST_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

SITE_URL = os.environ.get("SIGNPOST_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "ninja",  # for its export_openapi_schema command
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "signpost.core",
    "signpost.accounts",
    "signpost.lexicon",
    "signpost.catalogue",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves /static/ from the app itself (compressed, cacheable) so no separate web server is needed.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "signpost.urls"
# Form widgets and field groups render through our templates (templates/django/forms/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "signpost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "signpost.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SIGNPOST_SQLITE_PATH", str(VAR_DIR / "signpost.sqlite3")),
            "OPTIONS": {
                # WAL lets readers carry on while one writer writes; IMMEDIATE avoids
                # "database is locked" upgrades half-way through a transaction.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if MODE == "test":
    # Fast hashing keeps the suite quick; never used outside tests.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Email ----------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "SIGNPOST_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("SIGNPOST_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SIGNPOST_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SIGNPOST_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SIGNPOST_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("SIGNPOST_EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("SIGNPOST_FROM_EMAIL", "Signpost <no-reply@signpost.invalid>")

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("SIGNPOST_STATIC_ROOT", PROJECT_DIR / "staticfiles"))
# Outside production, serve straight from the apps' static folders without collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
if PRODUCTION:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

# --- Uploaded files -------------------------------------------------------------------
MEDIA_ROOT = Path(os.environ.get("SIGNPOST_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# --- Background tasks -----------------------------------------------------------------
# One interface (django-tasks, the backport of Django 6's django.tasks). Inline in the embedded
# default; in production, SIGNPOST_TASK_BACKEND=database queues them for `manage.py db_worker`.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASK_BACKEND = os.environ.get("SIGNPOST_TASK_BACKEND", "immediate")
if TASK_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"SIGNPOST_TASK_BACKEND must be one of {sorted(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASK_BACKEND]}}

# --- Product settings -----------------------------------------------------------------
# Aggregates never show a group of fewer people than this.
SIGNPOST_MIN_GROUP_SIZE = int(os.environ.get("SIGNPOST_MIN_GROUP_SIZE", "5"))
SIGNPOST_PAGE_SIZE = 25

# --- Catalogue search -----------------------------------------------------------------
# "tantivy": an on-disk index beside the database (fastest; the default). "database": the
# database's own full-text search (SQLite FTS5 or PostgreSQL tsvector), nothing on disk.
SIGNPOST_SEARCH_BACKEND = os.environ.get("SIGNPOST_SEARCH_BACKEND", "tantivy")
if SIGNPOST_SEARCH_BACKEND not in {"tantivy", "database"}:
    raise ImproperlyConfigured("SIGNPOST_SEARCH_BACKEND must be tantivy or database")
SIGNPOST_SEARCH_INDEX_DIR = Path(os.environ.get("SIGNPOST_SEARCH_INDEX_DIR", VAR_DIR / "search-index"))

# --- Feeds in (catalogue/harvest) -------------------------------------------------------
# Seconds to wait for a feed's server to connect or send more; a whole fetch gets three times this.
SIGNPOST_FEED_TIMEOUT = float(os.environ.get("SIGNPOST_FEED_TIMEOUT", "20"))
SIGNPOST_FEED_MAX_BYTES = int(os.environ.get("SIGNPOST_FEED_MAX_BYTES", str(10 * 1024 * 1024)))
# Feeds on private or local networks (127.0.0.1, 10.x, localhost …) are refused unless this is 1:
# the server fetches them, and a provider must not be able to make it read its own network.
SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS = os.environ.get("SIGNPOST_FEED_ALLOW_PRIVATE_HOSTS", "0") == "1"
# An RPDE harvest reads at most this many pages; the next harvest carries on.
SIGNPOST_RPDE_MAX_PAGES = int(os.environ.get("SIGNPOST_RPDE_MAX_PAGES", "100"))

# --- Production hardening (what `check --deploy` asks for) ----------------------------
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = os.environ.get("SIGNPOST_SSL_REDIRECT", "1") == "1"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SIGNPOST_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SIGNPOST_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per task start and finish drowns everything else; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}
