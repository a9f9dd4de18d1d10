"""The JSON API under /api/: one NinjaAPI, one router per app, OpenAPI docs at /api/docs.

Authentication: the browser session (with CSRF on writes) or a personal token sent as
`Authorization: Bearer <token>`. Read-only public endpoints also answer anonymous callers.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer

from signpost.accounts.services.tokens import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            # A wrong token is an error, never a silent fall-back to anonymous access.
            raise AuthenticationError
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The Django session cookie; CSRF is checked on unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


def anonymous(request: HttpRequest) -> Any:
    """Lets public read endpoints answer callers who are not signed in."""
    if "HTTP_AUTHORIZATION" in request.META:
        return None  # a token was offered: TokenAuth has the last word
    return AnonymousUser()


signed_in = [TokenAuth(), SessionAuth()]
anyone = [TokenAuth(), SessionAuth(), anonymous]

api = NinjaAPI(
    title="Signpost API",
    version="1",
    description=(
        "The Signpost learning broker: organisations, the shared lexicon and more. "
        "Authenticate with your browser session or a personal token (`Authorization: Bearer …`)."
    ),
    urls_namespace="api",
    docs_url="/docs",
)


def _register_routers() -> None:
    from signpost.accounts.api import router as accounts_router
    from signpost.lexicon.api import router as lexicon_router

    api.add_router("/", accounts_router)
    api.add_router("/lexicon/", lexicon_router)


_register_routers()
