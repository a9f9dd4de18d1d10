"""The catalogue: learning opportunities, their occurrences and tags, and how they arrived.

An Opportunity is what a provider offers ("Introduction to digital preservation"); each
Occurrence is one run of it (a date and a place, or online). Feeds and import jobs record
where opportunities came from, so a re-import or re-harvest updates rather than duplicates.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from signpost.accounts.models import Organisation, User
from signpost.core.models import Region, Sector, TimeStampedModel
from signpost.lexicon.models import Concept


class Kind(models.TextChoices):
    COURSE = "course", "Course"
    WEBINAR = "webinar", "Webinar"
    WORKSHOP = "workshop", "Workshop"
    MASTERCLASS = "masterclass", "Masterclass"
    CONFERENCE = "conference", "Conference"
    SECTOR_FORUM = "sector-forum", "Sector forum"
    PEER_REVIEW = "peer-review", "Peer review"
    MENTORING = "mentoring", "Mentoring"
    APPRENTICESHIP = "apprenticeship", "Apprenticeship"
    SECONDMENT = "secondment", "Secondment"
    FUNDING_CALL = "funding-call", "Funding call"
    TOOLKIT = "toolkit", "Toolkit"
    ONLINE_SELF_STUDY = "online-self-study", "Online self-study"


class Format(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in-person", "In person"
    BLENDED = "blended", "Blended"


class CareerStage(models.Model):
    """New entrant, practitioner, experienced, manager, senior leader (rows from a data migration)."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


CAREER_STAGES: list[tuple[str, str]] = [
    ("new-entrant", "New entrant"),
    ("practitioner", "Practitioner"),
    ("experienced", "Experienced practitioner"),
    ("manager", "Manager"),
    ("senior-leader", "Senior leader"),
]


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"
    PAST = "past", "Past"


class Opportunity(TimeStampedModel):
    provider = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="opportunities")
    title = models.CharField(max_length=300)
    summary = models.CharField(max_length=600, blank=True)
    description = models.TextField(blank=True, help_text="Markdown; sanitised when shown")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    format = models.CharField(max_length=10, choices=Format.choices)
    audience_sectors = models.ManyToManyField(Sector, blank=True, related_name="opportunities")
    career_stages = models.ManyToManyField(CareerStage, blank=True, related_name="opportunities")
    is_free = models.BooleanField(default=False)
    price = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    member_price = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, help_text="Price for members of the provider"
    )
    currency = models.CharField(max_length=3, default="GBP")
    accessibility_notes = models.TextField(blank=True)
    language = models.CharField(max_length=10, default="en")
    url = models.URLField(max_length=500, blank=True)
    contact_name = models.CharField(max_length=150, blank=True)
    contact_role = models.CharField(max_length=150, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    # Identity for re-imports and harvests: unique per provider when set (file rows, iCal UIDs, feed ids).
    external_id = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=20, blank=True, help_text="form, file, api or feed")
    feed = models.ForeignKey(
        "Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="opportunities"
    )
    # Bumped on every change, for the RPDE change feed (modified order) and caches.
    modified_seq = models.BigIntegerField(default=0, db_index=True)
    tags = models.ManyToManyField(Concept, through="OpportunityTag", related_name="opportunities", blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "opportunities"
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "external_id"],
                condition=~models.Q(external_id=""),
                name="opportunity_unique_provider_external_id",
            ),
        ]
        indexes = [models.Index(fields=["status", "kind"]), models.Index(fields=["provider", "status"])]

    def __str__(self) -> str:
        return self.title


class ChangeCounter(models.Model):
    """A single row holding the last `modified_seq` handed out.

    Writers lock it (select_for_update) until they commit, so change numbers become visible in
    the order they were handed out and a harvester of the RPDE feed never skips a change.
    """

    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"change {self.value}"


class Occurrence(TimeStampedModel):
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(
        null=True, blank=True, help_text="Empty for self-paced or always-open offers"
    )
    end = models.DateTimeField(null=True, blank=True)
    timezone = models.CharField(
        max_length=64, default="Europe/London", help_text="IANA time zone of the venue"
    )
    registration_deadline = models.DateTimeField(null=True, blank=True)
    is_online = models.BooleanField(default=False)
    online_url = models.URLField(max_length=500, blank=True)
    venue_name = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=500, blank=True)
    town = models.CharField(max_length=120, blank=True)
    postcode = models.CharField(max_length=20, blank=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="occurrences"
    )
    capacity = models.PositiveIntegerField(null=True, blank=True)
    places_left = models.PositiveIntegerField(null=True, blank=True)
    is_cancelled = models.BooleanField(default=False)
    external_id = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["start"]), models.Index(fields=["region", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="occurrence_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.start).strftime("%d %b %Y") if self.start else "any time"
        return f"{self.opportunity} — {when}"


class TagSource(models.TextChoices):
    PROVIDER = "provider", "Provider"
    AUTOMATIC = "automatic", "Automatic"
    BROKER = "broker", "Broker"


class OpportunityTag(models.Model):
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="tag_links")
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="tag_links")
    weight = models.FloatField(default=1.0)
    source = models.CharField(max_length=10, choices=TagSource.choices, default=TagSource.PROVIDER)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "concept"], name="opportunity_tag_unique")
        ]

    def __str__(self) -> str:
        return f"{self.opportunity_id} → {self.concept_id} ({self.source})"


class FeedKind(models.TextChoices):
    ICAL = "ical", "iCalendar"
    JSONLD = "jsonld", "schema.org JSON-LD (page or list)"
    RSS = "rss", "RSS or Atom"
    RPDE = "rpde", "RPDE change feed (OpenActive)"


class Feed(TimeStampedModel):
    provider = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="feeds")
    name = models.CharField(max_length=150)
    url = models.URLField(max_length=1000)
    kind = models.CharField(max_length=10, choices=FeedKind.choices)
    is_active = models.BooleanField(default=True)
    # RPDE: where the next harvest resumes.
    next_url = models.URLField(max_length=1000, blank=True)
    last_harvested_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=10, blank=True)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["provider__name", "name"]
        constraints = [models.UniqueConstraint(fields=["provider", "url"], name="feed_unique_provider_url")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class HarvestRun(models.Model):
    """One harvest of one feed: what changed and what went wrong."""

    OK = "ok"
    FAILED = "failed"
    PARTIAL = "partial"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, default="running")
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.feed} at {self.started_at:%Y-%m-%d %H:%M}: {self.status}"


class ImportJob(TimeStampedModel):
    """An uploaded file on its way into the catalogue: previewed, then imported (maybe in the background)."""

    PREVIEWED = "previewed"
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"

    provider = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="import_jobs")
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    filename = models.CharField(max_length=255)
    file_format = models.CharField(max_length=10)
    file = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    status = models.CharField(max_length=10, default=PREVIEWED)
    valid_only = models.BooleanField(default=False, help_text="Take only the valid rows")
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"
