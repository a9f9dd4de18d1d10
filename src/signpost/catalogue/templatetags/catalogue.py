"""Template filters for catalogue pages: `{% load catalogue %}`.

`{{ text|markdown }}` is the one way a description reaches a page (rendered and sanitised in
formats/markdown.py); `{{ amount|money:currency }}` writes a price.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.safestring import SafeString, mark_safe

from signpost.catalogue.formats.markdown import render_markdown
from signpost.catalogue.formats.money import format_money

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    # Safe to mark: render_markdown passes everything through nh3's allow-list.
    return mark_safe(render_markdown(text or ""))  # noqa: S308


@register.filter(name="money")
def money_filter(amount: Decimal | None, currency: str = "GBP") -> str:
    return format_money(amount, currency)
