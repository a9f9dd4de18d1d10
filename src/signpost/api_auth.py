"""How API callers prove who they are: a personal token or the browser session.

Read-only public endpoints use `anyone`; everything that writes or shows private data uses
`signed_in`. Permission to act on a given object is then the app's policy's business.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
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
    """The Django session cookie; ninja checks CSRF on unsafe methods."""

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
