"""Resolving the many ways a region is written to one Region row.

UK directories write ITL1 regions in several styles ("South East", "South East (English
Region)", "Yorkshire and the Humber", "TLJ", "UKJ", "E12000008", "East", or a path such as
"/England/South West (English Region)/Wiltshire (English UA)"). The Isle of Man and
the Channel Islands sit outside the ITL1 geography and get free-text regions of their own.
Other countries get free-text regions, created once per country and name; US public-library
data uses the BEA region codes 1-9 (or their names), which are turned into the names.
"""

from __future__ import annotations

import re

from django.utils.text import slugify

from signpost.core.models import Region

# Names and codes that mean an ITL1 region, all compared after _normalise().
_ITL1_ALIASES: dict[str, str] = {
    "east": "TLH",
    "eastern": "TLH",
    "east anglia": "TLH",
    "yorkshire": "TLE",
    "yorkshire and humber": "TLE",
    "yorkshire humber": "TLE",
    "yorkshire and humberside": "TLE",
    "greater london": "TLI",
    "cymru": "TLL",
    "alba": "TLM",
    "ni": "TLN",
    "north east england": "TLC",
    "north west england": "TLD",
    "south east england": "TLJ",
    "south west england": "TLK",
    # Older NUTS1 codes still found in datasets.
    "ukc": "TLC", "ukd": "TLD", "uke": "TLE", "ukf": "TLF", "ukg": "TLG", "ukh": "TLH",
    "uki": "TLI", "ukj": "TLJ", "ukk": "TLK", "ukl": "TLL", "ukm": "TLM", "ukn": "TLN",
    # ONS GSS codes of the English regions (E12) and the nations.
    "e12000001": "TLC", "e12000002": "TLD", "e12000003": "TLE", "e12000004": "TLF",
    "e12000005": "TLG", "e12000006": "TLH", "e12000007": "TLI", "e12000008": "TLJ",
    "e12000009": "TLK", "w92000004": "TLL", "s92000003": "TLM", "n92000002": "TLN",
}  # fmt: skip

# US Bureau of Economic Analysis regions as coded in the IMLS Public Libraries Survey (OBEREG).
BEA_REGIONS: dict[str, str] = {
    "1": "New England",
    "2": "Mid East",
    "3": "Great Lakes",
    "4": "Plains",
    "5": "Southeast",
    "6": "Southwest",
    "7": "Rocky Mountains",
    "8": "Far West",
    "9": "Outlying Areas",
}
# BEA's own spellings ("Mideast", "Rocky Mountain") and the PLS ones, compared after _normalise().
_BEA_NAMES: dict[str, str] = {
    **{_name.lower(): _code for _code, _name in BEA_REGIONS.items()},
    "mideast": "2",
    "rocky mountain": "7",
}

# Places in the British Isles outside the ITL1 geography: canonical name and ISO country code.
# The Channel Islands as a whole are not one country, so that region has none.
_OTHER_BRITISH_ISLES: dict[str, tuple[str, str]] = {
    "isle of man": ("Isle of Man", "IM"),
    "channel islands": ("Channel Islands", ""),
    "jersey": ("Jersey", "JE"),
    "guernsey": ("Guernsey", "GG"),
}
_BRITISH_ISLES_COUNTRIES = {"GB", "", "IM", "JE", "GG"}

_COUNTRY_ALIASES = {"UK": "GB"}
_MAX_NAME = 120  # Region.name
_MAX_SLUG = 140  # Region.slug


class RegionNotFound(ValueError):  # noqa: N818 (other code already uses this name)
    pass


def _normalise(text: str) -> str:
    text = re.sub(r"\((english region|region|nation)\)", "", text.lower())
    text = text.replace("&", " and ").replace("england", " england ")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"\bthe\b", " ", text)
    return " ".join(text.split())


def _itl1_lookup() -> dict[str, Region]:
    lookup: dict[str, Region] = {}
    by_code: dict[str, Region] = {}
    for region in Region.objects.filter(is_itl1=True):
        lookup[_normalise(region.name)] = region
        lookup[region.code.lower()] = region
        lookup[region.slug.replace("-", " ")] = region
        by_code[region.code] = region
    for alias, code in _ITL1_ALIASES.items():
        if code in by_code:
            lookup.setdefault(alias, by_code[code])
    return lookup


class RegionResolver:
    """Resolves region text to Region rows, caching lookups for bulk imports.

    New free-text regions are only created when `save_pending()` is called; until then they
    are returned unsaved, so that a dry run or a failed import writes nothing.
    """

    def __init__(self) -> None:
        self._itl1 = _itl1_lookup()
        self._other: dict[str, Region] = {}
        for region in Region.objects.filter(is_itl1=False):
            self._other[region.slug] = region
            self._other.setdefault(self._key(region.country, region.name), region)

    def resolve(self, text: str, *, country: str = "GB") -> Region:
        """Return the region that `text` names in `country`; raise RegionNotFound if none."""
        raw = " ".join((text or "").split())
        if not raw:
            raise RegionNotFound("region is empty")
        country = (country or "").strip().upper()
        country = _COUNTRY_ALIASES.get(country, country)
        key = _normalise(raw)
        if country in _BRITISH_ISLES_COUNTRIES:
            # An administrative path such as "/England/South West (English Region)/Wiltshire" names
            # the region in one of its parts.
            parts = [key, *(_normalise(part) for part in raw.split("/"))] if "/" in raw else [key]
            for part in parts:
                if part in _OTHER_BRITISH_ISLES:
                    name, island_country = _OTHER_BRITISH_ISLES[part]
                    return self._free_text(name, island_country)
                if country in {"GB", ""} and part in self._itl1:
                    return self._itl1[part]
            if country == "GB":
                raise RegionNotFound(f"{raw!r} is not a UK ITL1 region or nation")
        if country == "US":
            code = raw.lstrip("0") if raw.isdigit() else _BEA_NAMES.get(key, "")
            if code in BEA_REGIONS:
                return self._free_text(BEA_REGIONS[code], "US")
            if raw.isdigit():
                raise RegionNotFound(f"{raw!r} is not a BEA region code (1-9)")
        return self._free_text(raw, country)

    @staticmethod
    def _key(country: str, name: str) -> str:
        return slugify(f"{country}-{name}" if country else name)

    def _free_text(self, name: str, country: str) -> Region:
        if len(name) > _MAX_NAME:
            raise RegionNotFound(f"region name is longer than {_MAX_NAME} characters ({len(name)})")
        key = self._key(country, name)
        if not key:
            raise RegionNotFound(f"{name!r} is not a usable region name")
        region = self._other.get(key)
        if region is None:
            region = Region(name=name, country=country, slug=key[:_MAX_SLUG], is_itl1=False)
            self._other[key] = region
        return region

    def pending(self) -> list[Region]:
        """Free-text regions met so far that are not yet saved."""
        return list({id(r): r for r in self._other.values() if r.pk is None}.values())

    def save_pending(self) -> None:
        for region in self.pending():
            region.save()
