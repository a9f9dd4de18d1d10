"""RegionResolver: the many spellings of a region, resolved to one Region row."""

from __future__ import annotations

import pytest

from signpost.core.models import Region
from signpost.core.regions import RegionNotFound, RegionResolver

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("South East", "TLJ"),
        ("South East (English Region)", "TLJ"),
        ("south-east", "TLJ"),
        ("TLJ", "TLJ"),
        ("UKJ", "TLJ"),
        ("E12000008", "TLJ"),
        ("Yorkshire and The Humber", "TLE"),
        ("Yorkshire & the Humber", "TLE"),
        ("East", "TLH"),
        ("East of England", "TLH"),
        ("Greater London", "TLI"),
        ("Cymru", "TLL"),
        ("W92000004", "TLL"),
        ("Scotland (Nation)", "TLM"),
        ("  northern   ireland ", "TLN"),
    ],
)
def test_uk_spellings_resolve_to_itl1_regions(text, code):
    region = RegionResolver().resolve(text, country="GB")

    assert region.code == code
    assert region.is_itl1


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/England/South West (English Region)/Wiltshire (English UA)", "South West"),
        ("/Scotland/Dundee City (Scottish Council Area)", "Scotland"),
        ("/Northern Ireland/Belfast (NI Loc Gov District)", "Northern Ireland"),
        ("/Isle of Man", "Isle of Man"),
    ],
)
def test_administrative_paths_resolve_by_their_region_part(path, name):
    assert RegionResolver().resolve(path, country="GB").name == name


def test_uk_is_read_as_gb():
    assert RegionResolver().resolve("London", country="UK").code == "TLI"


@pytest.mark.parametrize("text", ["England", "Narnia", "Midlands"])
def test_text_that_is_no_uk_region_is_not_found(text):
    with pytest.raises(RegionNotFound, match=f"'{text}' is not a UK ITL1 region or nation"):
        RegionResolver().resolve(text, country="GB")


def test_empty_text_is_not_found():
    with pytest.raises(RegionNotFound, match="region is empty"):
        RegionResolver().resolve("  ", country="GB")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Isle of Man", "Isle of Man", "IM"),
        ("ISLE OF MAN", "Isle of Man", "IM"),
        ("Channel Islands", "Channel Islands", ""),
        ("Jersey", "Jersey", "JE"),
        ("Guernsey", "Guernsey", "GG"),
    ],
)
def test_crown_dependencies_are_free_text_regions(text, name, country):
    region = RegionResolver().resolve(text, country="GB")

    assert (region.name, region.country, region.is_itl1) == (name, country, False)


def test_new_free_text_regions_are_saved_only_on_request():
    resolver = RegionResolver()
    before = Region.objects.count()

    region = resolver.resolve("Isle of Man", country="GB")
    again = resolver.resolve("Isle of Man", country="IM")

    assert region is again
    assert region.pk is None
    assert Region.objects.count() == before
    assert resolver.pending() == [region]

    resolver.save_pending()

    assert region.pk is not None
    assert RegionResolver().resolve("isle of man", country="GB").pk == region.pk
    assert Region.objects.count() == before + 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("1", "New England"),
        ("01", "New England"),
        ("2", "Mid East"),
        ("Mideast", "Mid East"),
        ("Rocky Mountain", "Rocky Mountains"),
        ("8", "Far West"),
        ("far west", "Far West"),
        ("9", "Outlying Areas"),
    ],
)
def test_us_bea_codes_and_names_resolve_to_bea_regions(text, name):
    region = RegionResolver().resolve(text, country="US")

    assert (region.name, region.country, region.slug) == (name, "US", f"us-{name.lower().replace(' ', '-')}")


def test_us_number_outside_the_bea_codes_is_not_found():
    with pytest.raises(RegionNotFound, match="'10' is not a BEA region code"):
        RegionResolver().resolve("10", country="US")


def test_other_text_is_a_free_text_region_of_its_country():
    resolver = RegionResolver()

    bavaria = resolver.resolve("Bavaria", country="de")
    texas = resolver.resolve("Texas", country="US")

    assert (bavaria.name, bavaria.country, bavaria.slug) == ("Bavaria", "DE", "de-bavaria")
    assert (texas.name, texas.country) == ("Texas", "US")


def test_spellings_of_one_free_text_region_share_one_row():
    resolver = RegionResolver()

    assert resolver.resolve("Île-de-France", country="FR") is resolver.resolve("Ile de France", country="FR")
    assert len(resolver.pending()) == 1


def test_existing_free_text_regions_are_reused():
    existing = Region.objects.create(name="Leinster", country="IE", slug="ie-leinster")

    assert RegionResolver().resolve("Leinster", country="IE") == existing
