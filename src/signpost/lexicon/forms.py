"""Input shapes for the lexicon pages. Rules live in services/editing.py; forms only parse.

Errors the services raise are put back beside their fields with `add_service_errors`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from signpost.core.models import Sector
from signpost.lexicon.models import Concept, ConceptScheme, MappingRelation
from signpost.lexicon.selectors import concept_edit_values, suggestions_for


class LexiconForm(forms.Form):
    label_suffix = ""


class SearchForm(LexiconForm):
    q = forms.CharField(label="Search labels", max_length=200, required=False)


class ServiceErrorsMixin:
    """Put a service's `ValidationError({field: message})` beside the matching fields."""

    def form_field_for(self, service_field: str) -> str:
        """The form field that shows errors about `service_field` (the same name by default)."""
        return service_field

    def add_service_errors(self, error: ValidationError) -> None:
        form: Any = self
        for name, messages in error.message_dict.items():
            target = self.form_field_for(name)
            form.add_error(target if target in form.fields else None, messages)


class ConceptForm(ServiceErrorsMixin, LexiconForm):
    """Edit a concept, or (with `concept=None`) add one to a scheme."""

    pref_label = forms.CharField(
        label="Preferred label",
        max_length=500,
        error_messages={"required": "Enter a preferred label."},
    )
    alt_labels = forms.CharField(
        label="Alternative labels",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One per line: synonyms, abbreviations and other names people use.",
    )
    definition = forms.CharField(label="Definition", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    notation = forms.CharField(
        label="Notation", max_length=60, required=False, help_text="A short code, unique within the scheme."
    )
    sectors = forms.ModelMultipleChoiceField(
        label="Sectors",
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The sectors this concept applies to.",
    )
    broader = forms.ModelMultipleChoiceField(
        label="Broader concepts",
        queryset=Concept.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Untick a broader concept to take this concept out from under it.",
    )
    add_broader = forms.CharField(
        label="Add a broader concept",
        max_length=500,
        required=False,
        help_text="The preferred label or notation of a concept in this scheme.",
    )

    def __init__(
        self, *args: Any, scheme: ConceptScheme, concept: Concept | None = None, **kwargs: Any
    ) -> None:
        if concept is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(concept)
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        self.concept = concept
        self.added_broader: Concept | None = None
        self.broader_suggestions: list[Concept] = []
        self.has_broader = False
        if concept is None:
            # A new concept's place is chosen by the page it is added from.
            del self.fields["broader"]
            del self.fields["add_broader"]
            return
        broader_field: Any = self.fields["broader"]
        broader_field.queryset = Concept.objects.filter(scheme=scheme).exclude(pk=concept.pk)
        # Offer only the current broader concepts as boxes; others are added by name.
        current = [(c.pk, c.pref_label) for c in concept.broader.order_by("pref_label")]
        broader_field.widget.choices = current
        self.has_broader = bool(current)
        # Small schemes suggest every label as the broker types (a <datalist>, no script needed).
        self.broader_suggestions = suggestions_for(scheme=scheme, exclude=concept)
        if self.broader_suggestions:
            self.fields["add_broader"].widget.attrs["list"] = "broader-suggestions"

    def form_field_for(self, service_field: str) -> str:
        # A broader concept just typed in is the likelier culprit: show the error beside it.
        if service_field == "broader" and self.added_broader is not None:
            return "add_broader"
        return service_field

    def clean_add_broader(self) -> Concept | None:
        text = " ".join(self.cleaned_data.get("add_broader", "").split())
        if not text:
            return None
        concepts = Concept.objects.filter(scheme=self.scheme)
        found = concepts.filter(notation=text).first() or concepts.filter(pref_label__iexact=text).first()
        if found is None:
            raise ValidationError(
                f"No concept in {self.scheme.title} has the preferred label or notation “{text}”."
            )
        self.added_broader = found
        return found

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        kwargs: dict[str, Any] = {
            "pref_label": data["pref_label"],
            "alt_labels": data["alt_labels"].splitlines(),
            "definition": data["definition"],
            "notation": data["notation"],
            "sectors": list(data["sectors"]),
        }
        if self.concept is not None:
            broader = list(data["broader"])
            if self.added_broader is not None and self.added_broader not in broader:
                broader.append(self.added_broader)
            kwargs["broader"] = broader
        return kwargs


def initial_for(concept: Concept) -> dict[str, Any]:
    values = concept_edit_values(concept=concept)
    return {**values, "alt_labels": "\n".join(values["alt_labels"])}


class TargetSearchForm(LexiconForm):
    """Find a concept in another scheme to map to."""

    target_scheme = forms.ModelChoiceField(
        label="Scheme", queryset=ConceptScheme.objects.none(), to_field_name="slug", empty_label=None
    )
    target_q = forms.CharField(label="Label contains", max_length=200)

    def __init__(self, *args: Any, scheme: ConceptScheme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["target_scheme"]
        field.queryset = ConceptScheme.objects.exclude(pk=scheme.pk).order_by("title")


class MappingForm(ServiceErrorsMixin, LexiconForm):
    """Add a crosswalk: a relation, and a target given by URI or chosen from search results."""

    relation = forms.ChoiceField(label="Relation", choices=MappingRelation.choices)
    target_uri = forms.CharField(
        label="Target concept URI",
        max_length=500,
        required=False,
        widget=forms.URLInput,
        help_text="The full http(s) URI of a concept in another scheme, loaded here or not.",
    )
    target = forms.ModelChoiceField(
        label="Or choose a concept found in another scheme",
        queryset=Concept.objects.select_related("scheme"),
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, candidates: list[Concept] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_candidates = bool(candidates)
        field: Any = self.fields["target"]
        if candidates:
            field.widget.choices = [(c.pk, _candidate_label(c)) for c in candidates]
        else:
            del self.fields["target"]

    def form_field_for(self, service_field: str) -> str:
        return "target_uri" if service_field == "target" and not self.has_candidates else service_field

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"relation": data["relation"], "target_uri": data["target_uri"], "target": data.get("target")}


def _candidate_label(concept: Concept) -> str:
    notation = f" ({concept.notation})" if concept.notation else ""
    return f"{concept.pref_label}{notation} — {concept.scheme.title}"
