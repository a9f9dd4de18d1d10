"""Template tags for the catalogue search page: `{% load catalogue_search %}`.

A results page offers some sixty facet options; writing each in one `format_html` call is
several times faster than a template loop, and the page has a 50 ms budget.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from signpost.catalogue.selectors import Facet

register = template.Library()

_CHECKED = mark_safe(" checked")
_SELECTED = mark_safe(" selected")


@register.simple_tag
def facet_checkboxes(facet: Facet) -> SafeString:
    """One list item per option: a checkbox named after the facet, its label and its count."""
    if not facet.options:
        return format_html('<li class="hint">{}</li>', "None in these results")
    return format_html_join(
        "\n",
        '<li><input type="checkbox" name="{0}" value="{1}" id="facet-{0}-{1}"{2}>'
        '<label for="facet-{0}-{1}">{3} <span class="count">({4})</span></label></li>',
        ((facet.name, o.value, _CHECKED if o.selected else "", o.label, o.count) for o in facet.options),
    )


@register.simple_tag
def facet_select_options(facet: Facet) -> SafeString:
    """The options of a facet shown as a drop-down, each with its count."""
    return format_html_join(
        "\n",
        '<option value="{}"{}>{} ({})</option>',
        ((o.value, _SELECTED if o.selected else "", o.label, o.count) for o in facet.options),
    )
