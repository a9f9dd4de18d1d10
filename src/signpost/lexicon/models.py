"""The shared lexicon: SKOS concept schemes, concepts in a hierarchy, labels, notes, crosswalks.

The model follows SKOS closely so that a SKOS file can go in and come out again without loss:
labels and notes are kept per language, broader links may be several (poly-hierarchy),
and a mapping keeps its target URI even when the target scheme is not loaded here.
"""

from __future__ import annotations

from django.db import models

from signpost.core.models import Sector, TimeStampedModel


class ConceptScheme(TimeStampedModel):
    slug = models.SlugField(max_length=60, unique=True)
    uri = models.URLField(max_length=500, unique=True)
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    version = models.CharField(max_length=60, blank=True)
    licence = models.CharField(max_length=255, blank=True)
    attribution = models.CharField(max_length=500, blank=True)
    default_language = models.CharField(max_length=10, default="en")
    # Bumped whenever the scheme's concepts change, so caches (e.g. concept embeddings) can key on it.
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Concept(TimeStampedModel):
    scheme = models.ForeignKey(ConceptScheme, on_delete=models.CASCADE, related_name="concepts")
    uri = models.URLField(max_length=500)
    notation = models.CharField(max_length=60, blank=True)
    # Denormalised from Label/Note in the scheme's default language, for listing and search.
    pref_label = models.CharField(max_length=500)
    definition = models.TextField(blank=True)
    is_top_concept = models.BooleanField(default=False, help_text="An area: a top concept of its scheme")
    sectors = models.ManyToManyField(Sector, blank=True, related_name="concepts")
    broader = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="narrower", through="BroaderLink"
    )
    related = models.ManyToManyField("self", symmetrical=True, blank=True)

    class Meta:
        ordering = ["notation", "pref_label"]
        constraints = [models.UniqueConstraint(fields=["scheme", "uri"], name="concept_unique_uri_in_scheme")]
        indexes = [models.Index(fields=["uri"]), models.Index(fields=["scheme", "pref_label"])]

    def __str__(self) -> str:
        return self.pref_label


class BroaderLink(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="broader_links")
    broader = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="narrower_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["concept", "broader"], name="broader_link_unique"),
            models.CheckConstraint(
                condition=~models.Q(concept=models.F("broader")), name="broader_link_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.concept_id} narrower than {self.broader_id}"


class LabelKind(models.TextChoices):
    PREFERRED = "pref", "Preferred"
    ALTERNATIVE = "alt", "Alternative"
    HIDDEN = "hidden", "Hidden"


class Label(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="labels")
    kind = models.CharField(max_length=6, choices=LabelKind.choices)
    language = models.CharField(max_length=10, blank=True)
    text = models.CharField(max_length=500)

    class Meta:
        ordering = ["kind", "language", "text"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "kind", "language", "text"], name="label_unique"),
        ]
        indexes = [models.Index(fields=["text"])]

    def __str__(self) -> str:
        return f"{self.text}@{self.language}" if self.language else self.text


class NoteKind(models.TextChoices):
    DEFINITION = "definition", "Definition"
    SCOPE_NOTE = "scopeNote", "Scope note"
    # dct:description on a concept; ESCO's main text for a skill (its skos:definition is rarely filled).
    DESCRIPTION = "description", "Description"


class Note(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=12, choices=NoteKind.choices)
    language = models.CharField(max_length=10, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["kind", "language"]

    def __str__(self) -> str:
        return f"{self.kind}@{self.language}: {self.text[:60]}"


class MappingRelation(models.TextChoices):
    EXACT = "exactMatch", "Exact match"
    CLOSE = "closeMatch", "Close match"
    BROAD = "broadMatch", "Broad match"
    NARROW = "narrowMatch", "Narrow match"
    RELATED = "relatedMatch", "Related match"


class Mapping(TimeStampedModel):
    """A crosswalk link from a concept to a concept of another scheme (SKOS mapping property)."""

    source = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="mappings")
    relation = models.CharField(max_length=12, choices=MappingRelation.choices)
    target_uri = models.URLField(max_length=500)
    # Filled when the target scheme is loaded here; the URI alone survives when it is not.
    target = models.ForeignKey(
        Concept, null=True, blank=True, on_delete=models.SET_NULL, related_name="incoming_mappings"
    )

    class Meta:
        ordering = ["relation", "target_uri"]
        constraints = [
            models.UniqueConstraint(fields=["source", "relation", "target_uri"], name="mapping_unique"),
        ]
        indexes = [models.Index(fields=["target_uri"])]

    def __str__(self) -> str:
        return f"{self.source} {self.relation} {self.target_uri}"
