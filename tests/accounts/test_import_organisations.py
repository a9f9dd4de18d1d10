"""Importing organisations from CSV: the service, the command, the demo subsets and the real directories."""

from __future__ import annotations

import re
import shlex
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from signpost.accounts.models import Organisation, OrganisationKind
from signpost.accounts.services.organisation_import import (
    OrganisationImportError,
    derive_external_id,
    import_organisations,
    parse_mapping,
)
from signpost.core.models import Region
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DEMO = REPO / "src" / "signpost" / "accounts" / "data" / "demo"
DOCS = REPO / "docs" / "organisation-import.md"

LIBRARY_MAP = [
    "library_name=name", "local_authority=parent", "region=region", "nation=nation", "address_1=address",
    "address_2=address", "address_3=address", "postcode=postcode", "url=website", "email=email",
    "year_closed=closed",
]  # fmt: skip
MUSEUM_MAP = [
    "museum_id=external_id", "Name_of_museum=name", "Address_line_1=address", "Address_line_2=address",
    "Village,_Town_or_City=town", "Postcode=postcode", "region=region", "nation=nation", "Size=size_band",
    "Year_closed=closed",
]  # fmt: skip
US_MAP = [
    "state=external_id", "id=external_id", "name=name", "address=address", "city=address", "state=address",
    "city=town", "region=region", "staff=staff_fte",
]  # fmt: skip
INVALID_MAP = [
    "id=external_id", "name=name", "kind=kind", "sectors=sectors", "region=region", "email=email",
    "postcode=postcode",
]  # fmt: skip


def import_libraries(path: Path = FIXTURES / "libraries.csv", **options):
    options = {"source": "libraries", "kind": "library", "sectors": ["libraries"], **options}
    return import_organisations(path=path, mapping=parse_mapping(LIBRARY_MAP), **options)


def import_invalid(**options):
    return import_organisations(
        path=FIXTURES / "invalid.csv", mapping=parse_mapping(INVALID_MAP), source="invalid", **options
    )


def write_csv(tmp_path: Path, text: str, name: str = "orgs.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def database_state() -> tuple[int, int, int]:
    return (
        Organisation.objects.count(),
        Region.objects.count(),
        Organisation.sectors.through.objects.count(),
    )


# --- The mapping ----------------------------------------------------------------------------------


def test_mapping_pairs_columns_with_fields():
    assert parse_mapping(["Library name = name", "a=b=TOWN"]) == [("Library name", "name"), ("a=b", "town")]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("name", "--map 'name': write it as COLUMN=FIELD"),
        ("=name", "--map '=name': write it as COLUMN=FIELD"),
        ("Name=title", "--map 'Name=title': there is no field 'title'; the fields are name, external_id,"),
    ],
)
def test_mapping_rejects_malformed_specs_and_unknown_fields(spec, message):
    with pytest.raises(OrganisationImportError, match=re.escape(message)):
        parse_mapping([spec])


# --- UK libraries, museums, US systems ------------------------------------------------------------


def test_uk_libraries_import_with_regions_parents_and_clean_values():
    result = import_libraries()

    assert (result.rows, result.created, result.updated, result.errors) == (6, 6, 0, [])
    assert result.parents_created == 5
    assert result.written
    libraries = {o.slug: o for o in Organisation.objects.filter(kind=OrganisationKind.LIBRARY)}
    assert {slug: o.region.code for slug, o in libraries.items()} == {
        "central-library": "TLE",
        "highfield-library": "TLE",
        "central-library-aberdeen-city-council": "TLM",
        "cathays-library": "TLL",
        "kingston-library": "TLI",
        "reading-central-library": "TLJ",
    }
    sheffield = libraries["central-library"]
    assert sheffield.external_id == "central-library:s11xz"
    assert sheffield.source == "libraries"
    assert sheffield.address == "Surrey Street, Sheffield"
    assert sheffield.postcode == "S1 1XZ"
    assert sheffield.website == "https://www.sheffield.gov.uk/libraries"
    assert sheffield.email == "central.library@sheffield.gov.uk"
    assert sheffield.country == "GB"
    assert list(sheffield.sectors.values_list("slug", flat=True)) == ["libraries"]
    assert libraries["highfield-library"].address == "London Road, Sheffield"
    assert libraries["kingston-library"].email == "kingston.library@kingston.gov.uk"
    assert [o.slug for o in libraries.values() if not o.is_active] == ["cathays-library"]


def test_uk_libraries_get_their_library_service_as_parent():
    import_libraries()

    council = Organisation.objects.get(name="Sheffield City Council")
    assert council.kind == OrganisationKind.PUBLIC_LIBRARY_SERVICE
    assert council.region.code == "TLE"
    assert council.external_id == "parent:sheffield-city-council"
    assert list(council.sectors.values_list("slug", flat=True)) == ["libraries"]
    assert sorted(council.children.values_list("name", flat=True)) == ["Central Library", "Highfield Library"]
    assert Organisation.objects.filter(kind=OrganisationKind.PUBLIC_LIBRARY_SERVICE).count() == 5


def test_uk_museums_closed_ones_inactive_and_crown_dependencies_in_free_text_regions():
    result = import_organisations(
        path=FIXTURES / "museums.csv", mapping=parse_mapping(MUSEUM_MAP), source="museums",
        kind="museum", sectors=["museums"],
    )  # fmt: skip

    assert (result.created, result.errors) == (5, [])
    assert result.regions_created == ["Channel Islands", "Isle of Man (IM)"]
    museums = {o.external_id: o for o in Organisation.objects.filter(source="museums")}
    assert {key: (o.region.name, o.region.country, o.region.is_itl1) for key, o in museums.items()} == {
        "mm.t.1": ("Yorkshire and The Humber", "GB", True),
        "mm.t.2": ("Isle of Man", "IM", False),
        "mm.t.3": ("Channel Islands", "", False),
        "mm.t.4": ("South West", "GB", True),
        "mm.t.5": ("Scotland", "GB", True),
    }
    assert {key: o.is_active for key, o in museums.items()} == {
        "mm.t.1": True, "mm.t.2": True, "mm.t.3": True, "mm.t.4": False, "mm.t.5": False,
    }  # fmt: skip
    assert {key: o.size_band for key, o in museums.items()} == {
        "mm.t.1": "small", "mm.t.2": "medium", "mm.t.3": "large", "mm.t.4": "", "mm.t.5": "large",
    }  # fmt: skip
    assert museums["mm.t.1"].address == "1 Quay Street"
    assert museums["mm.t.1"].town == "Whitby"
    assert museums["mm.t.4"].address == "Farm Lane, Brokerswood"


def test_us_systems_get_bea_regions_state_qualified_ids_and_size_bands_from_staff():
    result = import_organisations(
        path=FIXTURES / "us_systems.csv", mapping=parse_mapping(US_MAP), source="pls",
        kind="public-library-service", sectors=["libraries"], country="US",
    )  # fmt: skip

    assert (result.created, result.errors) == (4, [])
    systems = {o.external_id: o for o in Organisation.objects.filter(source="pls")}
    assert {key: (o.region.name, o.region.country, o.size_band) for key, o in systems.items()} == {
        "CT:100": ("New England", "US", "micro"),
        "TX:100": ("Southwest", "US", "large"),
        "AK:AK0001-002": ("Far West", "US", ""),
        "CO:FSCS0001": ("Rocky Mountains", "US", "medium"),
    }
    andover = systems["CT:100"]
    assert (andover.address, andover.town, andover.country) == ("355 ROUTE 6, ANDOVER, CT", "ANDOVER", "US")


def test_kind_and_sectors_columns_accept_labels_and_names():
    result = import_invalid(skip_invalid=True)

    assert result.created == 2
    both = Organisation.objects.get(name="Museum and Library")
    assert both.kind == OrganisationKind.MUSEUM
    assert sorted(both.sectors.values_list("slug", flat=True)) == ["libraries", "museums"]
    assert both.region.code == "TLK"


def test_derived_external_id_is_slugified_name_and_spaceless_postcode():
    assert derive_external_id(name="Hoyland", postcode="S74 9AF") == "hoyland:s749af"
    assert derive_external_id(name="Hoyland ", postcode="s749af") == "hoyland:s749af"
    assert derive_external_id(name="Hoyland", postcode="") == "hoyland"
    long_id = derive_external_id(name="A very long name " * 10, postcode="S74 9AF")
    assert len(long_id) == 120
    assert long_id == derive_external_id(name="A very long name " * 10, postcode="S74 9AF")


def test_clashing_slugs_take_the_town_then_a_number(tmp_path):
    path = write_csv(
        tmp_path,
        "name,town,postcode,region\n"
        "Town Museum,Bath,BA1 1AA,South West\n"
        "Town Museum,Wells,BA5 1AA,South West\n"
        "Town Museum,Wells,BA5 2AA,South West\n"
        "Town Museum,,BA6 1AA,South West\n",
    )
    OrganisationFactory(name="Town Museum", slug="town-museum")
    mapping = parse_mapping(["name=name", "town=town", "postcode=postcode", "region=region"])

    import_organisations(path=path, mapping=mapping, kind="museum", source="towns")

    slugs = Organisation.objects.filter(source="towns").order_by("pk").values_list("slug", flat=True)
    assert list(slugs) == ["town-museum-bath", "town-museum-wells", "town-museum-2", "town-museum-3"]


# --- Re-running -----------------------------------------------------------------------------------


def test_rerunning_the_same_file_changes_nothing():
    first = import_libraries()
    before = {o.pk: (o.slug, o.updated_at) for o in Organisation.objects.all()}

    again = import_libraries()

    assert (again.created, again.updated, again.unchanged, again.parents_created) == (0, 0, 6, 0)
    assert {o.pk: (o.slug, o.updated_at) for o in Organisation.objects.all()} == before
    assert first.created + first.parents_created == Organisation.objects.count() == 11


def test_rerunning_a_changed_file_updates_in_place_and_leaves_unmapped_fields(tmp_path):
    import_libraries()
    highfield = Organisation.objects.get(name="Highfield Library")
    highfield.description = "Written in Signpost"
    highfield.save()
    changed = (
        (FIXTURES / "libraries.csv")
        .read_text()
        .replace("highfield.library@sheffield.gov.uk", "hello@highfield.example")
        .replace(",,,2019", ",,,")
    )
    count = Organisation.objects.count()

    result = import_libraries(path=write_csv(tmp_path, changed, "libraries.csv"))

    assert (result.created, result.updated, result.unchanged) == (0, 2, 4)
    assert Organisation.objects.count() == count
    highfield.refresh_from_db()
    assert (highfield.email, highfield.description, highfield.slug) == (
        "hello@highfield.example", "Written in Signpost", "highfield-library",
    )  # fmt: skip
    assert Organisation.objects.get(name="Cathays Library").is_active


def test_rerun_replaces_the_sectors_it_manages(tmp_path):
    import_libraries()

    import_libraries(sectors=["libraries", "archives"])

    sheffield = Organisation.objects.get(slug="central-library")
    assert sorted(sheffield.sectors.values_list("slug", flat=True)) == ["archives", "libraries"]


# --- Parents --------------------------------------------------------------------------------------


def test_existing_parent_is_found_by_name_and_kind():
    council = OrganisationFactory(
        name="sheffield city council", slug="sheffield", kind=OrganisationKind.PUBLIC_LIBRARY_SERVICE
    )
    OrganisationFactory(name="Cardiff Council", slug="cardiff", kind=OrganisationKind.MUSEUM)

    result = import_libraries()

    assert result.parents_created == 4
    assert Organisation.objects.get(slug="central-library").parent == council
    assert (
        Organisation.objects.get(slug="cathays-library").parent.kind
        == OrganisationKind.PUBLIC_LIBRARY_SERVICE
    )


def test_a_parent_created_earlier_is_found_again_after_being_renamed():
    import_libraries()
    council = Organisation.objects.get(name="Sheffield City Council")
    council.name = "Sheffield Libraries and Archives"
    council.kind = OrganisationKind.CONSORTIUM
    council.save()

    result = import_libraries()

    assert (result.parents_created, result.unchanged) == (0, 6)
    assert Organisation.objects.get(slug="central-library").parent == council


def test_parent_in_the_same_file_is_used_and_parent_kind_is_an_option(tmp_path):
    path = write_csv(
        tmp_path,
        "name,kind,parent,region\n"
        "Branch One,library,Northern Libraries,North East\n"
        "Northern Libraries,consortium,,North East\n"
        "Branch Two,library,Northern Libraries,North East\n",
    )

    result = import_organisations(
        path=path, mapping=parse_mapping(["name=name", "kind=kind", "parent=parent", "region=region"]),
        parent_kind="consortium",
    )  # fmt: skip

    assert (result.created, result.parents_created, result.errors) == (3, 0, [])
    consortium = Organisation.objects.get(name="Northern Libraries")
    assert sorted(consortium.children.values_list("name", flat=True)) == ["Branch One", "Branch Two"]


def test_parents_that_form_a_loop_are_errors(tmp_path):
    path = write_csv(
        tmp_path,
        "name,parent,region\nNorth Service,South Service,London\nSouth Service,North Service,London\n",
    )

    mapping = parse_mapping(["name=name", "parent=parent", "region=region"])

    result = import_organisations(path=path, mapping=mapping, kind="public-library-service")

    assert [str(e) for e in result.errors] == [
        "row 1 (line 2): parent: 'South Service' leads back to this organisation: parents cannot form a loop",
        "row 2 (line 3): parent: 'North Service' leads back to this organisation: parents cannot form a loop",
    ]
    assert Organisation.objects.count() == 0


# --- Errors ---------------------------------------------------------------------------------------

INVALID_ERRORS = [
    "row 2 (line 3): name: missing",
    "row 3 (line 4): region: 'Narnia' is not a UK ITL1 region or nation",
    "row 4 (line 5): email: 'not-an-email' is not an email address",
    "row 5 (line 6): kind: 'spaceship' is not a kind of organisation; use one of public-library-service, "
    "library, museum, archive, college, university-library, training-provider, professional-association, "
    "national-programme, regional-agency, consortium",
    "row 6 (line 7): postcode: longer than 20 characters (26)",
    "row 7 (line 8): external_id: '1' is also the identifier of row 1",
    "row 8 (line 9): sectors: 'spaceships' is not a sector; use one of libraries, archives, museums, "
    "learning-and-skills",
]


def test_any_invalid_row_means_nothing_is_written():
    OrganisationFactory(name="Already here")
    before = database_state()

    result = import_invalid()

    assert [str(e) for e in result.errors] == INVALID_ERRORS
    assert (result.rows, result.skipped, result.created, result.written) == (9, 7, 0, False)
    assert database_state() == before


def test_skip_invalid_imports_the_valid_rows():
    result = import_invalid(skip_invalid=True)

    assert [str(e) for e in result.errors] == INVALID_ERRORS
    assert (result.created, result.skipped, result.written) == (2, 7, True)
    assert sorted(Organisation.objects.values_list("name", flat=True)) == [
        "Good Library",
        "Museum and Library",
    ]


def test_blank_invalid_drops_the_bad_value_with_a_warning():
    result = import_invalid(skip_invalid=True, blank_invalid=["email"])

    assert "row 4 (line 5): email: 'not-an-email' is not an email address; left blank" in [
        str(w) for w in result.warnings
    ]
    assert Organisation.objects.get(name="Bad Email Library").email == ""
    assert result.skipped == 6


def test_blank_invalid_is_refused_for_fields_that_decide_identity_or_region():
    with pytest.raises(OrganisationImportError, match="--blank-invalid cannot be used for name, region"):
        import_invalid(blank_invalid=["region", "name", "email"])


def test_merge_duplicates_keeps_the_open_record(tmp_path):
    path = write_csv(
        tmp_path,
        "name,postcode,region,year_closed\n"
        "Hoyland,S74 9AF,Yorkshire and the Humber,2011\n"
        "Hoyland,S749AF,Yorkshire and the Humber,\n"
        "Orton,PE2 5RQ,East,\n"
        "Orton,PE2 5RQ,East,2013\n",
    )
    mapping = parse_mapping(["name=name", "postcode=postcode", "region=region", "year_closed=closed"])

    refused = import_organisations(path=path, mapping=mapping, kind="library")
    merged = import_organisations(path=path, mapping=mapping, kind="library", merge_duplicates=True)

    assert [str(e) for e in refused.errors] == [
        "row 2 (line 3): external_id: 'hoyland:s749af' is also the identifier of row 1",
        "row 4 (line 5): external_id: 'orton:pe25rq' is also the identifier of row 3",
    ]
    assert (merged.created, merged.merged, merged.errors) == (2, 2, [])
    assert [str(w) for w in merged.warnings] == [
        "row 1 (line 2): external_id: 'hoyland:s749af' repeats row 2; merged into it",
        "row 4 (line 5): external_id: 'orton:pe25rq' repeats row 3; merged into it",
    ]
    assert list(Organisation.objects.values_list("name", "is_active")) == [("Hoyland", True), ("Orton", True)]


def test_row_numbers_and_line_numbers_differ_after_a_multiline_value(tmp_path):
    path = write_csv(tmp_path, 'name,region\n"Two\nLines",London\n\nNo Region,Atlantis\nShort\n')

    result = import_organisations(
        path=path, mapping=parse_mapping(["name=name", "region=region"]), kind="museum"
    )

    assert [str(e) for e in result.errors] == [
        "row 2 (line 5): region: 'Atlantis' is not a UK ITL1 region or nation",
        "row 3 (line 6): row: has 1 values but the header has 2 columns",
    ]


ROW_ERRORS = [
    ("name,region\nNo Region,\n", "region: missing (no region or nation given)"),
    ("name,region\n" + "x" * 256 + ",London\n", "name: longer than 255 characters (256)"),
    ("name,region,web\nA,London,not a url\n", "website: 'not a url' is not a web address"),
    ("name,region,fte\nA,London,lots\n", "staff_fte: 'lots' is not a number of staff"),
    ("name,region,size\nA,London,giant\n", "size_band: 'giant' is not a size band; use one of micro, small, "
     "medium, large"),
    ("name,region,shut\nA,London,soon\n", "closed: 'soon' is neither a year closed (YYYY or YYYY:YYYY, "
     "9999 = open) nor yes/no"),
    ("name,region,country\nA,London,Atlantis\n", "country: 'Atlantis' is not a two-letter country code or a "
     "known country name"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "error"), ROW_ERRORS)
def test_row_errors_name_the_row_and_the_field(tmp_path, text, error):
    header = text.split("\n")[0].split(",")
    fields = {"web": "website", "fte": "staff_fte", "size": "size_band", "shut": "closed"}
    mapping = [f"{column}={fields.get(column, column)}" for column in header]

    result = import_organisations(
        path=write_csv(tmp_path, text), mapping=parse_mapping(mapping), kind="museum"
    )

    assert [str(e) for e in result.errors] == [f"row 1 (line 2): {error}"]


@pytest.mark.parametrize(
    ("content", "mapping", "options", "message"),
    [
        (b"name,town\nA,B\n", ["Name=name"], {"kind": "museum"},
         "column 'Name' is not in orgs.csv; its columns are: 'name', 'town'"),
        (b"name;town\nA;B\n", ["name=name"], {"kind": "museum"},
         "column 'name' is not in orgs.csv; its columns are: 'name;town' (the header has a single column: "
         "is the file separated by commas?)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ["name=name"], {"kind": "museum"},
         "orgs.csv does not look like a CSV file: it contains binary data"),
        (b"name\nCaf\xe9\n", ["name=name"], {"kind": "museum"},
         "orgs.csv is not utf-8 text: undecodable byte 0xe9 on line 2; give the file's encoding"),
        (b"\n\n", ["name=name"], {"kind": "museum"}, "orgs.csv is empty: it has no header row"),
        (b"name,town\nA,B\n", ["town=town"], {"kind": "museum"}, "map a column to name"),
        (b"name,town\nA,B\n", ["name=name", "town=name"], {"kind": "museum"},
         "only one column can be mapped to name"),
        (b"name,town\nA,B\n", ["name=name"], {}, "no kind given: use --kind KIND or map a column to kind"),
        (b"name,town\nA,B\n", ["name=name"], {"kind": "castle"}, "'castle' is not a kind of organisation"),
        (b"name,town\nA,B\n", ["name=name"], {"kind": "museum", "sectors": ["zoos"]},
         "'zoos' is not a sector"),
    ],
)  # fmt: skip
def test_unusable_files_and_options_stop_the_import(tmp_path, content, mapping, options, message):
    path = tmp_path / "orgs.csv"
    path.write_bytes(content)

    with pytest.raises(OrganisationImportError, match=re.escape(message)):
        import_organisations(path=path, mapping=parse_mapping(mapping), **options)


def test_other_encodings_can_be_given(tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes("name,region\nCafé Museum,London\n".encode("cp1252"))

    import_organisations(path=path, mapping=parse_mapping(["name=name", "region=region"]), kind="museum",
                         encoding="cp1252")  # fmt: skip

    assert Organisation.objects.get().name == "Café Museum"


def test_dry_run_counts_but_writes_nothing():
    before = database_state()

    result = import_organisations(
        path=FIXTURES / "museums.csv", mapping=parse_mapping(MUSEUM_MAP), kind="museum", dry_run=True
    )

    assert (result.created, result.written, result.regions_created) == (
        5, False, ["Channel Islands", "Isle of Man (IM)"],
    )  # fmt: skip
    assert result.source == "museums"
    assert database_state() == before


# --- The command ----------------------------------------------------------------------------------


def run_command(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_organisations", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def mapped(specs: list[str]) -> list[str]:
    return [arg for spec in specs for arg in ("--map", spec)]


def test_command_imports_and_reports_counts():
    out, _ = run_command(str(FIXTURES / "museums.csv"), "--kind", "museum", "--sector", "museums",
                         *mapped(MUSEUM_MAP))  # fmt: skip

    assert out.splitlines() == [
        "5 rows from 'museums': 5 created, 0 updated, 0 unchanged, 0 skipped (invalid), "
        "0 merged (duplicates); 0 parent organisations created.",
        "New regions: Channel Islands, Isle of Man (IM).",
    ]
    assert Organisation.objects.filter(source="museums").count() == 5


def test_command_lists_errors_writes_nothing_and_fails():
    with pytest.raises(CommandError, match="7 of 9 rows have errors, so nothing was written") as raised:
        run_command(str(FIXTURES / "invalid.csv"), *mapped(INVALID_MAP))

    assert "give --skip-invalid" in str(raised.value)
    assert Organisation.objects.count() == 0


def test_command_error_listing_stops_at_fifty(tmp_path):
    path = write_csv(tmp_path, "name,region\n" + "".join(f"Museum {n},Atlantis\n" for n in range(1, 61)))
    err = StringIO()

    with pytest.raises(CommandError, match="60 of 60 rows have errors"):
        call_command(
            "import_organisations",
            str(path),
            "--kind",
            "museum",
            *mapped(["name=name", "region=region"]),
            stderr=err,
        )

    lines = err.getvalue().splitlines()
    assert len(lines) == 51
    assert lines[0] == "row 1 (line 2): region: 'Atlantis' is not a UK ITL1 region or nation"
    assert lines[-1] == "… and 10 more errors"


def test_command_skip_invalid_reports_skipped_rows():
    out, err = run_command(str(FIXTURES / "invalid.csv"), "--skip-invalid", *mapped(INVALID_MAP))

    assert err.splitlines() == INVALID_ERRORS
    assert "2 created, 0 updated, 0 unchanged, 7 skipped (invalid)" in out


def test_command_turns_file_problems_into_command_errors(tmp_path):
    path = write_csv(tmp_path, "name,town\nA,B\n")

    with pytest.raises(
        CommandError, match=re.escape("column 'Town' is not in orgs.csv; its columns are: 'name', 'town'")
    ):
        run_command(str(path), "--kind", "museum", "--map", "name=name", "--map", "Town=town")
    with pytest.raises(CommandError, match="give the column mapping"):
        run_command(str(path), "--kind", "museum")


# --- The documented commands: demo subsets, and the real directories when ../shared is there -------


def documented_commands() -> dict[str, list[str]]:
    """The import commands in docs/organisation-import.md, by file name, without `python manage.py …`."""
    commands = {}
    for block in re.findall(r"```\n(python manage\.py import_organisations .*?)```", DOCS.read_text(), re.S):
        args = shlex.split(block.replace("\\\n", " "))[3:]
        if args[0].endswith(".csv"):
            commands[Path(args[0]).name] = args
    return commands


def test_the_docs_give_a_command_for_each_directory():
    assert sorted(documented_commands()) == sorted(path.name for path in DEMO.glob("*.csv"))


@pytest.mark.parametrize(
    ("name", "rows", "regions"),
    [
        ("uk_public_libraries.csv", 18, 12),
        ("uk_museums_mapping_museums_2021.csv", 15, 13),
        ("us_public_library_systems_pls_fy2022.csv", 7, 7),
    ],
)
def test_demo_subsets_import_cleanly_with_the_documented_commands(name, rows, regions):
    args = documented_commands()[name]
    out, err = run_command(str(DEMO / name), *args[1:], "-v", "2")

    source = args[args.index("--source") + 1]
    organisations = Organisation.objects.filter(source=source).exclude(external_id__startswith="parent:")
    assert err == ""
    assert "warning" not in out
    assert f"{rows} rows from '{source}': {rows} created," in out
    assert organisations.count() == rows
    assert organisations.filter(region__isnull=True).count() == 0
    assert organisations.values("region").distinct().count() == regions
    assert organisations.filter(is_active=False).count() == 0


REAL_DIRECTORIES = [
    # file, rows, organisations created, merged, parents created, ITL1 regions, inactive
    ("uk-public-libraries/uk_public_libraries.csv", 4231, 4211, 20, 208, 4211, 459),
    ("uk-museums/uk_museums_mapping_museums_2021.csv", 4191, 4191, 0, 0, 4142, 844),
    ("us-public-library-systems/us_public_library_systems_pls_fy2022.csv", 9248, 9248, 0, 0, 0, 0),
]


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared with the real directories is not here")
@pytest.mark.parametrize(
    ("path", "rows", "created", "merged", "parents", "itl1", "inactive"), REAL_DIRECTORIES
)
def test_real_directories_import_with_every_region_resolved(
    path, rows, created, merged, parents, itl1, inactive
):
    args = documented_commands()[Path(path).name]
    file = SHARED / "data" / "organisations" / path

    out, err = run_command(str(file), *args[1:])
    again, _ = run_command(str(file), *args[1:])

    source = args[args.index("--source") + 1]
    imported = Organisation.objects.filter(source=source).exclude(external_id__startswith="parent:")
    assert err == ""
    assert (
        f"{rows} rows from '{source}': {created} created, 0 updated, 0 unchanged, 0 skipped (invalid), "
        f"{merged} merged (duplicates); {parents} parent organisations created." in out
    )
    assert f"0 created, 0 updated, {created} unchanged" in again
    assert imported.count() == created
    assert imported.filter(region__isnull=True).count() == 0
    assert imported.filter(region__is_itl1=True).count() == itl1
    assert imported.filter(is_active=False).count() == inactive
    if "museums" in path:
        others = imported.filter(region__is_itl1=False).values_list("region__name", flat=True)
        assert sorted(set(others)) == ["Channel Islands", "Isle of Man"]
        assert len(others) == 49
    if "us-public" in path:
        assert imported.values("region").distinct().count() == 9
