"""Resolving the many ways a region is written to one Region row.

UK directories write ITL1 regions in several styles ("South East", "South East (English
Region)", "Yorkshire and the Humber", "TLJ", "East"). Other countries get free-text regions,
created once per country and name; US public-library data uses the BEA region codes 1–9,
which are turned into their names.
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
    "ni": "TLN",
    "north east england": "TLC",
    "north west england": "TLD",
    "south east england": "TLJ",
    "south west england": "TLK",
    # Older NUTS1 codes still found in datasets.
    "ukc": "TLC", "ukd": "TLD", "uke": "TLE", "ukf": "TLF", "ukg": "TLG", "ukh": "TLH",
    "uki": "TLI", "ukj": "TLJ", "ukk": "TLK", "ukl": "TLL", "ukm": "TLM", "ukn": "TLN",
}

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

# Places in the British Isles outside the ITL1 geography.
_OTHER_BRITISH_ISLES: dict[str, str] = {
    "isle of man": "IM",
    "channel islands": "",
    "jersey": "JE",
    "guernsey": "GG",
}


class RegionNotFound(ValueError):
    pass


def _normalise(text: str) -> str:
    text = re.sub(r"\((english region|region|nation)\)", "", text.lower())
    text = text.replace("&", " and ").replace("england", " england ")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"\bthe\b", " ", text)
    return " ".join(text.split())


def _itl1_lookup() -> dict[str, Region]:
    lookup: dict[str, Region] = {}
    for region in Region.objects.filter(is_itl1=True):
        lookup[_normalise(region.name)] = region
        lookup[region.code.lower()] = region
        lookup[region.slug.replace("-", " ")] = region
    for alias, code in _ITL1_ALIASES.items():
        for region in list(lookup.values()):
            if region.code == code:
                lookup[alias] = region
                break
    return lookup


class RegionResolver:
    """Resolves region text to Region rows, caching lookups for bulk imports.

    New free-text regions are only created when `create=True`; otherwise they are returned
    unsaved so that a dry run or a failed import writes nothing.
    """

    def __init__(self) -> None:
        self._itl1 = _itl1_lookup()
        self._other: dict[tuple[str, str], Region] = {
            (r.country, r.name.lower()): r for r in Region.objects.filter(is_itl1=False)
        }

    def resolve(self, text: str, *, country: str = "GB") -> Region:
        """Return the region that `text` names in `country`; raise RegionNotFound if none."""
        raw = (text or "").strip()
        if not raw:
            raise RegionNotFound("region is empty")
        country = (country or "").strip().upper()[:2]
        key = _normalise(raw)
        if country in {"GB", "UK", ""}:
            if key in self._itl1:
                return self._itl1[key]
            if key in _OTHER_BRITISH_ISLES:
                return self._free_text(raw.strip().title(), _OTHER_BRITISH_ISLES[key])
            if country in {"GB", "UK"}:
                raise RegionNotFound(f"{raw!r} is not a UK ITL1 region or nation")
        if country == "US" and raw in BEA_REGIONS:
            return self._free_text(BEA_REGIONS[raw], "US")
        return self._free_text(raw, country)

    def _free_text(self, name: str, country: str) -> Region:
        key = (country, name.lower())
        region = self._other.get(key)
        if region is None:
            slug = slugify(f"{country}-{name}" if country else name)[:140]
            region = Region(name=name, country=country, slug=slug, is_itl1=False)
            self._other[key] = region
        return region

    def pending(self) -> list[Region]:
        """Free-text regions met so far that are not yet saved."""
        return [r for r in self._other.values() if r.pk is None]

    def save_pending(self) -> None:
        for region in self.pending():
            region.save()
