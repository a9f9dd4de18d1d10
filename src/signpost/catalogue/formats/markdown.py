"""Descriptions are written in Markdown and may come from anyone (forms, files, feeds):
render them once, here, and sanitise the HTML with nh3 before it reaches a page.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import markdown as md
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# What a description may contain: text structure, links, lists and simple tables. No images
# (remote images track readers and rarely carry alt text), no forms, no styles, no scripts.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "ins", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "nofollow noopener"
# Descriptions sit under the page's own h1 and h2, so their top heading level becomes h3.
TOP_HEADING = 3
_HEADINGS = {f"h{n}" for n in range(1, 7)}


class _ShiftHeadings(Treeprocessor):
    """Re-level headings so the highest one is `top` and the rest keep their relative depth."""

    def __init__(self, md_instance: md.Markdown, top: int) -> None:
        super().__init__(md_instance)
        self.top = top

    def run(self, root: ET.Element) -> None:
        headings = [element for element in root.iter() if element.tag in _HEADINGS]
        if not headings:
            return
        highest = min(int(h.tag[1]) for h in headings)
        for heading in headings:
            heading.tag = f"h{min(int(heading.tag[1]) - highest + self.top, 6)}"


class _ShiftHeadingsExtension(Extension):
    def __init__(self, top: int) -> None:
        super().__init__()
        self.top = top

    def extendMarkdown(self, md_instance: md.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md_instance.treeprocessors.register(_ShiftHeadings(md_instance, self.top), "shift_headings", 5)


def render_markdown(text: str, *, top_heading: int = TOP_HEADING) -> str:
    """Markdown → sanitised HTML, safe to put on a page as it is.

    Single line breaks are kept (nl2br): most descriptions arrive as plain text from files
    and feeds, where a new line means a new line.
    """
    if not text or not text.strip():
        return ""
    rendered = md.markdown(
        text,
        extensions=["tables", "fenced_code", "sane_lists", "nl2br", _ShiftHeadingsExtension(top_heading)],
        output_format="html",
    )
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
    )


def markdown_to_text(text: str) -> str:
    """Markdown → plain text (for calendars, feeds and JSON-LD), without markup or entities."""
    if not text or not text.strip():
        return ""
    rendered = md.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    # Block ends become line breaks so paragraphs do not run together.
    for closing in ("</p>", "</li>", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>", "<br />", "</tr>"):
        rendered = rendered.replace(closing, closing + "\n")
    plain = html.unescape(nh3.clean(rendered, tags=set()))
    lines = [" ".join(line.split()) for line in plain.splitlines()]
    return "\n".join(line for line in lines if line).strip()
