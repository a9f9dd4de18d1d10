"""The fixed reference rows: the four sectors and the UK's ITL1 regions and nations."""

from typing import Any

SECTORS: list[tuple[str, str]] = [
    ("libraries", "Libraries"),
    ("archives", "Archives"),
    ("museums", "Museums"),
    ("learning-and-skills", "Adult learning and skills"),
]

# ONS International Territorial Levels, level 1 (2021): nine English regions and three nations.
ITL1_REGIONS: list[tuple[str, str, str]] = [
    ("TLC", "North East", "north-east"),
    ("TLD", "North West", "north-west"),
    ("TLE", "Yorkshire and The Humber", "yorkshire-and-the-humber"),
    ("TLF", "East Midlands", "east-midlands"),
    ("TLG", "West Midlands", "west-midlands"),
    ("TLH", "East of England", "east-of-england"),
    ("TLI", "London", "london"),
    ("TLJ", "South East", "south-east"),
    ("TLK", "South West", "south-west"),
    ("TLL", "Wales", "wales"),
    ("TLM", "Scotland", "scotland"),
    ("TLN", "Northern Ireland", "northern-ireland"),
]


def ensure_reference_rows(sector_model: Any, region_model: Any) -> None:
    """Create or refresh the fixed rows. Takes the models so migrations can pass historical ones."""
    for slug, name in SECTORS:
        sector_model.objects.update_or_create(slug=slug, defaults={"name": name})
    for code, name, slug in ITL1_REGIONS:
        region_model.objects.update_or_create(
            slug=slug, defaults={"code": code, "name": name, "country": "GB", "is_itl1": True}
        )
