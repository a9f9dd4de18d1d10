"""Settings for the test suite: the ordinary settings in test mode (fast hashing, locmem email)."""

import os

os.environ["SIGNPOST_MODE"] = "test"

from signpost.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
