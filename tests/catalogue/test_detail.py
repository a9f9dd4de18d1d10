"""The opportunity page: who sees it, what it says, and that a description cannot inject markup."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from signpost.catalogue.formats.markdown import markdown_to_text, render_markdown
from signpost.catalogue.formats.money import format_money
from signpost.catalogue.models import Status
from signpost.catalogue.services.opportunities import set_status
from tests.catalogue.formats_helpers import days_ahead, make_opportunity, occurrence
from tests.factories import ConceptFactory, ConceptSchemeFactory

pytestmark = pytest.mark.django_db


def _page(client, opportunity):
    return client.get(f"/opportunities/{opportunity.pk}/")


def _jsonld(response) -> dict:
    match = re.search(rb'<script type="application/ld\+json">(.*?)</script>', response.content, re.S)
    assert match, "no JSON-LD script on the page"
    return json.loads(match.group(1))


def test_a_published_opportunity_shows_what_a_person_needs_to_decide(client, provider_org):
    opportunity = make_opportunity(provider_org)

    response = _page(client, opportunity)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Caring for photographic collections</h1>" in html
    assert f'<a href="/organisations/{provider_org.slug}/">Heritage Skills Training</a>' in html
    assert "<dt>Kind</dt><dd>Course</dd>" in html
    assert "<dt>Format</dt><dd>In person</dd>" in html
    assert "£85.00<br>£60.00 for members of Heritage Skills Training" in html
    assert "<dt>Language</dt><dd>English</dd>" in html
    assert '<span class="tag">Archives</span><span class="tag">Museums</span>' in html
    assert '<span class="tag">Practitioner</span>' in html
    assert "Step-free access; hearing loop in the studio." in html
    assert "<dd>Priya Raman, Programme lead</dd>" in html
    assert '<a href="mailto:priya@example.org">priya@example.org</a>' in html
    assert '<a href="tel:01134960000">0113 496 0000</a>' in html
    assert "Riverside Museum, 1 Quay Street, Leeds, LS1 4AB" in html
    assert "12 of 20 places left" in html
    assert f'href="/opportunities/{opportunity.pk}/calendar.ics"' in html
    assert "Edit this opportunity" not in html
    assert 'name="robots"' not in html


def test_dates_are_shown_in_the_venues_time_zone(client, provider_org):
    start = days_ahead(60, 10, 30)
    opportunity = make_opportunity(
        provider_org,
        occurrences=[
            occurrence(
                60,
                start=start,
                end=start.replace(hour=12, minute=0),
                registration_deadline=None,
                timezone="America/New_York",
                region="",
            )
        ],
    )

    html = _page(client, opportunity).content.decode()

    # 10:30 in New York, whatever the server's zone, with the zone's own abbreviation.
    assert re.search(r"\d{1,2} \w+ \d{4}, 10:30–12:00 E[SD]T", html)
    assert re.search(r'datetime="\d{4}-\d\d-\d\dT10:30:00-0[45]:00"', html)


def test_description_markdown_is_rendered_and_sanitised(client, provider_org):
    opportunity = make_opportunity(
        provider_org,
        description=(
            "# Programme\n\nBring **gloves**. See [the handbook](https://example.org/h).\n\n"
            '<script>alert("x")</script><img src=x onerror=alert(1)>'
            '<a href="javascript:alert(1)">click</a>'
        ),
    )

    html = _page(client, opportunity).content.decode()

    assert "<h3>Programme</h3>" in html
    assert "Bring <strong>gloves</strong>." in html
    assert '<a href="https://example.org/h" rel="nofollow noopener">the handbook</a>' in html
    assert "alert(" not in html.split("</main>")[0].split("<main")[1]
    assert "<img" not in html
    assert "javascript:" not in html


def test_status_banners_say_what_the_state_means(client, provider_org, priya):
    withdrawn = make_opportunity(provider_org, status="withdrawn")
    past = make_opportunity(provider_org, status="past")
    draft = make_opportunity(provider_org, status="draft")

    assert "Withdrawn: the provider no longer offers this." in _page(client, withdrawn).content.decode()
    assert "This has ended: all its dates are past." in _page(client, past).content.decode()
    client.force_login(priya)
    draft_html = _page(client, draft).content.decode()
    assert "This is a draft: only the provider's editors and brokers can see it" in draft_html
    assert '<meta name="robots" content="noindex">' in draft_html


@pytest.mark.parametrize("persona", ["priya", "bea", "ada"])
def test_a_draft_is_shown_to_its_editors_with_edit_links(client, provider_org, persona, request):
    draft = make_opportunity(provider_org, status="draft")
    client.force_login(request.getfixturevalue(persona))

    response = _page(client, draft)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/opportunities/{draft.pk}/edit/"' in html
    assert f'href="/opportunities/{draft.pk}/occurrences/new/"' in html
    occurrence_id = draft.occurrences.get().pk
    assert f'href="/occurrences/{occurrence_id}/edit/"' in html
    # A draft is not in any calendar, so the page offers none.
    assert f'href="/opportunities/{draft.pk}/calendar.ics"' not in html


@pytest.mark.parametrize("persona", [None, "maya", "oliver"])
def test_a_draft_is_not_found_for_everyone_else(client, provider_org, persona, request):
    draft = make_opportunity(provider_org, status="draft")
    if persona:
        client.force_login(request.getfixturevalue(persona))

    assert _page(client, draft).status_code == 404
    assert client.get(f"/opportunities/{draft.pk}/calendar.ics").status_code == 404


def test_a_missing_opportunity_is_not_found(client):
    assert client.get("/opportunities/987654/").status_code == 404


def test_tags_link_to_their_lexicon_concept_pages(client, provider_org):
    scheme = ConceptSchemeFactory(slug="starter", title="Starter lexicon")
    concept = ConceptFactory(scheme=scheme, pref_label="Digital preservation", notation="DP")
    opportunity = make_opportunity(provider_org, tags=[concept.uri])

    html = _page(client, opportunity).content.decode()

    assert f'<a href="/lexicon/starter/c/{concept.pk}/">Digital preservation</a>' in html


def test_online_free_opportunity_reads_as_such(client, provider_org):
    opportunity = make_opportunity(
        provider_org,
        price=None,
        member_price=None,
        is_free=True,
        occurrences=[
            occurrence(
                20, is_online=True, venue_name="", address="", town="", postcode="", region="", places_left=0
            )
        ],
    )

    html = _page(client, opportunity).content.decode()

    assert "<dt>Cost</dt><dd>Free</dd>" in html
    assert "<dt>Format</dt><dd>Online</dd>" in html
    assert "Fully booked" in html
    assert "<td>\n              Online\n" in html


def test_past_dates_move_below_and_a_cancelled_date_says_so(client, provider_org):
    opportunity = make_opportunity(
        provider_org,
        occurrences=[occurrence(-10, registration_deadline=None), occurrence(15, is_cancelled=True)],
    )

    html = _page(client, opportunity).content.decode()

    assert "Earlier dates (1)" in html
    assert '<strong class="hint">Cancelled</strong>' in html


def test_the_page_carries_its_json_ld_with_script_breaking_text_escaped(client, provider_org):
    opportunity = make_opportunity(provider_org, title="Tags </script><script>alert(1)</script> & more")

    response = _page(client, opportunity)

    assert b"</script><script>alert(1)" not in response.content
    data = _jsonld(response)
    assert data["@type"] == "Course"
    assert data["name"] == "Tags </script><script>alert(1)</script> & more"
    assert data["@id"] == f"http://testserver/opportunities/{opportunity.pk}/"


def test_publishing_a_draft_makes_it_public(client, provider_org):
    draft = make_opportunity(provider_org, status="draft")
    set_status(opportunity=draft, status=Status.PUBLISHED)
    assert _page(client, draft).status_code == 200


def test_the_page_costs_the_same_queries_however_many_dates_and_tags(client, provider_org):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    scheme = ConceptSchemeFactory()
    small = make_opportunity(provider_org, tags=[ConceptFactory(scheme=scheme).uri])
    large = make_opportunity(
        provider_org,
        tags=[ConceptFactory(scheme=scheme).uri for _ in range(5)],
        occurrences=[occurrence(d) for d in range(10, 40)],
    )

    counts = []
    for opportunity in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert _page(client, opportunity).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert counts[0] <= 6


# The Markdown and money helpers every catalogue template uses.


def test_markdown_keeps_structure_and_drops_anything_active():
    html = render_markdown(
        "## Day one\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n"
        '<iframe src="https://evil.example"></iframe><b onclick="x()">bold</b>\nline two'
    )

    assert html.startswith("<h3>Day one</h3>")
    assert "<ul>\n<li>a</li>\n<li>b</li>\n</ul>" in html
    assert "<td>1</td>" in html
    assert "<iframe" not in html
    assert "<b>bold</b><br>\nline two" in html


def test_markdown_filter_is_the_same_function(client):
    from django.template import Context, Template

    rendered = Template("{% load catalogue %}{{ text|markdown }}|{{ price|money:'EUR' }}").render(
        Context({"text": "**hi** <script>x</script>", "price": Decimal("1234.5")})
    )

    assert rendered == "<p><strong>hi</strong> </p>|€1,234.50"


def test_markdown_to_text_gives_plain_lines():
    assert markdown_to_text("# Title\n\nA **bold** &amp; *true* claim.\n\n- one\n- two") == (
        "Title\nA bold & true claim.\none\ntwo"
    )
    assert markdown_to_text("") == ""


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("85"), "GBP", "£85.00"),
        (Decimal("1500.5"), "USD", "$1,500.50"),
        (Decimal("40"), "CHF", "40.00 CHF"),
        (None, "GBP", ""),
    ],
)
def test_money_is_written_with_its_currency(amount, currency, expected):
    assert format_money(amount, currency) == expected
