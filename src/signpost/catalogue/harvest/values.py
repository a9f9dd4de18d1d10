"""Small readers shared by the RSS and RPDE parsers: text from HTML, dates, a short summary."""

from __future__ import annotations

import html
import re
from datetime import datetime
from email.utils import parsedate_to_datetime

import nh3

SUMMARY_LENGTH = 280
_BLOCK_END = re.compile(r"(?i)</(p|div|li|h[1-6]|tr)>|<br\s*/?>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def plain_text(value: object) -> str:
    """Text from a feed field that may hold HTML: tags dropped, entities decoded, paragraphs kept."""
    if value is None:
        return ""
    text = str(value)
    if "<" in text:
        text = _BLOCK_END.sub("\n\n", text)
        text = html.unescape(nh3.clean(text, tags=set()))
    else:
        text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def summarise(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """The first paragraph of `text`, cut at a word boundary to at most `limit` characters."""
    first = text.strip().split("\n\n", 1)[0].replace("\n", " ")
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.- ")
    return f"{cut}…"


def parse_datetime(value: object) -> datetime:
    """An ISO 8601 (or RFC 822) date or date-time; raises ValueError naming the value when unreadable."""
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValueError("is empty")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(
        f"{text[:60]!r} is not a date and time (write it as ISO 8601, e.g. 2026-03-01T10:00:00Z)"
    )


class FeedFormatError(ValueError):
    """The fetched document is not the kind of feed it was registered as; the message says how."""
