"""The catalogue search's input: one form for the page and the API, so both read it the same way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms

from signpost.catalogue.search.base import FACETS, SORTS, SearchQuery

SORT_LABELS = {"relevance": "Best match", "date": "Soonest first"}


class CatalogueSearchForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200, strip=True)
    kind = forms.MultipleChoiceField(label="Kind", required=False)
    format = forms.MultipleChoiceField(label="Format", required=False)
    region = forms.MultipleChoiceField(label="Region", required=False)
    sector = forms.MultipleChoiceField(label="Sector", required=False)
    career_stage = forms.MultipleChoiceField(label="Career stage", required=False)
    cost = forms.MultipleChoiceField(label="Cost", required=False)
    area = forms.MultipleChoiceField(label="Area of the lexicon", required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(label="Sort by", required=False, choices=[(s, SORT_LABELS[s]) for s in SORTS])
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)

    def __init__(self, *args: Any, labels: Mapping[str, Mapping[str, str]], **kwargs: Any) -> None:
        """`labels` maps each facet to its known values and their labels (the valid choices)."""
        super().__init__(*args, **kwargs)
        for name in FACETS:
            cast(forms.MultipleChoiceField, self.fields[name]).choices = list(labels[name].items())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned

    def to_query(self, *, page_size: int) -> SearchQuery:
        """The search this form asks for; call after is_valid() (invalid fields are left out)."""
        data = getattr(self, "cleaned_data", {})
        return SearchQuery(
            q=data.get("q") or "",
            filters={name: tuple(data.get(name) or ()) for name in FACETS if data.get(name)},
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            page_size=page_size,
        )
