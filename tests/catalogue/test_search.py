"""Catalogue search, on both engines (tantivy and the database's own full-text search).

The same behaviour is asserted on each: what matches, the exact facet counts, online counting
in every region, what is never found, sorting, pagination, and keeping up with changes.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from signpost.catalogue import selectors
from signpost.catalogue.search import SearchQuery, get_backend
from signpost.catalogue.services.indexing import opportunities_changed, update_search_index
from signpost.catalogue.services.opportunities import set_status
from tests.catalogue import search_helpers
from tests.catalogue.search_helpers import days, occurrence, publish, search

# The shared fixtures: each test runs on both engines over the same small catalogue.
engine = search_helpers.engine
catalogue = search_helpers.catalogue

pytestmark = pytest.mark.django_db


def ids(*opportunities) -> list[int]:
    return [o.pk for o in opportunities]


# --- what matches -------------------------------------------------------------------


def test_every_searchable_opportunity_is_found_soonest_first_when_no_words_are_given(engine, catalogue):
    result = search()

    assert result.ids == ids(catalogue.b, catalogue.a, catalogue.c, catalogue.d)
    assert result.total == 4


@pytest.mark.parametrize(
    "words",
    [
        "digital preservation",  # the tag's preferred label
        "keeping files alive",  # an alternative label: a provider's own name for the skill
        "digipres",  # a hidden label (a common misspelling or abbreviation)
        "préservation numérique",  # a label in another language
    ],
)
def test_any_label_of_a_tag_finds_the_opportunity(engine, catalogue, words):
    assert sorted(search(q=words).ids) == sorted(ids(catalogue.a, catalogue.c))


def test_title_summary_description_provider_and_kind_are_searched(engine, catalogue):
    assert search(q="born digital").ids == ids(catalogue.a)
    assert search(q="small teams").ids == ids(catalogue.a)
    assert search(q="migration matters").ids == ids(catalogue.c)
    assert search(q="northern trust").ids == ids(catalogue.c)
    assert search(q="archives course").ids == ids(catalogue.a)  # its kind, by name


def test_every_word_must_match_and_words_are_stemmed(engine, catalogue):
    assert search(q="volunteering").ids == ids(catalogue.b)
    assert search(q="digital volunteers").ids == []


def test_a_title_match_ranks_above_a_provider_name_match(engine, catalogue):
    # "archives" is in A's title and only in C's provider name.
    assert search(q="archives").ids == ids(catalogue.a, catalogue.c)


@pytest.mark.parametrize("text", ['"unbalanced', "title:x AND", "c++ (OR) -", "NOT"])
def test_operators_and_punctuation_are_plain_text_never_errors(engine, catalogue, text):
    assert search(q=text).total == 0


def test_a_query_of_punctuation_alone_is_no_query(engine, catalogue):
    assert search(q="*** ?").total == 4


# --- what is never found --------------------------------------------------------------


def test_past_withdrawn_draft_and_cancelled_opportunities_are_not_found(engine, catalogue):
    found = search(q="archives").ids

    for hidden in (catalogue.past, catalogue.withdrawn, catalogue.draft, catalogue.cancelled):
        assert hidden.pk not in found


def test_an_opportunity_drops_out_when_its_last_date_passes_without_reindexing(engine, catalogue):
    later = timezone.now() + timedelta(days=15)  # after A (day 10) and B (day 5), before C (day 20)

    assert search(now=later).ids == ids(catalogue.c, catalogue.d)


# --- facets ------------------------------------------------------------------------


def test_facet_counts_are_exact(engine, catalogue):
    result = search()
    area = str(catalogue.terms.collections.pk)
    leadership = str(catalogue.terms.leadership.pk)

    assert result.facets == {
        "kind": [("course", 1), ("toolkit", 1), ("webinar", 1), ("workshop", 1)],
        "format": [("in-person", 2), ("online", 2)],
        # London and Wales each hold one, and the two online ones count everywhere.
        "region": [("london", 3), ("wales", 3), ("online", 2)],
        "sector": [("archives", 2), ("libraries", 1), ("museums", 1)],
        "career_stage": [("manager", 1), ("practitioner", 1)],
        "cost": [("free", 2), ("paid", 2)],
        "area": sorted([(area, 2), (leadership, 1)], key=lambda c: (-c[1], c[0])),
    }


def test_a_facet_counts_every_filter_but_its_own(engine, catalogue):
    result = search(filters={"kind": ["course", "workshop"]})

    assert result.ids == ids(catalogue.a, catalogue.c)
    # Kind's own counts ignore the kind filter, so other kinds can still be added.
    assert result.facets["kind"] == [("course", 1), ("toolkit", 1), ("webinar", 1), ("workshop", 1)]
    assert result.facets["sector"] == [("archives", 2)]
    assert result.facets["region"] == [("london", 1), ("wales", 1)]


def test_filters_within_a_facet_are_ored_and_across_facets_anded(engine, catalogue):
    assert search(filters={"cost": ["free"], "sector": ["museums", "archives"]}).ids == ids(catalogue.b)
    assert search(filters={"cost": ["free", "paid"], "format": ["online"]}).ids == ids(
        catalogue.b, catalogue.d
    )


def test_online_opportunities_count_in_every_region(engine, catalogue):
    in_wales = search(filters={"region": ["wales"]})

    assert in_wales.ids == ids(catalogue.b, catalogue.c, catalogue.d)
    assert in_wales.region_count("wales") == 3
    assert in_wales.region_count("scotland") == 2  # no entry of its own: the online ones
    assert search(filters={"region": ["scotland"]}).ids == ids(catalogue.b, catalogue.d)


def test_area_filter_follows_the_tags_up_to_their_area(engine, catalogue):
    area = str(catalogue.terms.collections.pk)

    assert search(filters={"area": [area]}).ids == ids(catalogue.a, catalogue.c)


def test_a_date_range_keeps_starts_inside_it_and_anytime_opportunities(engine, catalogue):
    today = timezone.localdate()

    result = search(date_from=today + timedelta(days=8), date_to=today + timedelta(days=12))

    assert result.ids == ids(catalogue.a, catalogue.d)
    assert search(date_from=today + timedelta(days=10), date_to=today + timedelta(days=10)).ids == ids(
        catalogue.a, catalogue.d
    )


# --- sorting and pages ------------------------------------------------------------------


def test_sort_by_date_puts_undated_last_even_with_words(engine, catalogue):
    assert search(q="archives", sort="date").ids == ids(catalogue.a, catalogue.c)
    assert search(filters={"cost": ["free"]}, sort="date").ids == ids(catalogue.b, catalogue.d)


def test_pages_do_not_overlap_and_the_total_stays(engine, catalogue):
    first = search(page=1, page_size=3)
    second = search(page=2, page_size=3)

    assert (first.ids, first.total) == (ids(catalogue.b, catalogue.a, catalogue.c), 4)
    assert (second.ids, second.total) == (ids(catalogue.d), 4)
    assert search(page=3, page_size=3).ids == []


def test_a_page_past_the_end_shows_the_last_page(engine, catalogue):
    shown = selectors.search_catalogue(query=SearchQuery(page=9, page_size=3))

    assert (shown.page, shown.page_count) == (2, 2)
    assert [hit.id for hit in shown.hits] == ids(catalogue.d)


# --- keeping up with the catalogue -------------------------------------------------------


def test_writes_reach_the_index_when_their_transaction_commits(
    engine, catalogue, provider_org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = publish(provider_org, "Digitisation masterclass", occurrences=[occurrence(3, region="Wales")])
    assert search(q="digitisation").ids == ids(new)

    with django_capture_on_commit_callbacks(execute=True):
        set_status(opportunity=new, status="withdrawn")
    assert search(q="digitisation").ids == []


def test_an_update_replaces_the_old_document(engine, catalogue):
    catalogue.a.title = "Caring for photographs"
    catalogue.a.save()

    assert update_search_index(ids=[catalogue.a.pk, 999_999]) == 1
    assert search(q="photographs").ids == ids(catalogue.a)
    assert search(q="born digital").ids == []
    assert search().total == 4


def test_the_index_is_built_on_the_first_search_when_missing(engine, provider_org):
    new = publish(provider_org, "Rare books handling", occurrences=[occurrence(8, region="London")])
    assert not get_backend().exists()

    shown = selectors.search_catalogue(query=SearchQuery(q="rare books"))

    assert get_backend().exists()
    assert [hit.id for hit in shown.hits] == ids(new)


def test_changes_before_the_first_build_are_left_to_the_build(engine, provider_org):
    new = publish(provider_org, "Rare books handling", occurrences=[occurrence(8, region="London")])

    opportunities_changed([new.pk])  # nothing built yet: nothing to update, and no error

    assert not get_backend().exists()


def test_search_hits_carry_what_the_page_shows(engine, catalogue):
    shown = selectors.search_catalogue(query=SearchQuery(q="born digital"))

    (hit,) = shown.hits
    assert (hit.title, hit.provider_name) == ("Caring for born-digital archives", "Heritage Skills Training")
    assert hit.next_start == days(10)
    assert hit.place == "Town hall, London"
    assert hit.price == "£85.00"
    assert [t.label for t in hit.tags] == ["Digital preservation"]
    assert (shown.total, shown.backend) == (1, engine)
