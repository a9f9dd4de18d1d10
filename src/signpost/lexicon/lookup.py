"""Finding concepts by what people write: a URI, a notation, or any label in any language.

Used by bulk imports (catalogue files, survey imports), so it loads a scheme's labels once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from signpost.lexicon.models import Concept, Label


def normalise_label(text: str) -> str:
    return " ".join(text.casefold().replace("&", " and ").split())


@dataclass
class ConceptLookup:
    """Resolves text to concept ids within the given schemes (all schemes when none are given)."""

    scheme_slugs: tuple[str, ...] = ()
    _by_uri: dict[str, int] = field(default_factory=dict, init=False)
    _by_label: dict[str, set[int]] = field(default_factory=dict, init=False)
    _labels: dict[int, str] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        concepts = Concept.objects.all()
        labels = Label.objects.all()
        if self.scheme_slugs:
            concepts = concepts.filter(scheme__slug__in=self.scheme_slugs)
            labels = labels.filter(concept__scheme__slug__in=self.scheme_slugs)
        for pk, uri, notation, pref in concepts.values_list("pk", "uri", "notation", "pref_label"):
            self._by_uri[uri] = pk
            self._labels[pk] = pref
            if notation:
                self._by_label.setdefault(normalise_label(notation), set()).add(pk)
        for concept_id, text in labels.values_list("concept_id", "text"):
            self._by_label.setdefault(normalise_label(text), set()).add(concept_id)

    def resolve(self, text: str) -> int:
        """The concept id that `text` names; raises LookupError with a reason a person can act on."""
        value = text.strip()
        if not value:
            raise LookupError("empty concept")
        if value in self._by_uri:
            return self._by_uri[value]
        if value.startswith(("http://", "https://")):
            raise LookupError(f"no concept has the URI {value}")
        matches = self._by_label.get(normalise_label(value), set())
        if not matches:
            raise LookupError(f"no concept is called {value!r}")
        if len(matches) > 1:
            names = ", ".join(sorted(self._labels[m] for m in matches)[:4])
            raise LookupError(f"{value!r} is ambiguous: it could be {names}; use the concept's URI")
        return next(iter(matches))

    def label(self, concept_id: int) -> str:
        return self._labels.get(concept_id, "")
