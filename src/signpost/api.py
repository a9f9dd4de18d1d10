"""The JSON API under /api/: one NinjaAPI, one router per app, OpenAPI docs at /api/docs.

Authentication (see api_auth.py): the browser session, with CSRF on writes, or a personal
token sent as `Authorization: Bearer <token>`. Errors share one shape: {"detail", "errors"}.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from signpost.api_auth import anyone, signed_in

__all__ = ["anyone", "api", "signed_in"]

api = NinjaAPI(
    title="Signpost API",
    version="1",
    description=(
        "The Signpost learning broker: organisations, the shared lexicon and more. "
        "Authenticate with your browser session or a personal token (`Authorization: Bearer …`), "
        "created on your account page. Lists are paginated with `page` (25 items a page)."
    ),
    urls_namespace="api",
    docs_url="/docs",
)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "You may not do this."}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "Invalid input", "errors": errors}, status=422)


def _register_routers() -> None:
    from signpost.accounts.api import router as accounts_router
    from signpost.catalogue.api import router as catalogue_router
    from signpost.lexicon.api import router as lexicon_router

    api.add_router("/", accounts_router)
    api.add_router("/lexicon/", lexicon_router)
    api.add_router("/", catalogue_router)


_register_routers()
