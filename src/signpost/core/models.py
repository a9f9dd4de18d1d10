"""Shared reference data: the sectors Signpost serves and the regions places sit in."""

from __future__ import annotations

from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Sector(models.Model):
    """One of the four sectors (libraries, archives, museums, learning and skills)."""

    LIBRARIES = "libraries"
    ARCHIVES = "archives"
    MUSEUMS = "museums"
    LEARNING_AND_SKILLS = "learning-and-skills"
    SLUGS = (LIBRARIES, ARCHIVES, MUSEUMS, LEARNING_AND_SKILLS)

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A region: one of the UK's ITL1 regions and nations, or a free-text region elsewhere.

    ITL1 regions carry their ONS code (TLC … TLN) and are created by a data migration;
    other regions are created on demand by imports, one per (country, name).
    """

    code = models.CharField(max_length=20, blank=True, help_text="ITL1 code, e.g. TLI for London")
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2, e.g. GB, US")
    is_itl1 = models.BooleanField(default=False)

    class Meta:
        ordering = ["-is_itl1", "country", "name"]
        constraints = [models.UniqueConstraint(fields=["country", "name"], name="region_unique_country_name")]

    def __str__(self) -> str:
        if self.is_itl1 or not self.country:
            return self.name
        return f"{self.name} ({self.country})"
