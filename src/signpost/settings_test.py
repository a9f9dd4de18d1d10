"""Settings for the test suite: the ordinary settings in test mode (fast hashing, locmem email)."""

import os
import tempfile
from pathlib import Path

os.environ["SIGNPOST_MODE"] = "test"

from signpost.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests never touch ./var's search index: one throw-away directory per test run.
SIGNPOST_SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="signpost-test-search-"))
# Nor ./var/media: files uploaded in tests (imports) go to a throw-away directory too.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="signpost-test-media-"))
