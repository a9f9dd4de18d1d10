"""Catalogue search at 100,000 opportunities: index builds, faceted queries, the page over HTTP.

    SIGNPOST_SQLITE_PATH=/tmp/bench-search.sqlite3 .venv/bin/python benchmarks/search.py
    DATABASE_URL=postgres://signpost:signpost@127.0.0.1:5432/signpost_bench \
        .venv/bin/python benchmarks/search.py

Never point it at a database you care about, nor at a file other benchmarks share: it adds
100,000 generated opportunities (from 400 generated providers) the first time, and reuses them
on later runs (--regenerate starts again). The tantivy index goes to SIGNPOST_SEARCH_INDEX_DIR
(default /tmp/bench-search-index).

What is timed, after one warm-up pass, over --passes passes of 200 queries (1-3 words, one
facet filter on region, sector, format or kind; the shape of perf-anchors.md section A):

* tantivy-raw: the tantivy package used directly on the same documents, as the anchors did
  (title + description, en_stem, title boost 2, term filter, count + a terms aggregation on
  sector, top 20 with their stored id and title). This is the figure to compare against.
* signpost/tantivy: Signpost's search through its interface: top 20 ids, the total, and the
  counts of all seven facets (the filtered facet counted apart: multi-select counts).
* signpost/database: the same through the database backend (SQLite FTS5 or PostgreSQL).
* the catalogue page: in-process (Django's test client), then over HTTP from gunicorn
  (2 sync workers on 127.0.0.1, one client sending requests one after another).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
N_PROVIDERS = 400
SEED = 20261122

TOPICS = """\
collections care|digital preservation|cataloguing|metadata standards|oral history|volunteer management|
audience development|exhibition design|object handling|pest management|environmental monitoring|
documentation procedures|accessioning|loans management|records management|archival description|
palaeography|family history research|reading room supervision|copyright for heritage|data protection|
freedom of information|fundraising|grant writing|business planning|leadership|change management|
project management|customer service|safeguarding|first aid|health and safety|manual handling|
fire safety|equality and diversity|mental health awareness|coaching skills|mentoring|report writing|
public speaking|social media marketing|digital marketing|website management|search engine optimisation|
collections photography|digitisation workflows|image rights|3D scanning|born-digital archives|
email preservation|web archiving|database design|spreadsheet skills|data analysis|Python programming|
SQL queries|open data publishing|linked data|information literacy|reader development|storytime sessions|
children's library services|school library management|reading for wellbeing|early years literacy|
adult literacy|numeracy|ESOL teaching|digital inclusion|basic IT skills|cyber security awareness|
teaching adults|curriculum design|assessment and feedback|learner support|special educational needs|
neurodiversity awareness|dementia-friendly services|community engagement|co-production with communities|
outreach programmes|learning programmes for schools|museum education|interpretation writing|
label writing|visitor research|evaluation methods|impact measurement|strategic planning|
governance for trustees|charity finance|budgeting|procurement|contract management|building maintenance|
emergency planning|disaster recovery|collections salvage|textile conservation|paper conservation|
book repair|photographic materials care|audiovisual preservation|sound archives|film archives|
map collections|rare books handling|special collections|touring exhibitions|event management|
retail and trading|cafe management|venue hire|marketing strategy|brand development|press relations|
crisis communication|partnership working|advocacy|policy writing|local studies|heritage interpretation|
archaeological archives|natural history collections|herbarium management|taxidermy care|
arms and armour care|ceramics handling|glass conservation|metals conservation|furniture care|
historic interiors|garden heritage|industrial heritage|maritime collections|
military history collections|art handling|art valuation|provenance research|repatriation|
decolonising collections|anti-racist practice|inclusive language|accessibility auditing|
audio description|British Sign Language|easy read writing|user experience design|
library management systems|RFID self-service|stock management|inter-library loans|e-resources licensing|
research data management|repository management|scholarly communications|bibliometrics|
systematic searching|teaching information skills|apprenticeship assessment|functional skills maths|
functional skills English|forklift operation|food hygiene|heat pump installation|bookkeeping|payroll|
Excel for managers|time management|negotiation skills|conflict resolution|team leadership|
recruitment and selection|appraisal conversations|wellbeing at work""".replace("\n", "").split("|")

AUDIENCES = [
    "beginners", "volunteers", "library assistants", "museum curators", "archivists", "managers",
    "new entrants", "front-of-house staff", "learning officers", "trustees", "conservators",
    "records managers", "school librarians", "community groups", "team leaders", "freelancers",
    "collections assistants", "digital officers", "heritage professionals", "adult educators",
]  # fmt: skip

TITLES = [
    "Introduction to {topic}", "{Topic} for {audience}", "Advanced {topic}", "{Topic}: a practical workshop",
    "Masterclass: {topic}", "{Topic} essentials", "Certificate in {topic}", "{Topic} in practice",
    "Getting started with {topic}", "{Topic} for {audience} ({duration})", "Understanding {topic}",
    "{Topic} refresher", "Leading {topic} projects", "{Topic} clinic", "Hands-on {topic}",
    "{Topic} masterclass for {audience}", "Foundations of {topic}", "{Topic}: what {audience} need to know",
    "Developing skills in {topic}", "{Topic} peer network", "{Topic} toolkit", "Online course: {topic}",
    "{Topic} summer school", "Practical {topic} for {audience}",
]  # fmt: skip

SENTENCES = [
    "This {duration} session introduces {topic} to {audience}.",
    "You will {verb} {object} with guidance from an experienced practitioner.",
    "The course covers the principles of {topic} and how they apply to {topic2}.",
    "Participants {verb} {object} using {tool} and share what they learn with colleagues.",
    "No previous experience of {topic} is needed, though some familiarity with {topic2} helps.",
    "By the end you will be able to {verb} {object} with confidence.",
    "Assessment is by {assessment}, and successful learners receive {outcome}.",
    "Sessions mix short talks, case studies and practical exercises on {topic}.",
    "We look at common problems in {topic} and how {audience} have solved them.",
    "The trainer has worked in {topic} for many years and leads the {topic2} network.",
    "Bring an example from your own organisation to {verb} during the afternoon.",
    "There is time to discuss {topic2} and how it connects with {topic}.",
    "The workshop is suitable for {audience} and anyone who needs to {verb} {object}.",
    "Materials include templates, checklists and a guide to {tool}.",
    "Places are limited so that everyone can {verb} {object} in small groups.",
    "Follow-up support is available for three months after the {duration} programme.",
    "You will leave with a plan to improve {topic} in your service.",
    "Examples come from libraries, archives and museums across the region.",
    "The programme is accredited and counts towards {outcome}.",
    "Learners work through a realistic scenario about {topic2}.",
    "The session is recorded for those who cannot attend on the day.",
    "We explain the standards and guidance that shape {topic} today.",
    "A short reading list on {topic} is sent before the course.",
    "You will practise how to {verb} {object} and get feedback.",
    "Time is set aside for questions about {topic} in small organisations.",
    "The day ends with a discussion of next steps and further learning in {topic2}.",
    "Accessibility needs are welcome; tell us what would help you take part.",
    "Lunch and refreshments are provided for in-person participants.",
]
VERBS = [
    "plan", "review", "document", "evaluate", "improve", "design", "deliver", "assess", "organise",
    "manage", "prioritise", "record", "describe", "digitise", "present", "budget for", "monitor", "audit",
    "catalogue", "share",
]  # fmt: skip
OBJECTS = [
    "a collections plan", "an activity programme", "a volunteer role", "a funding bid", "a risk register",
    "a digitisation project", "an exhibition brief", "a learning session", "a condition report",
    "a retention schedule", "a marketing campaign", "a user survey", "an access policy",
    "a catalogue record", "a project budget", "a training plan", "a partnership agreement",
    "an evaluation framework", "a workflow", "a service review", "a grant report", "a style guide",
    "a consent form", "a data inventory", "a business case",
]  # fmt: skip
TOOLS = ["spreadsheets", "a collections management system", "open-source software", "simple templates",
         "online forms", "a shared drive", "a project board", "survey tools"]  # fmt: skip
DURATIONS = ["half-day", "one-day", "two-day", "three-week", "six-week", "one-hour", "90-minute", "ten-week"]
ASSESSMENTS = ["a short portfolio", "an online quiz", "a practical task", "a reflective log", "observation"]
OUTCOMES = ["a certificate of completion", "CPD points", "a digital badge", "a Level 3 award", "credits"]
QUERY_EXTRAS = ["certificate", "beginners", "online", "introduction", "workshop", "advanced", "practical"]

TOWNS = [
    "Leeds", "Bristol", "Cardiff", "Glasgow", "Belfast", "Norwich", "York", "Exeter", "Derby", "Hull",
    "Newcastle", "Swansea", "Dundee", "Bath", "Lincoln", "Oxford", "Cambridge", "Brighton", "Plymouth",
    "Carlisle", "Aberdeen", "Inverness", "Chester", "Durham", "Ipswich", "Preston", "Sheffield",
    "Leicester", "Worcester", "Truro", "Wrexham", "Bangor", "Stirling", "Derry", "Canterbury",
    "Winchester", "Salisbury", "Hereford", "Shrewsbury", "Kendal",
]  # fmt: skip
SUFFIXES = ["Heritage Trust", "Library Service", "Museums", "Archives", "Training", "Learning Partnership",
            "Record Office", "Skills Centre", "Adult College", "Culture Network"]  # fmt: skip
KIND_WEIGHTS = {
    "course": 30, "webinar": 14, "workshop": 16, "masterclass": 5, "conference": 4, "sector-forum": 3,
    "peer-review": 2, "mentoring": 4, "apprenticeship": 3, "secondment": 1, "funding-call": 2, "toolkit": 6,
    "online-self-study": 10,
}  # fmt: skip


def percentiles(times: Sequence[float]) -> dict[str, float]:
    ordered = sorted(times)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    return {"p50": at(0.50), "p95": at(0.95), "p99": at(0.99), "max": ordered[-1] * 1000, "n": len(ordered)}


def line(label: str, times: Sequence[float]) -> str:
    s = percentiles(times)
    qps = len(times) / sum(times)
    return (
        f"  {label:<34} p50 {s['p50']:7.2f} ms   p95 {s['p95']:7.2f} ms   p99 {s['p99']:7.2f} ms"
        f"   max {s['max']:7.1f} ms   ({s['n']} queries, {qps:,.0f}/s one client)"
    )


def timed_passes(run: Callable[[Any], Any], queries: Sequence[Any], passes: int) -> list[float]:
    return timed_together({"run": run}, queries, passes)["run"]


def timed_together(
    runs: dict[str, Callable[[Any], Any]], queries: Sequence[Any], passes: int
) -> dict[str, list[float]]:
    """Time each query on every engine in turn, so a change in the machine's load hits all alike."""
    for query in queries:  # warm-up pass
        for run in runs.values():
            run(query)
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(passes):
        for query in queries:
            for name, run in runs.items():
                started = time.perf_counter()
                run(query)
                times[name].append(time.perf_counter() - started)
    return times


# --- the corpus ---------------------------------------------------------------------------


def generate(n: int, rng: random.Random) -> None:
    """Bulk-insert n published opportunities with occurrences, sectors, stages and tags."""
    from django.db import transaction
    from django.utils import timezone

    from signpost.accounts.models import Organisation, OrganisationKind
    from signpost.catalogue.models import CareerStage, Occurrence, Opportunity, OpportunityTag
    from signpost.core.models import Region, Sector
    from signpost.lexicon.models import Concept

    regions = list(Region.objects.filter(is_itl1=True).order_by("pk"))
    sectors = list(Sector.objects.order_by("pk"))
    stages = list(CareerStage.objects.order_by("pk"))
    concepts = list(
        Concept.objects.filter(scheme__slug="starter", is_top_concept=False).values_list("pk", flat=True)
    )
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)

    with transaction.atomic():
        providers = Organisation.objects.bulk_create(
            Organisation(
                name=f"{TOWNS[i % len(TOWNS)]} {SUFFIXES[i // len(TOWNS) % len(SUFFIXES)]}",
                slug=f"bench-provider-{i}",
                kind=OrganisationKind.TRAINING_PROVIDER,
                region=regions[i % len(regions)],
                source="benchmark",
            )
            for i in range(N_PROVIDERS)
        )
    print(f"  {len(providers)} providers")
    started = time.perf_counter()
    batch = 5000
    for offset in range(0, n, batch):
        with transaction.atomic():
            plans = [_plan(rng, kinds, weights) for _ in range(min(batch, n - offset))]
            opportunities = Opportunity.objects.bulk_create(
                Opportunity(
                    provider=rng.choice(providers),
                    title=plan["title"][:300],
                    summary=plan["summary"],
                    description=plan["description"],
                    kind=plan["kind"],
                    format=plan["format"],
                    is_free=plan["free"],
                    price=None if plan["free"] else rng.choice([25, 45, 60, 85, 120, 250, 495]),
                    contact_email="bookings@example.org",
                    status="published",
                    published_at=now,
                    source="benchmark",
                    external_id=f"bench-{offset + i}",
                    modified_seq=offset + i + 1,
                )
                for i, plan in enumerate(plans)
            )
            occurrences, sector_links, stage_links, tags = [], [], [], []
            for opportunity, plan in zip(opportunities, plans, strict=True):
                for day, online in plan["dates"]:
                    start = now + timedelta(days=day, hours=rng.choice([9, 10, 13, 14, 18]) - now.hour)
                    region = None if online else rng.choice(regions)
                    occurrences.append(
                        Occurrence(
                            opportunity=opportunity,
                            start=start,
                            end=start + timedelta(hours=rng.choice([1, 2, 3, 6])),
                            is_online=online,
                            online_url="https://meet.example.org/room" if online else "",
                            venue_name="" if online else "Learning centre",
                            town="" if online else rng.choice(TOWNS),
                            region=region,
                        )
                    )
                for sector in rng.sample(sectors, rng.choice([1, 1, 2, 2, 3])):
                    sector_links.append(
                        Opportunity.audience_sectors.through(opportunity=opportunity, sector=sector)
                    )
                for stage in rng.sample(stages, rng.choice([1, 2, 2, 3])):
                    stage_links.append(
                        Opportunity.career_stages.through(opportunity=opportunity, careerstage=stage)
                    )
                for concept_id in rng.sample(concepts, rng.choice([1, 2, 2, 3])):
                    tags.append(OpportunityTag(opportunity=opportunity, concept_id=concept_id))
            Occurrence.objects.bulk_create(occurrences, batch_size=2000)
            Opportunity.audience_sectors.through.objects.bulk_create(sector_links, batch_size=5000)
            Opportunity.career_stages.through.objects.bulk_create(stage_links, batch_size=5000)
            OpportunityTag.objects.bulk_create(tags, batch_size=5000)
        print(f"  {offset + len(plans):>7,} opportunities ({time.perf_counter() - started:.1f} s)", end="\r")
    print(f"  {n:,} opportunities written in {time.perf_counter() - started:.1f} s          ")


def _plan(rng: random.Random, kinds: list[str], weights: list[int]) -> dict[str, Any]:
    topic, topic2 = rng.sample(TOPICS, 2)
    audience = rng.choice(AUDIENCES)
    duration = rng.choice(DURATIONS)
    title = rng.choice(TITLES).format(
        topic=topic, Topic=topic[0].upper() + topic[1:], audience=audience, duration=duration
    )
    slots = {
        "topic": topic,
        "topic2": topic2,
        "audience": audience,
        "duration": duration,
        "tool": rng.choice(TOOLS),
        "assessment": rng.choice(ASSESSMENTS),
        "outcome": rng.choice(OUTCOMES),
    }
    sentences = []
    for template in rng.sample(SENTENCES, rng.randint(7, 11)):
        sentences.append(template.format(verb=rng.choice(VERBS), object=rng.choice(OBJECTS), **slots))
    kind = rng.choices(kinds, weights)[0]
    self_paced = kind in {"toolkit", "online-self-study"}
    draw = rng.random()
    fmt = "online" if self_paced or draw < 0.30 else ("blended" if draw < 0.45 else "in-person")
    dates: list[tuple[int, bool]] = []
    if not self_paced:
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            online = fmt == "online" or (fmt == "blended" and rng.random() < 0.5)
            dates.append((rng.randint(1, 365), online))
    return {
        "title": title,
        "summary": sentences[0],
        "description": " ".join(sentences[1:]),
        "kind": kind,
        "format": fmt,
        "free": rng.random() < 0.35,
        "dates": dates,
    }


def make_queries(rng: random.Random, n: int = 200) -> list[tuple[str, str, str]]:
    """(words, facet, value): 1-3 words from a topic, sometimes with a common word; one facet filter."""
    from signpost.core.models import Region

    values = {
        "region": list(Region.objects.filter(is_itl1=True).values_list("slug", flat=True)),
        "sector": ["libraries", "archives", "museums", "learning-and-skills"],
        "format": ["online", "in-person", "blended"],
        "kind": list(KIND_WEIGHTS),
    }
    queries = []
    for _ in range(n):
        words = [
            w
            for w in re.findall(r"[A-Za-z0-9]+", rng.choice(TOPICS))
            if len(w) > 2 and w not in {"and", "for"}
        ]
        chosen = rng.sample(words, min(len(words), rng.choice([1, 1, 2, 2, 3])))
        if len(chosen) < 3 and rng.random() < 0.3:
            chosen.append(rng.choice(QUERY_EXTRAS))
        facet = rng.choice(list(values))
        queries.append((" ".join(chosen), facet, rng.choice(values[facet])))
    return queries


# --- tantivy used directly: the anchor --------------------------------------------------------


class RawTantivy:
    """The anchor's setup: title + description (en_stem), facets as raw fast fields, title boost 2."""

    def __init__(self, path: Path, *, reuse: bool = False) -> None:
        import tantivy

        self.tantivy = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True, indexed=True, fast=True)
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("description", tokenizer_name="en_stem")
        for facet in ("region", "sector", "format", "kind"):
            builder.add_text_field(facet, fast=True, tokenizer_name="raw")
        self.schema = builder.build()
        if reuse and (path / "meta.json").exists():
            self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
            self.searcher = self.index.searcher()
            return
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        self.index = tantivy.Index(self.schema, path=str(path))

    def build(self, docs: Sequence[Any]) -> None:
        writer = self.index.writer(heap_size=512_000_000, num_threads=2)
        for doc in docs:
            out = self.tantivy.Document()
            out.add_integer("id", doc.id)
            out.add_text("title", doc.title)
            out.add_text("description", f"{doc.summary} {doc.description}")
            for facet, values in (("region", doc.regions), ("sector", doc.sectors), ("format", [doc.format]),
                                  ("kind", [doc.kind])):  # fmt: skip
                for value in values:
                    out.add_text(facet, value)
            writer.add_document(out)
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def query(self, query: tuple[str, str, str]) -> int:
        tantivy = self.tantivy
        words, facet, value = query
        text = self.index.parse_query(
            words, ["title", "description"], field_boosts={"title": 2.0}, conjunction_by_default=True
        )
        combined = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, text),
                (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, facet, value)),
            ]
        )
        result = self.searcher.search(combined, limit=20, count=True)
        for _, address in result.hits:
            self.searcher.doc(address)  # id and title, as a results list needs
        self.searcher.aggregate(combined, {"sector": {"terms": {"field": "sector", "size": 50}}})
        return result.count


# --- the page over HTTP ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_url(query: tuple[str, str, str]) -> str:
    words, facet, value = query
    return "/opportunities/?" + urllib.parse.urlencode({"q": words, facet: value})


def over_http(queries: Sequence[tuple[str, str, str]], passes: int) -> list[float] | None:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    if not gunicorn.exists():
        print("  gunicorn is not installed in this environment: skipped")
        return None
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "SIGNPOST_DEBUG": "0",
           "DJANGO_SETTINGS_MODULE": "signpost.settings", "SIGNPOST_LOG_LEVEL": "WARNING"}  # fmt: skip
    server = subprocess.Popen(
        [
            str(gunicorn),
            "signpost.wsgi:application",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=REPO,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/opportunities/", timeout=5).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        else:
            print("  gunicorn did not answer: skipped")
            return None

        def fetch(query: tuple[str, str, str]) -> None:
            with urllib.request.urlopen(base + page_url(query), timeout=10) as response:  # noqa: S310
                response.read()
                assert response.status == 200

        for _ in range(2):  # both workers warm (templates, index readers)
            for query in queries:
                fetch(query)
        return timed_passes(fetch, queries, passes)
    finally:
        server.terminate()
        server.wait(timeout=20)


# --- main ---------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--opportunities", type=int, default=100_000)
    parser.add_argument("--passes", type=int, default=5, help="timed passes over the 200 queries (default 5)")
    parser.add_argument("--db-passes", type=int, default=2, help="timed passes for the database backend")
    parser.add_argument(
        "--regenerate", action="store_true", help="delete the generated catalogue and start again"
    )
    parser.add_argument("--skip-http", action="store_true", help="leave out the page over HTTP")
    parser.add_argument(
        "--reuse-indexes",
        action="store_true",
        help="time the indexes an earlier run built (no build figures)",
    )
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.settings")
    os.environ.setdefault("SIGNPOST_SEARCH_INDEX_DIR", "/tmp/bench-search-index")  # noqa: S108 (a benchmark)
    if not os.environ.get("DATABASE_URL") and not os.environ.get("SIGNPOST_SQLITE_PATH"):
        parser.error(
            "set SIGNPOST_SQLITE_PATH=/tmp/bench-search.sqlite3 (or DATABASE_URL), never the development one"
        )
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    import tantivy
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from signpost.accounts.models import Organisation
    from signpost.catalogue.models import Opportunity
    from signpost.catalogue.search import SearchQuery, get_backend
    from signpost.catalogue.search.database_backend import DatabaseBackend
    from signpost.catalogue.search.documents import build_documents
    from signpost.lexicon.models import ConceptScheme

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.DEBUG = False  # as served: no query log
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; tantivy {tantivy.__version__}")
    call_command("migrate", verbosity=0)
    if not ConceptScheme.objects.filter(slug="starter").exists():
        call_command("load_starter_lexicon", verbosity=0)

    rng = random.Random(SEED)
    existing = Opportunity.objects.filter(source="benchmark").count()
    if options.regenerate and existing:
        print("Deleting the generated catalogue…")
        Opportunity.objects.filter(source="benchmark").delete()
        Organisation.objects.filter(source="benchmark").delete()
        existing = 0
    if existing == 0:
        print(f"Generating {options.opportunities:,} opportunities…")
        generate(options.opportunities, rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    else:
        print(f"Reusing {existing:,} generated opportunities (--regenerate to start again)")

    signpost = get_backend() if settings.SIGNPOST_SEARCH_BACKEND == "tantivy" else None
    if signpost is None:
        from signpost.catalogue.search import index_path
        from signpost.catalogue.search.tantivy_backend import TantivyBackend

        signpost = TantivyBackend(index_path())
    database = DatabaseBackend()
    raw_path = Path(os.environ["SIGNPOST_SEARCH_INDEX_DIR"]) / "tantivy-raw"
    if (
        options.reuse_indexes
        and signpost.exists()
        and database.exists()
        and (raw_path / "meta.json").exists()
    ):
        print("\nReusing the indexes of an earlier run")
        raw = RawTantivy(raw_path, reuse=True)
    else:
        print("\nIndex build")
        started = time.perf_counter()
        docs = list(build_documents())
        read = time.perf_counter() - started
        print(f"  documents read from the database      {read:6.1f} s  ({len(docs):,} searchable)")
        started = time.perf_counter()
        signpost.rebuild(docs)
        took = time.perf_counter() - started
        print(f"  signpost/tantivy index                {took:6.1f} s  ({signpost.path.name})")
        started = time.perf_counter()
        database.rebuild(docs)
        print(f"  signpost/database ({connection.vendor}) tables      {time.perf_counter() - started:6.1f} s")
        raw = RawTantivy(raw_path)
        started = time.perf_counter()
        raw.build(docs)
        print(f"  tantivy-raw index (anchor schema)     {time.perf_counter() - started:6.1f} s")
        del docs

    print(f"\nLoad average before timing: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores)")
    queries = make_queries(random.Random(SEED + 1))  # the same 200 whether or not data was generated
    hits = [raw.query(q) for q in queries]
    totals = [signpost.search(SearchQuery(q=w, filters={f: [v]})).total for w, f, v in queries]
    print(
        f"\n200 queries, 1-3 words + one facet filter; mean hits: tantivy-raw {statistics.mean(hits):.0f}, "
        f"signpost {statistics.mean(totals):.0f} (online ones also match a region filter)"
    )
    print(
        f"Search (warm, {options.passes} passes, the two tantivy runs interleaved query by query; "
        f"database backend {options.db_passes})"
    )
    results = timed_together(
        {
            "tantivy-raw (anchor)": raw.query,
            "signpost/tantivy": lambda q: signpost.search(SearchQuery(q=q[0], filters={q[1]: [q[2]]})),
        },
        queries,
        options.passes,
    )
    for label, times in results.items():
        print(line(label, times))
    ratio = (
        percentiles(results["signpost/tantivy"])["p95"] / percentiles(results["tantivy-raw (anchor)"])["p95"]
    )
    print(f"  signpost/tantivy p95 is {ratio:.2f}× tantivy-raw's (goal: within 3×)")
    print("  by the facet filtered on (p95; a region filter also keeps every online opportunity):")
    for facet in ("region", "sector", "format", "kind"):
        picked = {
            name: [t for i, t in enumerate(times) if queries[i % len(queries)][1] == facet]
            for name, times in results.items()
        }
        raw_p95 = percentiles(picked["tantivy-raw (anchor)"])["p95"]
        ours_p95 = percentiles(picked["signpost/tantivy"])["p95"]
        print(
            f"    {facet:<7} ({len(picked['signpost/tantivy']) // options.passes:>3} queries)   "
            f"tantivy-raw {raw_p95:5.2f} ms   signpost {ours_p95:5.2f} ms   ({ours_p95 / raw_p95:.2f}×)"
        )
    db_times = timed_passes(
        lambda q: database.search(SearchQuery(q=q[0], filters={q[1]: [q[2]]})), queries, options.db_passes
    )
    print(line(f"signpost/database ({connection.vendor})", db_times))

    print("\nThe catalogue page (/opportunities/?q=…&facet=…, tantivy backend)")
    client = Client()
    in_process = timed_passes(lambda q: client.get(page_url(q)), queries, 2)
    print(line("in-process (Django test client)", in_process))
    if not options.skip_http:
        http = over_http(queries, 2)
        if http:
            print(line("HTTP, gunicorn -w 2, one client", http))
            print(f"  page p95 over HTTP: {percentiles(http)['p95']:.1f} ms (goal: ≤ 50 ms)")
    print(f"\nLoad average after timing: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
