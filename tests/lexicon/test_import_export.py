"""Lexicon import and export: SKOS (Turtle, RDF/XML, JSON-LD), Signpost CSV and ESCO CSV.

The round-trip tests read the database with plain ORM queries (not the exporter's own snapshot),
so that a loss on either side shows up as a difference between two sets.
"""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from signpost.lexicon.models import BroaderLink, Concept, ConceptScheme, Label, Mapping, Note
from signpost.lexicon.services import csv_format
from signpost.lexicon.services.skos_export import export_scheme
from signpost.lexicon.services.skos_import import LexiconImportError, import_lexicon_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
STARTER = (
    Path(__file__).resolve().parents[2] / "src" / "signpost" / "lexicon" / "data" / "starter-lexicon.ttl"
)
EX = "https://example.org/heritage/"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"

pytestmark = pytest.mark.django_db


def lexicon_state(scheme: ConceptScheme) -> dict[str, object]:
    """Everything a round trip must keep, as sets keyed by URI (ids left out)."""
    in_scheme = {"concept__scheme": scheme}
    related = Concept.related.through.objects.filter(from_concept__scheme=scheme)
    sectors = Concept.sectors.through.objects.filter(concept__scheme=scheme)
    return {
        "scheme": (
            scheme.uri,
            scheme.title,
            scheme.description,
            scheme.version,
            scheme.licence,
            scheme.attribution,
            scheme.default_language,
        ),
        "concepts": set(
            Concept.objects.filter(scheme=scheme).values_list(
                "uri", "notation", "pref_label", "definition", "is_top_concept"
            )
        ),
        "labels": set(
            Label.objects.filter(**in_scheme).values_list("concept__uri", "kind", "language", "text")
        ),
        "notes": set(
            Note.objects.filter(**in_scheme).values_list("concept__uri", "kind", "language", "text")
        ),
        "broader": set(BroaderLink.objects.filter(**in_scheme).values_list("concept__uri", "broader__uri")),
        "related": set(related.values_list("from_concept__uri", "to_concept__uri")),
        "mappings": set(
            Mapping.objects.filter(source__scheme=scheme).values_list("source__uri", "relation", "target_uri")
        ),
        "sectors": set(sectors.values_list("concept__uri", "sector__slug")),
    }


def database_counts() -> tuple[int, ...]:
    return (
        ConceptScheme.objects.count(),
        Concept.objects.count(),
        Label.objects.count(),
        Note.objects.count(),
        BroaderLink.objects.count(),
        Mapping.objects.count(),
    )


# --- what the multilingual fixture brings in ---------------------------------------------------


def test_skos_import_keeps_every_feature_of_the_fixture():
    result = import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage")

    scheme = result.scheme
    assert (scheme.slug, scheme.uri, scheme.title, scheme.version) == (
        "heritage",
        EX + "scheme",
        "Heritage skills",
        "2.1",
    )
    assert scheme.licence == "https://creativecommons.org/licenses/by/4.0/"
    assert scheme.attribution == "The test suite"
    assert scheme.default_language == "en"
    assert (result.concepts, result.links, result.related, result.mappings) == (5, 4, 2, 6)
    state = lexicon_state(scheme)
    assert (EX + "cataloguing", "hidden", "fr", "Catalogage (erreur)") in state["labels"]
    assert (EX + "digital-cataloguing", "alt", "", "sans langue") in state["labels"]
    assert (EX + "digital-cataloguing", "hidden", "", "user@domain") in state["labels"]
    assert (
        EX + "cataloguing",
        "scopeNote",
        "en",
        "Includes metadata; see also C:\\collections\\policy.",
    ) in state["notes"]
    assert (EX + "cataloguing", "description", "en", "A longer description, over\ntwo lines.") in state[
        "notes"
    ]
    # skos:narrower on the parent and skos:broader on the child give one link each; poly-hierarchy kept.
    assert state["broader"] == {
        (EX + "cataloguing", EX + "collections"),
        (EX + "digital-cataloguing", EX + "cataloguing"),
        (EX + "digital-cataloguing", EX + "learning"),
        (EX + "teaching", EX + "learning"),
    }
    assert (EX + "cataloguing", EX + "teaching") in state["related"]  # symmetrical
    assert {relation for _, relation, _ in state["mappings"]} == {
        "exactMatch",
        "closeMatch",
        "broadMatch",
        "narrowMatch",
        "relatedMatch",
    }
    assert state["sectors"] >= {(EX + "collections", "museums"), (EX + "learning", "learning-and-skills")}
    top = {uri for uri, _, _, _, is_top in state["concepts"] if is_top}
    assert top == {EX + "collections", EX + "learning"}
    cataloguing = Concept.objects.get(uri=EX + "cataloguing")
    assert (cataloguing.pref_label, cataloguing.notation) == ("Cataloguing", "A01.01")
    assert cataloguing.definition == "Describing items so people can find them."


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld", "nt", "csv"])
def test_round_trip_loses_nothing(fmt, tmp_path):
    scheme = import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage").scheme
    before = lexicon_state(scheme)
    exported = export_scheme(scheme, fmt)
    path = tmp_path / f"heritage.{fmt}"
    if isinstance(exported, bytes):
        path.write_bytes(exported)
    else:
        path.write_text(exported, encoding="utf-8")
    scheme.delete()
    assert Concept.objects.count() == 0

    result = import_lexicon_file(path, scheme_slug="heritage")

    after = lexicon_state(result.scheme)
    for part in before:
        assert after[part] == before[part], part
    assert result.created


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld", "csv"])
def test_reimporting_an_export_over_its_scheme_changes_nothing(fmt, tmp_path):
    scheme = import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage").scheme
    path = tmp_path / f"export.{fmt}"
    exported = export_scheme(scheme, fmt)
    path.write_bytes(exported if isinstance(exported, bytes) else exported.encode("utf-8"))

    result = import_lexicon_file(path)

    assert (result.changed, result.scheme.slug, result.scheme.revision) == (False, "heritage", 1)


def test_round_trip_through_gzip_and_the_commands(tmp_path):
    call_command(
        "import_lexicon", str(FIXTURES / "multilingual.ttl"), "--scheme", "heritage", stdout=StringIO()
    )
    before = lexicon_state(ConceptScheme.objects.get(slug="heritage"))
    out = tmp_path / "heritage.ttl.gz"
    err = StringIO()
    call_command("export_lexicon", "heritage", "--format", "ttl", "--output", str(out), stderr=err)
    assert "Wrote 5 concepts" in err.getvalue()
    assert gzip.decompress(out.read_bytes()).startswith(b"@prefix")
    ConceptScheme.objects.all().delete()

    stdout = StringIO()
    call_command("import_lexicon", str(out), stdout=stdout)

    assert "Created scheme “Heritage skills” (heritage" in stdout.getvalue()
    assert lexicon_state(ConceptScheme.objects.get(uri=EX + "scheme")) == before


def test_exports_write_both_hierarchy_directions_and_a_jsonld_context():
    scheme = import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage").scheme

    turtle = export_scheme(scheme, "ttl")
    document = json.loads(export_scheme(scheme, "jsonld"))

    assert isinstance(turtle, str)
    assert "skos:narrower" in turtle
    assert "skos:broader" in turtle
    assert "sp:sector sp:archives" in turtle or "sp:archives" in turtle
    assert document["@context"]["skos"] == "http://www.w3.org/2004/02/skos/core#"
    assert isinstance(export_scheme(scheme, "rdf"), bytes)


def test_csv_export_has_one_row_per_concept_after_the_scheme_row():
    scheme = import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage").scheme

    text = export_scheme(scheme, "csv")

    assert isinstance(text, str)
    lines = text.splitlines()
    assert lines[0] == ",".join(csv_format.COLUMNS)
    assert lines[1].startswith("ConceptScheme,https://example.org/heritage/scheme,")
    assert sum(line.startswith("Concept,") for line in lines) == 5
    assert "Cataloguing@en | Catalogage@fr" in text
    assert "Description \\| records@en" in text


@pytest.mark.parametrize(
    "values",
    [
        ["plain"],
        ["a | b", "c\\d", " leading", "trailing ", ""],
        ["x|y", "\\|", "|", "a \\| b"],
    ],
)
def test_csv_cells_split_back_into_the_same_values(values):
    assert csv_format.split_values(csv_format.join_values(values)) == values


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Cataloguing", "en"),
        ("no language", ""),
        ("user@domain", ""),
        ("ends with @", ""),
        ("a@b@c", "en-GB"),
    ],
)
def test_language_tags_read_back_exactly(text, language):
    assert csv_format.untag(csv_format.tag(text, language)) == (text, language)


# --- errors change nothing ---------------------------------------------------------------------


def test_a_file_without_concepts_is_not_skos_and_changes_nothing():
    import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage")
    before = database_counts()

    with pytest.raises(
        LexiconImportError, match=r"not_skos\.ttl is not a SKOS file: it contains no skos:Concept"
    ):
        import_lexicon_file(FIXTURES / "not_skos.ttl")

    assert database_counts() == before


def test_a_syntax_error_is_reported_with_its_line():
    with pytest.raises(LexiconImportError, match=r"could not be parsed as Turtle: .*line 4") as caught:
        import_lexicon_file(FIXTURES / "broken.ttl")

    assert "broken.ttl" in str(caught.value)
    assert database_counts() == (0, 0, 0, 0, 0, 0)


def test_a_cycle_names_its_concepts_and_changes_nothing():
    with pytest.raises(LexiconImportError, match="cycle") as caught:
        import_lexicon_file(FIXTURES / "cycle.ttl")

    message = str(caught.value)
    for label, uri in (
        ("Archives", "archives"),
        ("Records management", "records"),
        ("Appraisal", "appraisal"),
    ):
        assert f"“{label}” <https://example.org/cycle/{uri}>" in message
    assert "Other" not in message
    assert database_counts() == (0, 0, 0, 0, 0, 0)


def test_a_cycle_in_a_reimport_leaves_the_loaded_scheme_as_it_was(tmp_path):
    scheme = import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage").scheme
    before = lexicon_state(scheme)
    broken = tmp_path / "heritage.ttl"
    broken.write_text(
        (FIXTURES / "multilingual.ttl").read_text(encoding="utf-8")
        + "\nex:collections skos:broader ex:digital-cataloguing .\n",
        encoding="utf-8",
    )

    with pytest.raises(
        LexiconImportError, match=r"“Digital cataloguing” <https://example\.org/heritage/digital"
    ):
        import_lexicon_file(broken)

    scheme.refresh_from_db()
    assert scheme.revision == 1
    assert lexicon_state(scheme) == before


def test_a_concept_without_a_preferred_label_is_named():
    with pytest.raises(
        LexiconImportError, match=r"<https://example.org/nolabel/unnamed> has no skos:prefLabel"
    ):
        import_lexicon_file(FIXTURES / "no_pref_label.ttl")

    assert database_counts() == (0, 0, 0, 0, 0, 0)


def test_an_unknown_sector_is_refused(tmp_path):
    path = tmp_path / "sectors.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix sp: <https://w3id.org/signpost/ns#> .\n"
        '<https://example.org/s/a> a skos:Concept ; skos:prefLabel "A"@en ; sp:sector sp:zoos .\n',
        encoding="utf-8",
    )

    with pytest.raises(LexiconImportError, match=r"unknown sector.*zoos"):
        import_lexicon_file(path)

    assert database_counts() == (0, 0, 0, 0, 0, 0)


def test_the_command_turns_errors_into_command_errors():
    with pytest.raises(CommandError, match=r"is not a SKOS file.*Nothing was imported"):
        call_command("import_lexicon", str(FIXTURES / "not_skos.ttl"))
    with pytest.raises(CommandError, match="No concept scheme has the slug 'nope'"):
        call_command("export_lexicon", "nope", "--format", "ttl")


def test_unknown_extensions_and_plain_csv_are_refused(tmp_path):
    other = tmp_path / "lexicon.txt"
    other.write_text("hello", encoding="utf-8")
    plain = tmp_path / "people.csv"
    plain.write_text("name,email\nAda,ada@example.org\n", encoding="utf-8")

    with pytest.raises(LexiconImportError, match="cannot tell the format"):
        import_lexicon_file(other)
    with pytest.raises(
        LexiconImportError, match=r"is neither a Signpost lexicon CSV .* nor an ESCO skills CSV"
    ):
        import_lexicon_file(plain)


# --- re-importing --------------------------------------------------------------------------------


def test_reimport_updates_in_place_without_duplicates():
    first = import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage")
    ids = dict(Concept.objects.values_list("uri", "id"))
    before = lexicon_state(first.scheme)

    second = import_lexicon_file(FIXTURES / "multilingual.ttl")

    assert second.scheme.pk == first.scheme.pk
    assert (second.created, second.changed, second.new_concepts, second.changed_concepts) == (
        False,
        False,
        0,
        0,
    )
    assert second.scheme.slug == "heritage"
    assert second.scheme.revision == 1  # nothing changed, so caches keyed on the revision stay valid
    assert "Unchanged: scheme “Heritage skills”" in second.summary()
    assert dict(Concept.objects.values_list("uri", "id")) == ids
    assert lexicon_state(second.scheme) == before


def test_reimport_replaces_changed_data_and_keeps_or_prunes_missing_concepts(tmp_path):
    import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="heritage")
    teaching_id = Concept.objects.get(uri=EX + "teaching").pk
    text = (FIXTURES / "multilingual.ttl").read_text(encoding="utf-8")
    text = text.replace('"Cataloguing"@en', '"Cataloguing and indexing"@en').replace(
        'owl:versionInfo "2.1"', ""
    )
    # Drop the concept "Teaching adults" and the links to it.
    text = text.split("ex:teaching a skos:Concept")[0].replace(" ;\n    skos:related ex:teaching", "")
    changed = tmp_path / "heritage.ttl"
    changed.write_text(text, encoding="utf-8")

    kept = import_lexicon_file(changed)

    assert (kept.kept, kept.deleted, kept.changed_concepts) == (1, 0, 1)
    assert kept.scheme.version == "2.1"  # the file names no version: the old one stays
    assert Concept.objects.get(uri=EX + "cataloguing").pref_label == "Cataloguing and indexing"
    assert not Label.objects.filter(text="Cataloguing", kind="pref").exists()
    teaching = Concept.objects.get(pk=teaching_id)
    assert teaching.labels.filter(kind="pref").count() == 2  # kept with its own data
    assert list(teaching.broader.values_list("uri", flat=True)) == [EX + "learning"]
    assert not teaching.related.exists()  # the file's concepts no longer name it

    pruned = import_lexicon_file(changed, prune=True)

    assert (pruned.kept, pruned.deleted) == (0, 1)
    assert not Concept.objects.filter(pk=teaching_id).exists()
    assert pruned.scheme.revision == 3


def test_a_dry_run_saves_nothing():
    result = import_lexicon_file(FIXTURES / "multilingual.ttl", dry_run=True)

    assert result.concepts == 5
    assert "Dry run" in result.summary()
    assert database_counts() == (0, 0, 0, 0, 0, 0)


def test_a_slug_taken_by_another_scheme_is_refused():
    import_lexicon_file(FIXTURES / "skosxl.ttl", scheme_slug="taken")

    with pytest.raises(LexiconImportError, match="slug 'taken' is already used"):
        import_lexicon_file(FIXTURES / "multilingual.ttl", scheme_slug="taken")


# --- schemes, SKOS-XL ------------------------------------------------------------------------------


def test_skosxl_labels_become_plain_labels():
    scheme = import_lexicon_file(FIXTURES / "skosxl.ttl").scheme

    labels = set(Label.objects.filter(concept__scheme=scheme).values_list("kind", "language", "text"))
    assert labels == {("pref", "en", "Museums"), ("pref", "ar", "متاحف"), ("alt", "en", "Museology")}
    assert scheme.slug == "skosxl"


def test_the_first_scheme_is_imported_unless_one_is_named():
    alpha = import_lexicon_file(FIXTURES / "two_schemes.ttl").scheme
    beta = import_lexicon_file(FIXTURES / "two_schemes.ttl", scheme_slug="beta").scheme

    assert (alpha.uri, alpha.concepts.count()) == ("https://example.org/two/alpha", 1)
    assert (beta.uri, beta.slug, beta.title, beta.concepts.count()) == (
        "https://example.org/two/beta",
        "beta",
        "Beta",
        2,
    )
    with pytest.raises(LexiconImportError, match="holds 2 concept schemes and none is 'gamma'"):
        import_lexicon_file(FIXTURES / "two_schemes.ttl", scheme_slug="gamma")


def test_concepts_without_a_scheme_get_one_named_after_the_file():
    scheme = import_lexicon_file(FIXTURES / "no_scheme.ttl").scheme

    assert (scheme.slug, scheme.uri, scheme.title) == (
        "no_scheme",
        "https://w3id.org/signpost/lexicon/no_scheme",
        "no_scheme",
    )
    assert list(scheme.concepts.filter(is_top_concept=True).values_list("pref_label", flat=True)) == ["Root"]


# --- mapping targets -----------------------------------------------------------------------------


def _crosswalk_file(tmp_path: Path) -> Path:
    path = tmp_path / "crosswalk.ttl"
    path.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://example.org/cw/cataloguing> a skos:Concept ; skos:prefLabel "Cataloguing"@en ;\n'
        f"    skos:exactMatch <{ESCO_SKILL}skill-1> ; skos:closeMatch <{ESCO_SKILL}not-loaded> .\n",
        encoding="utf-8",
    )
    return path


def test_mapping_targets_resolve_when_the_target_scheme_arrives_later(tmp_path):
    import_lexicon_file(_crosswalk_file(tmp_path))
    assert not Mapping.objects.filter(target__isnull=False).exists()

    result = import_lexicon_file(FIXTURES / "esco")

    mapping = Mapping.objects.get(relation="exactMatch")
    assert mapping.target == Concept.objects.get(uri=ESCO_SKILL + "skill-1")
    assert result.resolved_targets == 1
    assert Mapping.objects.get(relation="closeMatch").target is None


def test_mapping_targets_resolve_when_the_target_scheme_is_already_loaded(tmp_path):
    import_lexicon_file(FIXTURES / "esco")

    import_lexicon_file(_crosswalk_file(tmp_path))

    assert Mapping.objects.get(relation="exactMatch").target.uri == ESCO_SKILL + "skill-1"


# --- ESCO CSV --------------------------------------------------------------------------------------


def test_esco_folder_brings_in_groups_skills_and_the_hierarchy():
    result = import_lexicon_file(FIXTURES / "esco")

    scheme = result.scheme
    assert (scheme.slug, scheme.uri, scheme.title) == (
        "esco",
        "http://data.europa.eu/esco/concept-scheme/skills",
        "ESCO skills",
    )
    assert scheme.attribution == "This service uses the ESCO classification of the European Commission."
    assert result.concepts == 7  # 4 skills, 2 groups, 1 group known only from the hierarchy file
    state = lexicon_state(scheme)
    assert {uri for uri, _, _, _, top in state["concepts"] if top} == {ESCO_SKILL + "group-s"}
    assert Concept.objects.get(uri=ESCO_SKILL + "group-s1-1").notation == "S1.1"
    assert (ESCO_SKILL + "skill-1", "alt", "en", "catalog collections") in state["labels"]
    assert (ESCO_SKILL + "skill-2", "hidden", "en", "catalouge archives") in state["labels"]
    assert (ESCO_SKILL + "skill-2", "scopeNote", "en", "Excludes: library cataloguing.") in state["notes"]
    assert (ESCO_SKILL + "group-s1-1", "scopeNote", "en", "Excludes: conservation.") in state["notes"]
    assert (ESCO_SKILL + "skill-2", ESCO_SKILL + "skill-1") in state["broader"]
    assert len(state["broader"]) == 6
    assert (ESCO_SKILL + "skill-1", ESCO_SKILL + "skill-3") in state["related"]
    skill_1 = Concept.objects.get(uri=ESCO_SKILL + "skill-1")
    assert skill_1.definition == "Record items of a collection in a catalogue."  # description stands in
    assert (
        Concept.objects.get(uri=ESCO_SKILL + "skill-2").definition == "The description of archival material."
    )


def test_esco_skills_file_alone_brings_in_skills_and_the_links_between_them(tmp_path):
    folder = tmp_path / "esco-v9.9"
    shutil.copytree(FIXTURES / "esco", folder)
    with (
        (folder / "skills_en.csv").open("rb") as plain,
        gzip.open(folder / "skills_en.csv.gz", "wb") as packed,
    ):
        packed.write(plain.read())
    (folder / "skills_en.csv").unlink()

    result = import_lexicon_file(folder / "skills_en.csv.gz")

    state = lexicon_state(result.scheme)
    assert result.concepts == 4
    assert result.scheme.version == "9.9"
    assert state["broader"] == {(ESCO_SKILL + "skill-2", ESCO_SKILL + "skill-1")}
    assert len(state["related"]) == 2


# --- the starter lexicon and the real data in ../shared ---------------------------------------------


@pytest.mark.skipif(not STARTER.exists(), reason="the starter lexicon has not been written yet")
def test_the_starter_lexicon_loads():
    result = import_lexicon_file(STARTER, scheme_slug="starter")

    assert result.scheme.uri == "https://w3id.org/signpost/lexicon/starter"
    assert result.concepts > 0
    assert result.scheme.concepts.filter(is_top_concept=True).exists()
    assert Mapping.objects.filter(source__scheme=result.scheme).exists()


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "data").exists(), reason="../shared/data is not present")
def test_unesco_thesaurus_imports_completely():
    result = import_lexicon_file(SHARED / "data" / "unesco-thesaurus" / "unesco-thesaurus.ttl.gz")

    assert result.concepts == 4482
    assert Concept.objects.filter(scheme=result.scheme).count() == 4482
    assert set(Label.objects.values_list("language", flat=True).distinct()) == {"en", "fr", "es", "ru", "ar"}


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "data").exists(), reason="../shared/data is not present")
def test_esco_skills_import_completely():
    folder = SHARED / "data" / "esco-v1.1.1" / "full"
    with gzip.open(folder / "skills_en.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        skill_uris = {row["conceptUri"] for row in csv.DictReader(handle)}

    result = import_lexicon_file(folder)

    concepts = Concept.objects.filter(scheme=result.scheme)
    assert result.scheme.version == "1.1.1"
    assert result.concepts == 13896 + 647  # skills, and the skill groups of the hierarchy
    assert len(skill_uris) == 13896
    assert set(concepts.values_list("uri", flat=True)) >= skill_uris
    assert concepts.filter(is_top_concept=True).count() == 4
    assert BroaderLink.objects.filter(concept__scheme=result.scheme).count() == 20656
