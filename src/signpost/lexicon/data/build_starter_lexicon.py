"""Build the Signpost starter lexicon (SKOS Turtle) from the Python data below.

The data here is the source; ``starter-lexicon.ttl`` beside this file is what the product
loads, and is regenerated with::

    .venv/bin/python src/signpost/lexicon/data/build_starter_lexicon.py

Notations are given by position (area ``A01``, its skills ``A01.01``, ``A01.02`` …), so add
new skills at the END of an area and new areas at the END of the list, never in between:
a published notation (and so a concept URI) must not change meaning.

Sector codes: L = libraries, A = archives, M = museums, S = learning-and-skills.

The ESCO crosswalk (``ESCO`` at the bottom) maps a skill, by its preferred label, to ESCO
v1.1.1 skills. SKOS reading: ``<ours> skos:broadMatch <esco>`` means the ESCO skill is the
broader one; ``skos:narrowMatch`` means the ESCO skill is the narrower one.

Licence: CC BY 4.0. "Signpost starter lexicon, © the Signpost contributors, CC BY 4.0".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

SCHEME_URI = "https://w3id.org/signpost/lexicon/starter"
SP = Namespace("https://w3id.org/signpost/ns#")
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
VERSION = "1.0"
ATTRIBUTION = "Signpost starter lexicon, © the Signpost contributors, CC BY 4.0"
OUTPUT = Path(__file__).resolve().parent / "starter-lexicon.ttl"

SECTORS = {"L": "libraries", "A": "archives", "M": "museums", "S": "learning-and-skills"}
RELATIONS = {
    "exact": SKOS.exactMatch,
    "close": SKOS.closeMatch,
    "broad": SKOS.broadMatch,
    "narrow": SKOS.narrowMatch,
}


@dataclass
class Skill:
    label: str
    alt: list[str]
    sectors: str
    definition: str


@dataclass
class Area:
    label: str
    alt: list[str]
    sectors: str
    definition: str
    skills: list[Skill] = field(default_factory=list)


S = Skill

AREAS: list[Area] = [
    # A01
    Area(
        "Collections management",
        ["Collections development", "Collection management", "Collections stewardship"],
        "LAM",
        "Deciding what an organisation collects, keeps and lets go, and keeping track of it: policy, "
        "acquisition, documentation, loans and the systems that hold the record.",
        [
            S(
                "Collections development policy",
                ["Collecting policy", "Collection development policy", "Acquisition and disposal policy"],
                "LAM",
                "Writing, reviewing and applying the policy that says what an organisation collects, why, "
                "and what it will not take in. A good policy ties collecting to purpose, audiences and "
                "capacity.",
            ),
            S(
                "Accession and deaccession procedures",
                [
                    "Accessioning",
                    "Deaccessioning",
                    "Acquisition and disposal procedures",
                    "Rationalisation and disposal",
                ],
                "AM",
                "Formally taking items into the permanent collection and, where justified, removing them "
                "again through an ethical, documented and transparent disposal process.",
            ),
            S(
                "Stock selection and acquisitions",
                [
                    "Book selection",
                    "Library acquisitions",
                    "Stock purchasing",
                    "Collection development (libraries)",
                ],
                "L",
                "Choosing and buying books, e-resources and other stock that meet the needs of the "
                "community or institution the library serves, within budget.",
            ),
            S(
                "Stock weeding and withdrawal",
                ["Weeding", "Deselection", "Stock editing", "Stock withdrawal"],
                "L",
                "Reviewing library stock to withdraw items that are worn, out of date or little used, "
                "so that collections stay relevant, attractive and fit the space.",
            ),
            S(
                "Spectrum collections documentation",
                [
                    "Spectrum",
                    "Spectrum procedures",
                    "Object documentation",
                    "Collections documentation standard",
                ],
                "AM",
                "Recording information about objects and the processes they go through, such as entry, "
                "acquisition, location and loans, following the Spectrum standard used by UK museums.",
            ),
            S(
                "Inventory and location control",
                ["Stocktaking", "Collections audit", "Location and movement control", "Inventory control"],
                "LAM",
                "Knowing where every item is and checking it against the record, through regular audits, "
                "movement records and reconciliation of gaps.",
            ),
            S(
                "Object loans management",
                [
                    "Loans in and out",
                    "Incoming and outgoing loans",
                    "Loans administration",
                    "Borrowing objects",
                ],
                "AM",
                "Arranging, documenting and overseeing the lending and borrowing of objects or archives "
                "between organisations, including agreements, insurance, couriers and condition checks.",
            ),
            S(
                "Provenance research and due diligence",
                [
                    "Provenance research",
                    "Due diligence in acquisitions",
                    "Ethical acquisition",
                    "Spoliation research",
                ],
                "AM",
                "Researching the ownership history of an item and checking that it was lawfully and "
                "ethically obtained before it is acquired, borrowed or displayed.",
            ),
            S(
                "Restitution and repatriation",
                [
                    "Repatriation",
                    "Return of cultural property",
                    "Restitution claims",
                    "Human remains returns",
                ],
                "AM",
                "Handling claims for the return of objects, archives or human remains to their communities "
                "or rightful owners, openly and in line with guidance and law.",
            ),
            S(
                "Significance assessment and collections review",
                [
                    "Significance assessment",
                    "Collections review",
                    "Assessing significance",
                    "Collection mapping",
                ],
                "LAM",
                "Judging what a collection or item means and to whom, and reviewing collections as a whole "
                "to guide priorities for care, use, development or rationalisation.",
            ),
            S(
                "Collections management systems",
                ["Collections database", "Collections management software", "CMS for collections"],
                "AM",
                "Using and administering the database software that holds object and archive records, "
                "including data entry rules, reports, imports and system upgrades.",
            ),
            S(
                "Library management systems",
                [
                    "Integrated library system",
                    "ILS",
                    "Library management software",
                    "Library system administration",
                ],
                "L",
                "Running the system that handles a library's catalogue, circulation, acquisitions and "
                "borrower records, including configuration, reports and data quality.",
            ),
            S(
                "Contemporary collecting",
                ["Collecting the contemporary", "Rapid response collecting", "Active collecting"],
                "LAM",
                "Collecting objects, records and stories of the present day, often quickly and with "
                "communities, so that current events are represented for the future.",
            ),
            S(
                "Collections valuation and insurance",
                ["Valuation for insurance", "Government Indemnity Scheme", "Collections insurance"],
                "AM",
                "Setting values for collections and arranging insurance or government indemnity for "
                "items on display, in store and on loan.",
            ),
            S(
                "Special collections and rare books",
                ["Rare books librarianship", "Special collections management", "Rare book cataloguing"],
                "LA",
                "Developing, caring for and opening up rare books, manuscripts and distinctive "
                "collections, and understanding what makes them special.",
            ),
        ],
    ),
    # A02
    Area(
        "Collections care and conservation",
        ["Conservation and preservation", "Collections care", "Preservation management"],
        "LAM",
        "Looking after the physical condition of collections so they last: preventive care, "
        "environment, handling, storage, emergency planning and conservation treatment.",
        [
            S(
                "Preventive conservation",
                ["Preventive care", "Preventative conservation", "Agents of deterioration"],
                "LAM",
                "Slowing the decay of collections by controlling the conditions around them rather than "
                "treating objects directly, guided by an understanding of the agents of deterioration.",
            ),
            S(
                "Condition checking and condition reporting",
                ["Condition reports", "Condition surveys", "Condition assessment"],
                "LAM",
                "Examining an object, book or document to record its physical state, damage and stability, "
                "typically before and after loans, display or movement.",
            ),
            S(
                "Environmental monitoring and control",
                [
                    "Environmental monitoring",
                    "Temperature and relative humidity control",
                    "Light and UV monitoring",
                ],
                "LAM",
                "Measuring and managing temperature, relative humidity, light and pollutants in stores and "
                "galleries, and acting on the readings to keep collections stable.",
            ),
            S(
                "Integrated pest management",
                ["IPM", "Pest monitoring", "Pest control in collections"],
                "LAM",
                "Preventing, detecting and dealing with insect and rodent pests in collections through "
                "monitoring, good housekeeping, quarantine and targeted treatment rather than routine "
                "chemicals.",
            ),
            S(
                "Object handling and packing",
                ["Handling collections", "Art handling", "Packing and crating", "Artefact handling"],
                "LAM",
                "Moving, handling and packing objects, books and documents safely, using the right "
                "supports, materials and techniques for each type of item.",
            ),
            S(
                "Emergency planning and salvage",
                [
                    "Disaster planning",
                    "Collections emergency plan",
                    "Salvage of collections",
                    "Disaster recovery for collections",
                ],
                "LAM",
                "Preparing for fire, flood and other emergencies with plans, kits and trained teams, and "
                "salvaging and recovering damaged collections afterwards.",
            ),
            S(
                "Book and paper care",
                ["Paper conservation basics", "Book repair", "Care of bound volumes"],
                "LA",
                "Handling, housing and making simple repairs to books, maps and paper records, and "
                "knowing when to refer damage to a qualified conservator.",
            ),
            S(
                "Care of photographs and audiovisual carriers",
                ["Photographic collections care", "Film and tape care", "Audiovisual carrier preservation"],
                "LAM",
                "Storing and handling photographs, negatives, film, tape and discs so that these "
                "unstable materials and their content survive as long as possible.",
            ),
            S(
                "Conservation needs assessment",
                [
                    "Preservation survey",
                    "Conservation survey",
                    "Collections care planning",
                    "Treatment proposals",
                ],
                "LAM",
                "Surveying collections to identify risks and conservation needs, and turning the "
                "findings into a prioritised care or conservation plan.",
            ),
            S(
                "Interventive conservation",
                ["Remedial conservation", "Conservation treatment", "Restoration"],
                "AM",
                "Treating objects or documents directly to stabilise or repair them, using reversible "
                "methods and recording what was done, normally by or under a trained conservator.",
            ),
            S(
                "Storage and housing of collections",
                ["Archival boxing", "Housing collections", "Stores management", "Storage furniture"],
                "LAM",
                "Planning stores and choosing boxes, shelving and materials that protect collections, "
                "make efficient use of space and allow safe access.",
            ),
            S(
                "Collections security",
                ["Security of collections", "Theft prevention", "Museum security"],
                "LAM",
                "Protecting collections from theft, vandalism and misuse through building security, "
                "procedures, supervision of access and incident response.",
            ),
            S(
                "Hazardous materials in collections",
                ["Hazards in collections", "Radioactive and toxic objects", "COSHH for collections"],
                "AM",
                "Recognising objects that can harm people, such as those containing arsenic, asbestos, "
                "mercury or radioactive material, and managing them safely.",
            ),
            S(
                "Sustainable collections care",
                [
                    "Green collections care",
                    "Environmentally sustainable conservation",
                    "Carbon reduction in collections care",
                ],
                "LAM",
                "Caring for collections in ways that use less energy and fewer materials, for example "
                "by widening environmental parameters where the risk allows.",
            ),
        ],
    ),
    # A03
    Area(
        "Cataloguing, classification and metadata",
        ["Cataloging and metadata", "Knowledge organisation", "Metadata management", "Cataloguing"],
        "LAM",
        "Describing, classifying and indexing collections so people can find them, using the "
        "standards, vocabularies and data models of each sector.",
        [
            S(
                "MARC21 and RDA cataloguing",
                ["MARC 21", "RDA", "Resource Description and Access", "Descriptive cataloguing"],
                "L",
                "Creating bibliographic records to the RDA content standard and encoding them in MARC 21, "
                "the formats most library catalogues are built on.",
            ),
            S(
                "Copy cataloguing",
                ["Copy cataloging", "Derived cataloguing", "Record sourcing"],
                "L",
                "Finding an existing catalogue record from a shared source and checking and adapting it "
                "to local practice, rather than cataloguing from scratch.",
            ),
            S(
                "Subject indexing and controlled vocabularies",
                ["Subject cataloguing", "LCSH", "Library of Congress Subject Headings", "Indexing"],
                "LAM",
                "Assigning subject terms from an agreed vocabulary or thesaurus so that related material "
                "can be found together whatever words a searcher uses.",
            ),
            S(
                "Library classification schemes",
                [
                    "Dewey Decimal Classification",
                    "DDC",
                    "Library of Congress Classification",
                    "Shelf classification",
                ],
                "L",
                "Applying a classification scheme such as Dewey or Library of Congress to give items a "
                "class number and shelf order that keeps like subjects together.",
            ),
            S(
                "Archival description (ISAD(G))",
                ["ISAD(G)", "Archival cataloguing", "Finding aids", "Archive cataloguing"],
                "A",
                "Writing multi-level catalogue descriptions of archives, from fonds down to item, that "
                "follow the ISAD(G) standard and explain context as well as content.",
            ),
            S(
                "Museum object cataloguing",
                ["Object cataloguing", "Object records", "Cataloguing museum objects", "Object description"],
                "M",
                "Writing full, consistent catalogue records for museum objects, covering identification, "
                "description, materials, production, associations and references.",
            ),
            S(
                "Authority control",
                ["Name authorities", "Authority files", "Authority records", "NACO"],
                "LAM",
                "Establishing one agreed form for the names of people, organisations, places and works, "
                "and linking variants to it so catalogues stay consistent.",
            ),
            S(
                "Metadata standards and schemas",
                ["Dublin Core", "Metadata schemas", "Metadata crosswalks", "Metadata application profiles"],
                "LAM",
                "Choosing and applying metadata schemas such as Dublin Core, and mapping data between "
                "schemas when records move between systems.",
            ),
            S(
                "Linked open data",
                ["Linked data", "LOD", "Semantic web", "RDF and SKOS"],
                "LAM",
                "Publishing and reusing collection data as linked data, with persistent identifiers and "
                "links to shared authorities, so it can connect across the web.",
            ),
            S(
                "Thesaurus and taxonomy development",
                [
                    "Taxonomy development",
                    "Thesaurus construction",
                    "Controlled vocabulary design",
                    "Building vocabularies",
                ],
                "LAM",
                "Designing and maintaining thesauri, taxonomies and other controlled vocabularies, with "
                "clear terms, relationships and rules for adding new ones.",
            ),
            S(
                "Catalogue data quality and retrospective conversion",
                ["Retrospective conversion", "Retroconversion", "Catalogue clean-up", "Cataloguing backlogs"],
                "LAM",
                "Improving the accuracy and completeness of existing records, clearing backlogs and "
                "converting old card or paper catalogues into the electronic catalogue.",
            ),
            S(
                "Inclusive and reparative description",
                [
                    "Reparative cataloguing",
                    "Decolonising the catalogue",
                    "Harmful language in catalogues",
                    "Inclusive cataloguing",
                ],
                "LAM",
                "Reviewing and rewriting catalogue descriptions and subject terms that are offensive, "
                "outdated or exclusionary, and adding context and community voices.",
            ),
            S(
                "BIBFRAME and new bibliographic models",
                ["BIBFRAME", "Bibliographic Framework", "IFLA LRM", "Library Reference Model"],
                "L",
                "Understanding the newer conceptual models and data formats for bibliographic data, such "
                "as IFLA LRM and BIBFRAME, and what they mean for cataloguing practice.",
            ),
        ],
    ),
    # A04
    Area(
        "Archives and records management",
        ["Archival practice", "Archive services", "Recordkeeping"],
        "LAM",
        "Selecting, arranging, preserving and opening up archives, and managing an organisation's "
        "current records from creation to disposal or permanent keeping.",
        [
            S(
                "Archival appraisal and selection",
                ["Appraisal", "Selection for permanent preservation", "Archival selection"],
                "A",
                "Deciding which records have lasting value and should be kept permanently as archives, "
                "using clear criteria and documenting the reasons.",
            ),
            S(
                "Archival arrangement and listing",
                ["Arrangement", "Listing archives", "Box listing", "Original order"],
                "A",
                "Organising an archive collection in a way that respects its origins and structure, and "
                "producing a list that makes it usable while full cataloguing waits.",
            ),
            S(
                "Archive deposits and accessioning",
                ["Deposit agreements", "Transfer of records", "Archive deposits", "Accessioning archives"],
                "A",
                "Taking in archives by gift, purchase, deposit or transfer, with the right agreements, "
                "accession records and first checks on condition and content.",
            ),
            S(
                "Records management",
                ["Records and information management", "RIM", "Records management programmes"],
                "ALM",
                "Setting up and running the systems and rules that control an organisation's records "
                "through their life, so they are reliable, findable and kept only as long as needed.",
            ),
            S(
                "Records retention scheduling",
                ["Retention schedules", "Disposal schedules", "Retention and disposal", "Records disposal"],
                "ALM",
                "Writing and applying schedules that say how long each type of record is kept and what "
                "then happens to it, based on legal, business and historical needs.",
            ),
            S(
                "File plans and business classification schemes",
                ["File plan", "Business classification scheme", "BCS", "Functional classification"],
                "A",
                "Designing the structure in which an organisation files its records, usually by function "
                "and activity, so retention and access rules can be applied consistently.",
            ),
            S(
                "Electronic records management systems",
                ["EDRMS", "ERMS", "SharePoint records management", "Document management systems"],
                "AL",
                "Implementing and managing software for controlling electronic documents and records, "
                "including metadata, permissions, version control and disposal.",
            ),
            S(
                "Searchroom and reading room services",
                [
                    "Searchroom supervision",
                    "Reading room services",
                    "Archive searchroom",
                    "Research room management",
                ],
                "AL",
                "Running the space where visitors consult original archives or rare material, including "
                "registration, production of documents, supervision and user guidance.",
            ),
            S(
                "Palaeography",
                ["Reading old handwriting", "Paleography", "Secretary hand", "Latin for archivists"],
                "AL",
                "Reading and interpreting historic handwriting, abbreviations and dates in older "
                "documents, and helping researchers to do the same.",
            ),
            S(
                "Family history and genealogy support",
                ["Genealogy", "Family history research", "Family history enquiries"],
                "AL",
                "Helping people trace their ancestors using records such as parish registers, census "
                "returns and online databases, and teaching them research skills.",
            ),
            S(
                "Local studies and local history collections",
                ["Local history collections", "Local studies librarianship", "Local history enquiries"],
                "LA",
                "Building and using collections about a particular place, such as maps, directories, "
                "newspapers and photographs, and supporting local history research.",
            ),
            S(
                "Public records and places of deposit",
                ["Public Records Act", "Place of deposit", "PoD", "Public records legislation"],
                "A",
                "Meeting the legal duties that apply to public records, including the rules for local "
                "places of deposit and the transfer and closure of records.",
            ),
            S(
                "Community and business archives",
                ["Community archives", "Business archives", "Grassroots archives"],
                "A",
                "Supporting archives that are created and kept outside the public sector, from community "
                "groups to companies, and advising on their care, access and long-term future.",
            ),
            S(
                "Oral history",
                [
                    "Oral history recording",
                    "Oral history interviewing",
                    "Recording memories",
                    "Oral testimony",
                ],
                "ALM",
                "Planning, recording, documenting and archiving interviews in which people tell their own "
                "memories, with proper consent and attention to ethics.",
            ),
        ],
    ),
    # A05
    Area(
        "Digital skills and technology",
        ["Digital capability", "IT skills", "Technology skills", "Digital confidence for staff"],
        "LAMS",
        "The everyday and specialist digital skills staff and volunteers need to work, communicate, "
        "create content and run services well and safely.",
        [
            S(
                "Office productivity software",
                ["Microsoft 365", "Google Workspace", "Word, Excel and Outlook", "Office software"],
                "LAMS",
                "Using word processing, email, calendars and presentation tools confidently and "
                "efficiently in day-to-day work.",
            ),
            S(
                "Spreadsheets and data handling",
                ["Excel skills", "Spreadsheet skills", "Pivot tables", "Working with spreadsheets"],
                "LAMS",
                "Entering, organising, calculating and summarising data in spreadsheets, using formulas, "
                "filters, pivot tables and simple charts.",
            ),
            S(
                "Online collaboration tools",
                ["Microsoft Teams", "Online collaboration", "Shared drives", "Cloud working"],
                "LAMS",
                "Working with colleagues through shared documents, chat, video calls and cloud storage, "
                "with sensible habits for version control and permissions.",
            ),
            S(
                "Online and hybrid event delivery",
                ["Webinar hosting", "Hybrid events", "Zoom skills", "Online event production"],
                "LAMS",
                "Planning and running talks, workshops and meetings online or with both in-room and "
                "remote audiences, including hosting, moderation and technical set-up.",
            ),
            S(
                "Website management",
                ["Web content management", "Website editing", "WordPress", "Web CMS"],
                "LAMS",
                "Keeping an organisation's website accurate, usable and up to date through its content "
                "management system, and working with developers on changes.",
            ),
            S(
                "Digital content creation",
                ["Video production", "Podcast production", "Photo editing", "Content creation"],
                "LAMS",
                "Producing photographs, video, audio and graphics for the web and social media, from "
                "planning and capture to editing and publishing.",
            ),
            S(
                "Cyber security awareness",
                ["Cyber security", "Phishing awareness", "Cyber hygiene", "Information security awareness"],
                "LAMS",
                "Protecting the organisation and its users from online threats through strong passwords, "
                "recognising phishing, safe handling of devices and reporting incidents.",
            ),
            S(
                "Artificial intelligence awareness",
                ["AI literacy", "Generative AI", "Using ChatGPT at work", "AI tools"],
                "LAMS",
                "Understanding what AI tools can and cannot do, using generative AI responsibly at work, "
                "and weighing questions of accuracy, bias, copyright and privacy.",
            ),
            S(
                "Makerspaces and creative technology",
                ["Makerspace", "3D printing", "Coding clubs", "Code Club"],
                "LMS",
                "Running hands-on sessions with technology such as 3D printers, electronics kits and "
                "coding, so people can make, tinker and learn by doing.",
            ),
            S(
                "Digital strategy and transformation",
                ["Digital strategy", "Digital transformation", "Digital maturity"],
                "LAMS",
                "Setting direction for how an organisation uses digital technology across its services, "
                "and leading the cultural and process change that goes with it.",
            ),
            S(
                "Databases and data management",
                ["Database skills", "SQL basics", "Data management", "Relational databases"],
                "LAMS",
                "Understanding how databases store and relate information, querying and exporting data, "
                "and keeping data well structured and clean.",
            ),
            S(
                "Immersive and emerging technologies",
                ["Virtual reality", "Augmented reality", "XR", "Immersive experiences"],
                "LMS",
                "Using virtual, augmented and mixed reality and other emerging technologies to create "
                "engaging experiences, and judging when they add real value.",
            ),
            S(
                "User research and service design",
                ["User experience", "UX research", "Service design", "User-centred design"],
                "LAMS",
                "Finding out how people actually use a service, through interviews, testing and "
                "observation, and designing services and websites around their needs.",
            ),
        ],
    ),
    # A06
    Area(
        "Digital collections and digital preservation",
        ["Digital curation", "Digital stewardship", "Digital archives"],
        "LAM",
        "Creating, managing and sharing digital surrogates and born-digital material, and keeping "
        "digital content usable and authentic for the long term.",
        [
            S(
                "Digitisation planning and workflows",
                ["Digitisation projects", "Digitization", "Mass digitisation", "Scanning workflows"],
                "LAM",
                "Planning and running digitisation projects: selecting material, setting technical "
                "standards, organising workflows and quality checks, and managing the files produced.",
            ),
            S(
                "Collections photography and imaging",
                [
                    "Object photography",
                    "Collections imaging",
                    "Photographing collections",
                    "Imaging standards",
                ],
                "LAM",
                "Photographing and scanning objects, books and documents to consistent technical "
                "standards, including lighting, colour management and file formats.",
            ),
            S(
                "Digital preservation planning",
                ["Digital preservation policy", "Preservation planning", "Digital continuity"],
                "LAM",
                "Deciding how an organisation will keep its digital content accessible over time, and "
                "setting out the policy, resources, tools and priorities to do it.",
            ),
            S(
                "Digital preservation standards and maturity models",
                [
                    "OAIS",
                    "Open Archival Information System",
                    "NDSA Levels of Preservation",
                    "DPC Rapid Assessment Model",
                ],
                "LAM",
                "Using reference models and maturity tools such as OAIS, the NDSA levels and the DPC "
                "Rapid Assessment Model to assess and improve digital preservation practice.",
            ),
            S(
                "File formats and format migration",
                ["File format identification", "Format migration", "DROID and PRONOM", "Emulation"],
                "LAM",
                "Identifying file formats, assessing the risk that they become unreadable, and migrating "
                "or emulating them so the content stays usable.",
            ),
            S(
                "Preservation metadata and fixity",
                ["PREMIS", "Fixity checking", "Checksums", "Preservation metadata"],
                "LAM",
                "Recording the technical, provenance and rights information needed to preserve digital "
                "files, and using checksums to prove they have not changed.",
            ),
            S(
                "Web archiving",
                ["Website archiving", "Social media archiving", "Web capture", "Webrecorder"],
                "LA",
                "Capturing websites and social media so they can be preserved and replayed, including "
                "selection, crawl settings, quality assurance and permissions.",
            ),
            S(
                "Born-digital archives",
                ["Born-digital records", "Email archiving", "Hybrid archives", "Digital accessions"],
                "LA",
                "Acquiring, processing and cataloguing records created digitally, such as email, office "
                "documents and databases, often alongside paper in hybrid collections.",
            ),
            S(
                "Digital forensics for archives",
                ["Forensic imaging", "Write blockers", "Legacy media recovery", "Disk imaging"],
                "A",
                "Using forensic tools and methods to capture content from old disks and devices without "
                "changing it, and to find and protect sensitive data.",
            ),
            S(
                "Digital asset management",
                ["DAM", "DAMS", "Digital asset management systems", "Media asset management"],
                "LAM",
                "Organising, describing and controlling access to an organisation's images, video and "
                "other digital files so they can be found and reused.",
            ),
            S(
                "Digital repositories",
                ["Repository management", "Digital archive systems", "Trusted digital repositories"],
                "LAM",
                "Selecting, setting up and running the systems that store, preserve and give access to "
                "digital collections.",
            ),
            S(
                "Audiovisual digitisation",
                ["AV digitisation", "Sound archive digitisation", "Tape migration", "Film digitisation"],
                "LAM",
                "Transferring sound and moving image recordings from obsolete carriers to digital files "
                "before the carriers or playback machines fail.",
            ),
            S(
                "Online collections and digital publishing",
                ["Collections online", "Online catalogues", "Digital exhibitions", "Online collections"],
                "LAM",
                "Publishing collection records, images and stories online in ways that people can find, "
                "use and enjoy.",
            ),
            S(
                "IIIF image interoperability",
                ["IIIF", "International Image Interoperability Framework", "Image APIs"],
                "LAM",
                "Publishing and reusing images through the International Image Interoperability "
                "Framework, so they can be viewed, compared and annotated across collections.",
            ),
            S(
                "Open access to digital collections",
                ["Open GLAM", "Open access collections", "Open content policy", "Public domain images"],
                "LAM",
                "Making digitised collections free to use and reuse, with clear rights statements, and "
                "making the case for open access inside the organisation.",
            ),
        ],
    ),
    # A07
    Area(
        "Information literacy and research support",
        ["Information skills", "Research services", "Library instruction and research support"],
        "LAMS",
        "Helping people find, judge and use information well, and supporting researchers through "
        "enquiry services, data, publishing and evidence searching.",
        [
            S(
                "Information literacy teaching",
                [
                    "Information skills teaching",
                    "Library instruction",
                    "Bibliographic instruction",
                    "Library inductions",
                ],
                "LS",
                "Teaching people how to find, evaluate and use information effectively and ethically, "
                "from library inductions to embedded sessions in courses.",
            ),
            S(
                "Media literacy and misinformation",
                [
                    "Misinformation and disinformation",
                    "Fake news",
                    "Critical media literacy",
                    "Fact-checking",
                ],
                "LS",
                "Helping people question what they read and watch, check sources and claims, and "
                "recognise misinformation and manipulation.",
            ),
            S(
                "Data literacy",
                ["Data skills", "Statistical literacy", "Understanding data"],
                "LAMS",
                "Reading, questioning and using data and statistics with confidence, and helping others "
                "to do the same.",
            ),
            S(
                "Reference and enquiry services",
                ["Reference interview", "Enquiry work", "Reference services", "Answering enquiries"],
                "LAM",
                "Finding out what an enquirer really needs and answering their question with accurate, "
                "suitable sources, in person or remotely.",
            ),
            S(
                "Literature searching and evidence reviews",
                [
                    "Literature searching",
                    "Systematic review support",
                    "Expert searching",
                    "Evidence searching",
                ],
                "L",
                "Designing and running thorough searches of databases and grey literature, for example "
                "for systematic reviews or evidence summaries, and documenting the method.",
            ),
            S(
                "Research data management",
                ["RDM", "Data management plans", "FAIR data", "Research data services"],
                "LA",
                "Supporting researchers to plan, organise, document, share and preserve their research "
                "data in line with FAIR principles and funder requirements.",
            ),
            S(
                "Open access and scholarly communications",
                [
                    "Scholarly communications",
                    "Open access publishing",
                    "Open research",
                    "Repository services",
                ],
                "L",
                "Advising on how research is published and shared, including open access routes, "
                "publisher agreements, institutional repositories and funder policies.",
            ),
            S(
                "Bibliometrics and research impact",
                ["Bibliometrics", "Research metrics", "Citation analysis", "Altmetrics"],
                "L",
                "Using publication and citation data responsibly to describe research activity and "
                "impact, and advising researchers on its limits.",
            ),
            S(
                "Reference management software",
                ["Zotero", "EndNote", "Citation management", "Referencing tools"],
                "LS",
                "Using and teaching tools that store references and produce citations and bibliographies "
                "in the required style.",
            ),
            S(
                "Business and IP information services",
                ["Business and IP Centres", "Business information", "Patent searching", "Enterprise support"],
                "L",
                "Helping entrepreneurs and small businesses find market information, company data and "
                "intellectual property information to start and grow a business.",
            ),
            S(
                "Academic and study skills support",
                ["Study skills", "Academic writing support", "Learning development", "Referencing skills"],
                "LS",
                "Helping students and adult learners develop the skills to study well, such as reading, "
                "note-taking, academic writing and referencing.",
            ),
            S(
                "Collections-based research support",
                [
                    "Supporting researchers",
                    "Collections research access",
                    "Research collaboration with collections",
                ],
                "LAM",
                "Supporting academic and independent researchers to use collections, and building "
                "research projects and partnerships around them.",
            ),
            S(
                "Knowledge management",
                ["KM", "Knowledge sharing", "Organisational knowledge", "Capturing know-how"],
                "LAMS",
                "Helping an organisation capture, share and reuse what its people know, through "
                "practices, tools and a culture of sharing.",
            ),
        ],
    ),
    # A08
    Area(
        "Reader development and literacy",
        ["Reader development", "Reading promotion", "Literature development"],
        "LS",
        "Encouraging people of all ages to read more, read more widely and enjoy it, and supporting "
        "literacy through reading activities, events and partnerships.",
        [
            S(
                "Reader-centred stock promotion",
                ["Stock promotion", "Book promotion", "Book displays", "Reader-centred promotion"],
                "L",
                "Promoting books and reading by starting from the reader's experience, through displays, "
                "recommendations, reading lists and online promotion.",
            ),
            S(
                "Reading groups",
                ["Book clubs", "Book groups", "Running a reading group"],
                "LS",
                "Setting up, facilitating and sustaining groups that read and talk about books together, "
                "including groups for young people and new readers.",
            ),
            S(
                "Shared reading",
                ["Read-aloud groups", "Shared Reading groups", "Reading aloud together"],
                "LS",
                "Leading groups in which a story or poem is read aloud and discussed as it goes, often "
                "with people who would not join a conventional book group.",
            ),
            S(
                "Summer Reading Challenge and reading schemes",
                ["Summer Reading Challenge", "Reading challenges", "Children's reading schemes"],
                "L",
                "Running national and local reading schemes that motivate children and families to keep "
                "reading, including promotion, volunteers and school links.",
            ),
            S(
                "Rhyme time and early years sessions",
                ["Rhymetime", "Baby rhyme time", "Storytime", "Bookstart sessions"],
                "L",
                "Running songs, rhymes and story sessions for babies, toddlers and their carers that "
                "support early language, bonding and a love of books.",
            ),
            S(
                "Children's and young people's library services",
                ["Children's librarianship", "Youth services", "Teen library services"],
                "L",
                "Developing collections, spaces and activities for children and teenagers, and working "
                "with schools, parents and youth services.",
            ),
            S(
                "Author events and literature festivals",
                ["Author talks", "Literary events", "Book festivals", "Writer events"],
                "LS",
                "Organising talks, readings and festivals with writers, from booking and budgets to "
                "promotion and hosting on the day.",
            ),
            S(
                "Reading for pleasure",
                ["Reading for enjoyment", "Reading engagement", "Promoting reading for pleasure"],
                "LS",
                "Encouraging children and adults to read because they want to, and showing teachers, "
                "parents and partners how to build a reading culture.",
            ),
            S(
                "Storytelling",
                ["Oral storytelling", "Story sessions", "Telling stories"],
                "LMS",
                "Telling stories live, without or beyond the book, to engage audiences and bring "
                "collections, places and themes to life.",
            ),
            S(
                "Supporting emergent adult readers",
                ["Quick Reads", "Reading Ahead", "Adult reluctant readers", "Six Book Challenge"],
                "LS",
                "Encouraging adults who rarely read or lack confidence to start, with short accessible "
                "books, challenges and informal support.",
            ),
            S(
                "Creative writing workshops",
                ["Writing groups", "Creative writing", "Writers' workshops"],
                "LMS",
                "Planning and leading workshops and groups that help people write fiction, poetry or "
                "life stories, often inspired by collections or places.",
            ),
            S(
                "Accessible reading formats and services",
                ["Large print", "Talking books", "Audiobooks", "Dyslexia-friendly books"],
                "L",
                "Providing and promoting large print, audio, e-books and other formats so that people "
                "with sight loss, dyslexia or other print disabilities can read.",
            ),
        ],
    ),
    # A09
    Area(
        "Adult basic skills and digital inclusion",
        ["Essential skills", "Skills for Life", "Basic skills", "English, maths and digital skills"],
        "LS",
        "Helping adults build the literacy, numeracy, English language and digital skills they need "
        "for work, family and everyday life, and tackling digital exclusion.",
        [
            S(
                "Adult literacy teaching",
                ["Adult literacy", "Functional Skills English teaching", "Reading and writing for adults"],
                "S",
                "Teaching adults to read and write with more confidence, from beginner level upward, "
                "using materials and contexts that matter in their lives.",
            ),
            S(
                "Adult numeracy teaching",
                ["Adult numeracy", "Functional Skills maths teaching", "Everyday maths for adults"],
                "S",
                "Teaching adults the maths they need for everyday life and work, and helping them "
                "overcome anxiety about numbers.",
            ),
            S(
                "ESOL teaching",
                [
                    "English for Speakers of Other Languages",
                    "ESL",
                    "English language teaching for adults",
                    "EAL for adults",
                ],
                "S",
                "Teaching English to adults whose first language is not English, covering speaking, "
                "listening, reading and writing for life, work and citizenship.",
            ),
            S(
                "Conversation clubs and informal language support",
                ["English conversation clubs", "Conversation cafés", "Language cafés"],
                "LS",
                "Running informal, friendly sessions where people practise speaking English and build "
                "confidence and connections, often with volunteers.",
            ),
            S(
                "Essential digital skills support",
                ["Digital skills support", "Basic IT help", "Helping people get online", "EDS"],
                "LS",
                "Helping adults gain the basic digital skills for everyday life, such as using a device, "
                "email, online forms and staying safe online.",
            ),
            S(
                "Digital champions programmes",
                ["Digital champions", "Digital buddies", "Digital volunteers"],
                "LS",
                "Recruiting, training and supporting staff and volunteers who help others one to one "
                "with digital skills.",
            ),
            S(
                "Digital inclusion strategy",
                ["Tackling digital exclusion", "Digital divide", "Data poverty", "Device lending"],
                "LS",
                "Understanding who is digitally excluded and why, and planning services such as device "
                "lending, free data and skills support to reach them.",
            ),
            S(
                "Assisted digital support",
                ["Assisted digital", "Help with online forms", "Universal Credit online support"],
                "LS",
                "Helping people complete essential online tasks such as benefit claims and applications "
                "while respecting privacy and building their independence.",
            ),
            S(
                "Functional Skills and Essential Skills qualifications",
                ["Functional Skills", "Essential Skills Wales", "Entry Level qualifications"],
                "S",
                "Preparing adult learners for English, maths and digital qualifications, understanding "
                "the levels, assessment and funding rules.",
            ),
            S(
                "Initial and diagnostic assessment",
                ["Initial assessment", "Diagnostic assessment", "Skills checks"],
                "S",
                "Finding out a learner's starting level, strengths and needs at the beginning of a "
                "course so teaching can be planned around them.",
            ),
            S(
                "Family literacy, language and numeracy",
                ["FLLN", "Family English and maths", "Family literacy"],
                "LS",
                "Running programmes in which parents and children learn literacy, language or maths "
                "together, improving skills for both.",
            ),
            S(
                "Financial capability",
                ["Money skills", "Financial literacy", "Budgeting skills", "Money management"],
                "LS",
                "Helping adults manage money, budget, understand credit and make informed financial "
                "decisions.",
            ),
            S(
                "Employability skills and job clubs",
                ["Job clubs", "CV writing support", "Employability", "Work clubs"],
                "LS",
                "Supporting people looking for work with CVs, applications, interview practice and "
                "job searching, often in partnership with employment services.",
            ),
            S(
                "Careers information, advice and guidance",
                ["IAG", "Careers advice", "Information, advice and guidance", "Careers guidance"],
                "LS",
                "Helping people explore learning and work options and plan their next steps, with "
                "accurate information and impartial guidance.",
            ),
        ],
    ),
    # A10
    Area(
        "Learning programmes for schools, families and older learners",
        [
            "Learning programmes",
            "Museum education",
            "Education and learning programmes",
            "Lifelong learning programmes",
        ],
        "LAMS",
        "Designing and running formal and informal learning for schools, families, young people and "
        "older adults, in venues, outreach and online.",
        [
            S(
                "Schools programmes and curriculum links",
                ["School workshops", "Curriculum-linked sessions", "Schools sessions", "School visits"],
                "LAM",
                "Designing sessions and resources for school groups that link collections and spaces to "
                "the curriculum, and working with teachers to meet their needs.",
            ),
            S(
                "Object-based learning",
                ["Learning with objects", "Handling sessions", "Object handling workshops", "OBL"],
                "AMS",
                "Using real objects and specimens to spark curiosity, discussion and enquiry, with "
                "sessions built around looking, touching and questioning.",
            ),
            S(
                "Teaching with archives and primary sources",
                ["Archive education", "Primary source learning", "Using archives with schools"],
                "ALS",
                "Using original documents, maps and photographs with learners to build historical "
                "skills such as questioning sources and weighing evidence.",
            ),
            S(
                "Family learning",
                ["Family programmes", "Family activities", "Family workshops"],
                "LAMS",
                "Planning activities where adults and children learn together, from holiday workshops to "
                "trails and family courses.",
            ),
            S(
                "Early years learning in cultural settings",
                ["Under-fives programmes", "EYFS", "Early childhood programmes", "Toddler sessions"],
                "LAM",
                "Creating sensory, play-based sessions for babies and young children and their carers, "
                "informed by how young children develop and learn.",
            ),
            S(
                "Older learners and learning in later life",
                ["Learning in later life", "Older people's programmes", "U3A partnerships"],
                "LAMS",
                "Designing learning, social and creative programmes with and for older people that "
                "respect their experience and support wellbeing.",
            ),
            S(
                "Intergenerational programmes",
                ["Intergenerational work", "Intergenerational learning", "Generations together"],
                "LAMS",
                "Bringing younger and older people together to learn from each other, share skills and "
                "stories, and build understanding across ages.",
            ),
            S(
                "Youth programmes and youth voice",
                ["Youth engagement", "Young people's programmes", "Youth panels", "Youth forums"],
                "LAMS",
                "Working with teenagers and young adults on programmes, panels and projects where they "
                "help shape what the organisation does.",
            ),
            S(
                "Arts Award and Artsmark",
                ["Arts Award", "Artsmark", "Arts Award adviser"],
                "LAM",
                "Supporting children and young people to achieve Arts Award, and working with schools on "
                "Artsmark, including advising and moderating.",
            ),
            S(
                "Adult and community learning courses",
                [
                    "Community learning",
                    "Non-accredited adult learning",
                    "Adult education classes",
                    "Short courses",
                ],
                "LAMS",
                "Running short, often non-accredited courses for adults in community settings, from "
                "crafts and languages to history and wellbeing.",
            ),
            S(
                "Self-guided learning resources",
                ["Activity packs", "Self-guided trails", "Learning packs", "Learning resources"],
                "LAM",
                "Creating trails, activity packs, online resources and kits that visitors and groups "
                "can use to learn on their own.",
            ),
            S(
                "Work experience and placements",
                ["Work experience", "Placements", "Traineeships", "T Level placements"],
                "LAMS",
                "Hosting work experience, industry placements and traineeships that give people a "
                "meaningful taste of the sector and real skills.",
            ),
            S(
                "Learning strategy and programme planning",
                ["Learning strategy", "Programme planning", "Learning policy", "Learning plan"],
                "LAMS",
                "Setting the aims and priorities for an organisation's learning offer and planning a "
                "balanced programme for its audiences.",
            ),
        ],
    ),
    # A11
    Area(
        "Teaching, training and facilitation",
        ["Training and development", "Teaching and learning", "Learning and development", "L&D"],
        "LAMS",
        "The craft of helping adults and young people learn: analysing needs, designing and "
        "delivering sessions in person and online, assessing progress and developing oneself.",
        [
            S(
                "Training needs analysis",
                ["TNA", "Learning needs analysis", "Skills gap analysis", "Skills audit"],
                "LAMS",
                "Finding out what skills and knowledge people or teams need, compared with what they "
                "have, to decide what learning to provide.",
            ),
            S(
                "Session planning and delivery",
                ["Lesson planning", "Training delivery", "Session plans", "Workshop design"],
                "LAMS",
                "Planning a lesson, workshop or training session with clear aims, activities and timing, "
                "and delivering it so that people learn.",
            ),
            S(
                "Facilitation skills",
                [
                    "Group facilitation",
                    "Workshop facilitation",
                    "Meeting facilitation",
                    "Facilitating groups",
                ],
                "LAMS",
                "Guiding groups through discussion, creative work or decisions so that everyone takes "
                "part and the group achieves its purpose.",
            ),
            S(
                "Adult learning principles",
                ["Andragogy", "How adults learn", "Adult learning theory"],
                "LAMS",
                "Understanding how adults learn differently from children, and using that to design "
                "learning that is relevant, active and respectful of experience.",
            ),
            S(
                "Online and blended learning design",
                ["Blended learning", "E-learning design", "Instructional design", "Digital learning design"],
                "LAMS",
                "Designing courses that work online or combine online and face-to-face learning, making "
                "good use of interaction, media and self-paced study.",
            ),
            S(
                "Virtual learning environments",
                ["VLE", "Learning management systems", "Moodle", "Online course platforms"],
                "LAMS",
                "Setting up and running courses on platforms such as Moodle, including structure, "
                "activities, enrolment and tracking learners.",
            ),
            S(
                "Assessment and feedback",
                ["Assessment for learning", "Formative assessment", "Feedback to learners"],
                "LAMS",
                "Checking what learners have learned during and after a course, and giving feedback "
                "that helps them improve.",
            ),
            S(
                "Inclusive teaching and differentiation",
                ["Differentiation", "Inclusive learning", "Universal Design for Learning", "UDL"],
                "LAMS",
                "Planning teaching so learners with different needs, starting points and preferences can "
                "all take part and progress.",
            ),
            S(
                "Coaching",
                ["Coaching skills", "Workplace coaching", "Coaching conversations"],
                "LAMS",
                "Helping someone find their own solutions and reach their goals through questioning, "
                "listening and structured conversations.",
            ),
            S(
                "Mentoring",
                ["Mentoring schemes", "Peer mentoring", "Reverse mentoring", "Being a mentor"],
                "LAMS",
                "Sharing experience and advice with a less experienced colleague over time, or setting "
                "up schemes that pair mentors and mentees.",
            ),
            S(
                "Presentation and public speaking",
                ["Presentation skills", "Public speaking", "Presenting", "Giving talks"],
                "LAMS",
                "Preparing and giving clear, engaging presentations and talks to audiences of any size, "
                "with or without slides.",
            ),
            S(
                "Teacher training qualifications for further education",
                ["Award in Education and Training", "AET", "PTLLS", "Certificate in Education and Training"],
                "S",
                "Working towards or supporting others through recognised teaching qualifications for "
                "adult, further and community education.",
            ),
            S(
                "Learner engagement and retention",
                ["Learner motivation", "Retention and achievement", "Motivating adult learners"],
                "S",
                "Keeping adult learners motivated and attending, spotting early signs of drop-out and "
                "removing barriers to progress.",
            ),
            S(
                "Apprenticeships",
                [
                    "Apprenticeship standards",
                    "Apprentice supervision",
                    "End-point assessment",
                    "Apprenticeship delivery",
                ],
                "LAMS",
                "Employing, supervising or training apprentices, understanding apprenticeship standards, "
                "off-the-job training and end-point assessment.",
            ),
            S(
                "Reflective practice and CPD planning",
                [
                    "Reflective practice",
                    "CPD planning",
                    "Personal development plan",
                    "Professional development planning",
                ],
                "LAMS",
                "Reflecting on one's own work and learning, planning continuing professional "
                "development and recording it, for example for professional registration.",
            ),
        ],
    ),
    # A12
    Area(
        "Community engagement and outreach",
        ["Outreach", "Community development", "Public engagement", "Community work"],
        "LAMS",
        "Building lasting relationships with communities, taking services out beyond the building "
        "and sharing power over what the organisation does.",
        [
            S(
                "Community engagement planning",
                ["Community engagement strategy", "Engagement planning", "Community engagement"],
                "LAMS",
                "Planning how the organisation will build relationships with its communities, with clear "
                "aims, methods, resources and ways to listen.",
            ),
            S(
                "Co-production and co-curation",
                ["Co-production", "Co-creation", "Co-curation", "Participatory practice"],
                "LAMS",
                "Working with communities as equal partners to design and make exhibitions, "
                "programmes or services, sharing decisions and credit.",
            ),
            S(
                "Outreach programmes",
                ["Outreach work", "Pop-up libraries", "Off-site delivery", "Mobile library services"],
                "LAMS",
                "Taking services, collections and activities out to places where people already are, "
                "such as community centres, festivals and schools.",
            ),
            S(
                "Asset-based community development",
                ["ABCD", "Strengths-based community work", "Community asset mapping"],
                "LAMS",
                "Working with communities by starting from their strengths, skills and networks rather "
                "than their needs, and helping them act on what matters to them.",
            ),
            S(
                "Engaging under-represented communities",
                [
                    "Under-represented groups",
                    "Seldom-heard groups",
                    "Hard-to-reach audiences",
                    "Targeted engagement",
                ],
                "LAMS",
                "Understanding the barriers that keep some groups from using the organisation, and "
                "working with them and their trusted partners to remove those barriers.",
            ),
            S(
                "Community consultation",
                ["Public consultation", "Listening exercises", "Focus groups", "Community listening"],
                "LAMS",
                "Asking communities what they think and need in fair, accessible ways, and showing how "
                "their views changed decisions.",
            ),
            S(
                "Home library and housebound services",
                ["Home library service", "Housebound service", "Library at home", "Books on wheels"],
                "L",
                "Delivering library services to people who cannot visit, often through volunteers, "
                "matching books to readers and keeping in touch.",
            ),
            S(
                "Working with refugees and asylum seekers",
                ["Libraries of Sanctuary", "Museums of Sanctuary", "Refugee welcome", "Sanctuary"],
                "LAMS",
                "Welcoming refugees and people seeking asylum, understanding their situation and rights, "
                "and offering relevant support and a sense of belonging.",
            ),
            S(
                "Community heritage projects",
                ["Community heritage", "Local heritage projects", "People's history projects"],
                "LAMS",
                "Supporting community groups to research, record and share their own heritage, from "
                "local history projects to heritage funding bids.",
            ),
            S(
                "Prison and justice settings",
                ["Prison libraries", "Offender learning", "Learning in prisons", "Justice sector learning"],
                "LS",
                "Delivering library and learning services in prisons and other justice settings, working "
                "within security rules and supporting rehabilitation.",
            ),
            S(
                "Work with young people not in education, employment or training",
                ["NEET young people", "Youth outreach", "Disengaged young people"],
                "LAMS",
                "Engaging young people who are not in education, work or training through informal "
                "activities, volunteering and routes back into learning.",
            ),
            S(
                "Community hubs and shared spaces",
                ["Community hubs", "Co-location", "Warm spaces", "Third spaces"],
                "LMS",
                "Running buildings as shared community spaces with partner services, activities and "
                "welcome, and managing the practicalities of sharing.",
            ),
            S(
                "Citizen science and crowdsourcing",
                ["Citizen science", "Crowdsourcing", "Participatory research", "Volunteer transcription"],
                "LAM",
                "Involving the public in research and collection work, such as transcription, tagging "
                "or recording wildlife, and making it rewarding for participants.",
            ),
        ],
    ),
    # A13
    Area(
        "Equality, diversity and inclusion",
        ["EDI", "ED&I", "DEI", "Equity, diversity and inclusion"],
        "LAMS",
        "Making organisations, workforces, collections and services fair and welcoming for everyone, "
        "and reflecting the diversity of the communities they serve.",
        [
            S(
                "Equality law and protected characteristics",
                ["Equality Act 2010", "Protected characteristics", "Public sector equality duty", "PSED"],
                "LAMS",
                "Understanding the Equality Act and its protected characteristics, the duties it places "
                "on employers and service providers, and what they mean in practice.",
            ),
            S(
                "Unconscious bias awareness",
                ["Implicit bias", "Unconscious bias training", "Bias awareness"],
                "LAMS",
                "Recognising the hidden assumptions that shape decisions about people, and using "
                "practical steps to reduce their effect.",
            ),
            S(
                "Anti-racist practice",
                ["Anti-racism", "Race equality", "Tackling racism"],
                "LAMS",
                "Identifying and challenging racism in individual behaviour, organisational processes "
                "and collections, and taking action for race equality.",
            ),
            S(
                "Decolonising collections and practice",
                ["Decolonisation", "Decolonizing museums", "Decolonial practice", "Contested heritage"],
                "LAM",
                "Examining how colonial history shapes collections, interpretation and institutions, and "
                "changing practice with the communities affected.",
            ),
            S(
                "LGBTQ+ inclusion",
                ["LGBT+ inclusion", "Queer heritage", "LGBTQ+ history", "Trans inclusion"],
                "LAMS",
                "Making services, workplaces and collections welcoming for lesbian, gay, bisexual, trans "
                "and queer people, and bringing their histories to light.",
            ),
            S(
                "Cultural competence and intercultural communication",
                [
                    "Cultural competence",
                    "Intercultural awareness",
                    "Cultural diversity",
                    "Cross-cultural communication",
                ],
                "LAMS",
                "Understanding and respecting cultural differences, and communicating and working well "
                "with people from cultures other than one's own.",
            ),
            S(
                "Equality impact assessment",
                ["EqIA", "Equality analysis", "Equality impact assessments"],
                "LAMS",
                "Assessing how a policy, service or change may affect different groups, and adjusting "
                "plans to avoid unfair impacts.",
            ),
            S(
                "Inclusive recruitment and workforce diversity",
                ["Diverse recruitment", "Workforce diversity", "Positive action", "Inclusive hiring"],
                "LAMS",
                "Widening who applies to and joins the workforce, through fair recruitment, alternative "
                "entry routes and positive action where lawful.",
            ),
            S(
                "Tackling poverty and social exclusion",
                ["Social inclusion", "Poverty-proofing", "Cost of living support", "Social justice"],
                "LAMS",
                "Understanding how poverty and disadvantage limit people's access to culture and "
                "learning, and removing cost and other barriers.",
            ),
            S(
                "Inclusive language",
                [
                    "Respectful language",
                    "Inclusive communication",
                    "Person-first and identity-first language",
                ],
                "LAMS",
                "Choosing words that respect people's identities and avoid exclusion or offence, in "
                "speech, publications, labels and catalogues.",
            ),
            S(
                "Religion and belief awareness",
                ["Faith literacy", "Religious literacy", "Faith communities"],
                "LAMS",
                "Understanding different faiths and beliefs, and making services, events and workplaces "
                "considerate of them.",
            ),
        ],
    ),
    # A14
    Area(
        "Accessibility and disability awareness",
        ["Access", "Disability access", "Access and inclusion", "Accessibility"],
        "LAMS",
        "Removing the physical, sensory, intellectual, digital and attitudinal barriers that stop "
        "disabled people from using services, taking part and working in the sector.",
        [
            S(
                "Disability awareness",
                ["Disability equality training", "Disability confidence", "Social model of disability"],
                "LAMS",
                "Understanding disability through the social model, the barriers disabled people face, "
                "and how to communicate and work with confidence and respect.",
            ),
            S(
                "Reasonable adjustments",
                ["Access requirements", "Workplace adjustments", "Access needs"],
                "LAMS",
                "Making changes to the way services, events or jobs work so disabled people are not put "
                "at a disadvantage, as the law requires.",
            ),
            S(
                "Web and digital accessibility (WCAG)",
                ["WCAG", "Web accessibility", "Digital accessibility", "Accessible websites"],
                "LAMS",
                "Making websites, documents and digital services usable by disabled people, in line "
                "with the Web Content Accessibility Guidelines.",
            ),
            S(
                "Accessible information and Easy Read",
                ["Easy Read", "Accessible formats", "Accessible documents", "Alternative formats"],
                "LAMS",
                "Producing information in formats people can use, such as Easy Read, large print, audio "
                "or accessible PDFs.",
            ),
            S(
                "Audio description and touch tours",
                [
                    "Audio description",
                    "Touch tours",
                    "Verbal description",
                    "Tours for blind and partially sighted visitors",
                ],
                "LAM",
                "Describing objects, spaces and performances in words, and offering handling and touch, "
                "for blind and partially sighted people.",
            ),
            S(
                "Deaf awareness and British Sign Language",
                ["BSL", "Deaf awareness", "British Sign Language", "BSL-interpreted events"],
                "LAMS",
                "Communicating well with Deaf and hard of hearing people, learning basic BSL and "
                "providing interpretation, captions and hearing loops.",
            ),
            S(
                "Relaxed and sensory-friendly sessions",
                ["Relaxed openings", "Autism-friendly events", "Sensory-friendly sessions", "Quiet hours"],
                "LAM",
                "Adapting the environment and rules of a session or opening for autistic and "
                "neurodivergent people and others who find busy places overwhelming.",
            ),
            S(
                "Neurodiversity awareness",
                ["Neurodiversity", "Autism awareness", "ADHD awareness", "Neuroinclusion"],
                "LAMS",
                "Understanding autism, ADHD, dyslexia and other neurodivergent conditions, and making "
                "workplaces and services work for neurodivergent people.",
            ),
            S(
                "Dyslexia and specific learning difficulties support",
                ["Dyslexia awareness", "Specific learning difficulties", "SpLD support"],
                "LS",
                "Recognising dyslexia and related difficulties in learners and staff, and using "
                "strategies and tools that help them read, write and study.",
            ),
            S(
                "Learning disability inclusion",
                ["Learning disabilities", "Working with people with learning disabilities", "Makaton"],
                "LAMS",
                "Making activities, information and workplaces accessible and meaningful for people with "
                "learning disabilities, working with them and their supporters.",
            ),
            S(
                "Access audits",
                ["Access audit", "Accessibility audit", "Access statements", "Physical access review"],
                "LAMS",
                "Reviewing buildings, sites, events and information to find barriers for disabled people "
                "and planning improvements.",
            ),
            S(
                "Assistive technology",
                ["Assistive tech", "Screen readers", "Accessibility software"],
                "LAMS",
                "Providing, supporting and knowing how to use software and devices, such as screen "
                "readers and magnifiers, that help disabled people use computers and information.",
            ),
            S(
                "Hidden disabilities awareness",
                ["Invisible disabilities", "Sunflower lanyard scheme", "Non-visible disabilities"],
                "LAMS",
                "Recognising that many disabilities and conditions are not visible, and responding with "
                "understanding and practical support.",
            ),
        ],
    ),
    # A15
    Area(
        "Health, wellbeing and safeguarding",
        ["Health and wellbeing", "Wellbeing", "Culture, health and wellbeing"],
        "LAMS",
        "Supporting the health and wellbeing of visitors, learners, staff and volunteers, and keeping "
        "people safe from harm.",
        [
            S(
                "Safeguarding",
                ["Safeguarding children", "Safeguarding adults", "Child protection", "Safeguarding lead"],
                "LAMS",
                "Protecting children and adults at risk from abuse and neglect: recognising signs, "
                "responding to concerns, recording and referring, and safe working practices.",
            ),
            S(
                "Dementia-friendly programming",
                ["Dementia-friendly", "Dementia Friends", "Dementia awareness", "Dementia-friendly sessions"],
                "LAMS",
                "Understanding dementia and designing services, spaces and activities that people "
                "living with dementia and their carers can enjoy.",
            ),
            S(
                "Reminiscence work",
                ["Reminiscence", "Memory boxes", "Reminiscence sessions"],
                "LAMS",
                "Using objects, photographs, music and conversation to prompt memories and sharing, "
                "often with older people and in care settings.",
            ),
            S(
                "Social prescribing",
                ["Culture on prescription", "Museums on prescription", "Link workers", "Community referral"],
                "LAMS",
                "Working with link workers and health services so people can be referred to cultural "
                "and learning activities that support their health and wellbeing.",
            ),
            S(
                "Mental health awareness",
                ["Mental Health First Aid", "MHFA", "Mental health at work"],
                "LAMS",
                "Recognising signs of mental ill health, responding supportively and signposting to "
                "help, for colleagues, learners and the public.",
            ),
            S(
                "Staff wellbeing and resilience",
                ["Resilience", "Stress management", "Burnout prevention", "Staff wellbeing"],
                "LAMS",
                "Looking after one's own and colleagues' wellbeing, managing pressure and building a "
                "workplace culture that prevents burnout.",
            ),
            S(
                "Bibliotherapy and Reading Well",
                ["Reading Well", "Books on prescription", "Bibliotherapy"],
                "L",
                "Using recommended, evidence-based books and reading to help people understand and "
                "manage their health and wellbeing.",
            ),
            S(
                "Health information and health literacy",
                ["Health information", "Health literacy", "Consumer health information"],
                "LS",
                "Helping people find, understand and use reliable health information, and supporting "
                "those with low health literacy.",
            ),
            S(
                "Tackling loneliness and social isolation",
                ["Loneliness", "Social isolation", "Befriending"],
                "LAMS",
                "Creating welcoming activities and connections that reduce loneliness, and reaching "
                "people who are isolated.",
            ),
            S(
                "First aid",
                ["First aid at work", "Emergency first aid", "EFAW"],
                "LAMS",
                "Giving immediate care to someone who is injured or taken ill until professional help "
                "arrives, and meeting workplace first aid requirements.",
            ),
            S(
                "Health and safety",
                ["Health and safety at work", "Risk assessment", "H&S", "IOSH"],
                "LAMS",
                "Identifying hazards, carrying out risk assessments and managing activities, events and "
                "buildings so staff, volunteers and the public stay safe.",
            ),
            S(
                "Trauma-informed practice",
                ["Trauma-informed approaches", "Trauma awareness", "ACE-aware practice"],
                "LAMS",
                "Understanding how trauma affects people and shaping services and interactions so they "
                "feel safe, respectful and empowering.",
            ),
            S(
                "Creative health programmes",
                ["Arts and health", "Creative health", "Culture and health programmes"],
                "LAMS",
                "Designing and running creative and cultural programmes with health outcomes, often in "
                "partnership with health and care services.",
            ),
            S(
                "Prevent duty",
                ["Prevent", "Radicalisation awareness", "Prevent duty training"],
                "LS",
                "Understanding the legal duty to help prevent people being drawn into terrorism, "
                "recognising concerns and knowing how to refer them proportionately.",
            ),
            S(
                "Lone working and personal safety",
                ["Lone working", "Personal safety", "Lone worker safety"],
                "LAMS",
                "Keeping safe when working alone or off site, with procedures for checking in, "
                "assessing risk and getting help.",
            ),
        ],
    ),
    # A16
    Area(
        "Audience development, marketing and communications",
        ["Audience development", "Marketing", "Communications", "Marketing and PR"],
        "LAMS",
        "Understanding current and potential audiences, and reaching, growing and keeping them "
        "through marketing, communications and events.",
        [
            S(
                "Audience development planning",
                ["Audience development plan", "Audience strategy", "Growing audiences"],
                "LAMS",
                "Planning how to reach new audiences and deepen relationships with existing ones, with "
                "targets, actions and ways to measure progress.",
            ),
            S(
                "Audience research and segmentation",
                ["Audience segmentation", "Audience Spectrum", "Visitor research", "Audience insight"],
                "LAMS",
                "Collecting and analysing information about who uses a service and who does not, and "
                "grouping people by shared characteristics to target offers.",
            ),
            S(
                "Marketing planning",
                ["Marketing strategy", "Marketing plan", "Campaign planning"],
                "LAMS",
                "Setting marketing objectives, messages, channels and budgets for an organisation or "
                "campaign, and measuring the results.",
            ),
            S(
                "Social media management",
                [
                    "Social media",
                    "Social media marketing",
                    "Online community management",
                    "Instagram and TikTok",
                ],
                "LAMS",
                "Planning, creating and scheduling social media content, responding to comments and "
                "using analytics to improve reach and engagement.",
            ),
            S(
                "Press and media relations",
                ["Media relations", "Press releases", "PR", "Public relations"],
                "LAMS",
                "Working with journalists and broadcasters to get coverage, writing press releases, "
                "handling enquiries and preparing spokespeople.",
            ),
            S(
                "Brand and identity",
                ["Branding", "Brand management", "Visual identity"],
                "LAMS",
                "Developing and looking after the name, look, voice and values that make an "
                "organisation recognisable and trusted.",
            ),
            S(
                "Copywriting and writing for the web",
                ["Copywriting", "Web writing", "Content writing"],
                "LAMS",
                "Writing persuasive, clear copy for leaflets, websites, emails and social media, "
                "adapted to the audience and the medium.",
            ),
            S(
                "Plain English writing",
                ["Plain language", "Writing clearly", "Plain English"],
                "LAMS",
                "Writing in clear, direct language that readers understand the first time, avoiding "
                "jargon and long sentences.",
            ),
            S(
                "Email marketing and CRM",
                ["Email newsletters", "Customer relationship management", "CRM", "Mailing lists"],
                "LAMS",
                "Building and managing contact lists and customer records, and sending targeted email "
                "campaigns within data protection rules.",
            ),
            S(
                "Digital marketing and web analytics",
                ["Google Analytics", "SEO", "Search engine optimisation", "Web analytics"],
                "LAMS",
                "Using search, online advertising and analytics to attract visitors online and "
                "understand what they do.",
            ),
            S(
                "Event planning and management",
                ["Event management", "Events programming", "Public events", "Event planning"],
                "LAMS",
                "Planning and delivering events from concept to evaluation, including budgets, venues, "
                "bookings, staffing, risk and promotion.",
            ),
            S(
                "Internal communications",
                ["Internal comms", "Staff communications", "Employee communications"],
                "LAMS",
                "Keeping staff and volunteers informed and engaged through briefings, newsletters, "
                "intranets and two-way conversation.",
            ),
            S(
                "Crisis communications",
                ["Crisis comms", "Reputation management", "Issues management"],
                "LAMS",
                "Preparing for and responding to incidents or controversies that threaten an "
                "organisation's reputation, with timely and honest messages.",
            ),
            S(
                "Graphic design basics",
                ["Graphic design", "Canva", "Design for print and web"],
                "LAMS",
                "Producing simple, well laid out posters, social media graphics and leaflets with "
                "design tools and good typography.",
            ),
        ],
    ),
    # A17
    Area(
        "Evaluation, impact and evidence",
        ["Evaluation", "Impact measurement", "Monitoring and evaluation", "M&E"],
        "LAMS",
        "Finding out what difference activities make, collecting and analysing data, and using "
        "evidence to improve, report and make the case for services.",
        [
            S(
                "Evaluation planning",
                ["Evaluation framework", "Evaluation design", "Evaluation strategy"],
                "LAMS",
                "Deciding early what to evaluate, why, for whom and how, and building evaluation into "
                "a project from the start.",
            ),
            S(
                "Outcome-based evaluation",
                ["Outcomes-based evaluation", "Outcomes frameworks", "Measuring outcomes"],
                "LAMS",
                "Evaluating the changes an activity brings about for people, not just what was "
                "delivered, using agreed outcomes and indicators.",
            ),
            S(
                "Theory of change and logic models",
                ["Theory of change", "Logic model", "ToC", "Logic modelling"],
                "LAMS",
                "Mapping how and why activities are expected to lead to outcomes and impact, to plan, "
                "test assumptions and evaluate.",
            ),
            S(
                "Generic Learning Outcomes",
                ["GLOs", "Generic Social Outcomes", "Inspiring Learning for All"],
                "LAMS",
                "Using the Generic Learning Outcomes framework, and its social counterpart, to plan and "
                "measure learning in cultural settings.",
            ),
            S(
                "Survey and questionnaire design",
                ["Questionnaire design", "Survey design", "Visitor surveys", "Online surveys"],
                "LAMS",
                "Writing unbiased questions, choosing samples and running surveys that produce data you "
                "can trust and use.",
            ),
            S(
                "Qualitative and creative evaluation methods",
                ["Qualitative methods", "Interviews and focus groups", "Creative evaluation", "Observation"],
                "LAMS",
                "Gathering and analysing stories, opinions and observations through interviews, focus "
                "groups, observation and creative techniques.",
            ),
            S(
                "Data analysis and visualisation",
                ["Data visualisation", "Dashboards", "Charts and infographics", "Data analysis"],
                "LAMS",
                "Cleaning, analysing and presenting data clearly in tables, charts and dashboards so "
                "that others can understand it.",
            ),
            S(
                "Social value and return on investment",
                ["SROI", "Social return on investment", "Economic impact", "Social value"],
                "LAMS",
                "Estimating the social and economic value an organisation creates, with methods such as "
                "social return on investment and economic impact studies.",
            ),
            S(
                "Performance indicators and benchmarking",
                ["KPIs", "Key performance indicators", "Benchmarking", "Performance measurement"],
                "LAMS",
                "Choosing and tracking measures of performance, and comparing with similar "
                "organisations to find ways to improve.",
            ),
            S(
                "Evaluation reporting",
                ["Evaluation reports", "Impact reports", "Reporting to funders"],
                "LAMS",
                "Writing clear, honest evaluation and impact reports that suit the audience, including "
                "what did not work.",
            ),
            S(
                "Data and evidence for advocacy",
                ["Evidence-based advocacy", "Making the case with data", "Evidence for decision-makers"],
                "LAMS",
                "Gathering and presenting data and evidence to persuade funders, politicians and "
                "decision-makers of the value of a service.",
            ),
            S(
                "Recognising and recording progress and achievement (RARPA)",
                ["RARPA", "Non-accredited learning outcomes", "Learner progress tracking"],
                "S",
                "Setting, reviewing and recording individual learning goals on non-accredited courses, "
                "following the RARPA approach.",
            ),
            S(
                "Research ethics and informed consent",
                ["Research ethics", "Informed consent", "Ethical evaluation"],
                "LAMS",
                "Running evaluation and research ethically: informed consent, privacy, safeguarding and "
                "avoiding harm to participants.",
            ),
            S(
                "Impact case studies and storytelling",
                ["Case studies", "Impact stories", "Most Significant Change"],
                "LAMS",
                "Collecting and writing up people's stories of change, with consent, to show impact "
                "alongside numbers.",
            ),
            S(
                "Wellbeing measurement",
                ["WEMWBS", "ONS4 wellbeing measures", "Measuring wellbeing"],
                "LAMS",
                "Using validated scales and other tools to measure the effect of activities on "
                "participants' wellbeing.",
            ),
        ],
    ),
    # A18
    Area(
        "Leadership and people management",
        ["Leadership", "Management", "People management", "Leadership and management"],
        "LAMS",
        "Leading and managing people and teams well: supervision, performance, change, recruitment "
        "and the personal skills of leadership.",
        [
            S(
                "Leading teams",
                ["Team leadership", "Team management", "Managing a team"],
                "LAMS",
                "Setting direction for a team, building trust and shared goals, and helping people work "
                "well together.",
            ),
            S(
                "Line management and supervision",
                ["Line management", "Supervision", "Supervising staff", "Managing people"],
                "LAMS",
                "Managing individual staff day to day: agreeing work, holding one-to-ones, supporting "
                "development and dealing with issues early.",
            ),
            S(
                "Performance management and appraisal",
                ["Appraisals", "Performance reviews", "PDR", "One-to-ones"],
                "LAMS",
                "Agreeing objectives, reviewing performance fairly, recognising good work and tackling "
                "underperformance.",
            ),
            S(
                "Handling difficult conversations",
                ["Difficult conversations", "Challenging conversations", "Courageous conversations"],
                "LAMS",
                "Preparing for and holding conversations about sensitive or contentious matters, such as "
                "performance or behaviour, calmly and constructively.",
            ),
            S(
                "Conflict resolution and mediation",
                ["Conflict resolution", "Conflict management", "Mediation", "Resolving disputes"],
                "LAMS",
                "Helping people in disagreement understand each other and find a way forward, before "
                "conflict damages relationships or work.",
            ),
            S(
                "Change management",
                ["Leading change", "Managing change", "Organisational change", "Restructuring"],
                "LAMS",
                "Planning and leading organisational change, helping people through uncertainty and "
                "embedding new ways of working.",
            ),
            S(
                "Recruitment and selection",
                ["Recruitment", "Interviewing", "Hiring", "Selection interviews"],
                "LAMS",
                "Writing job descriptions, shortlisting, interviewing and appointing fairly and lawfully.",
            ),
            S(
                "Employment law and HR essentials for managers",
                ["Employment law", "HR policies", "Disciplinary and grievance", "Absence management"],
                "LAMS",
                "Knowing the main employment law and HR procedures a manager needs, such as absence, "
                "disciplinary and grievance, and when to get advice.",
            ),
            S(
                "Emotional intelligence",
                ["EQ", "Emotional intelligence at work", "Self-awareness"],
                "LAMS",
                "Recognising and managing one's own emotions and understanding other people's, to "
                "communicate and lead effectively.",
            ),
            S(
                "Problem solving and decision-making",
                ["Problem solving", "Decision making", "Critical thinking"],
                "LAMS",
                "Analysing problems, weighing options and evidence, and making sound decisions and "
                "acting on them.",
            ),
            S(
                "Time management and delegation",
                ["Time management", "Prioritisation", "Delegation", "Managing workload"],
                "LAMS",
                "Organising one's own time and priorities, and handing over work to others with clear "
                "expectations and support.",
            ),
            S(
                "Workforce planning and succession",
                ["Succession planning", "Workforce planning", "Workforce development"],
                "LAMS",
                "Planning the staff and skills an organisation will need, developing people to fill "
                "key roles and reducing single points of failure.",
            ),
            S(
                "Compassionate and inclusive leadership",
                ["Compassionate leadership", "Inclusive leadership", "Values-based leadership"],
                "LAMS",
                "Leading with care, fairness and openness, so everyone feels they belong and can contribute.",
            ),
            S(
                "Staff induction and onboarding",
                ["Induction", "Onboarding", "Staff induction"],
                "LAMS",
                "Welcoming and preparing new staff so they understand the organisation, their role and "
                "how to get help, and become effective quickly.",
            ),
            S(
                "Managing hybrid and remote teams",
                ["Remote working", "Hybrid teams", "Distributed teams"],
                "LAMS",
                "Leading teams that work partly or fully remotely, keeping communication, fairness, "
                "wellbeing and team spirit strong.",
            ),
        ],
    ),
    # A19
    Area(
        "Strategy, planning and project management",
        ["Strategy and planning", "Organisational planning", "Projects and programmes"],
        "LAMS",
        "Setting direction and planning for the organisation, governing it well, managing money and "
        "risk, and delivering projects.",
        [
            S(
                "Strategic planning",
                ["Strategy development", "Writing a strategy", "Strategic plan"],
                "LAMS",
                "Setting an organisation's long-term purpose, priorities and goals, based on analysis of "
                "its environment, and turning them into a plan.",
            ),
            S(
                "Business planning",
                ["Business plans", "Operational planning", "Annual planning"],
                "LAMS",
                "Producing plans that set out what the organisation will deliver, with what resources, "
                "and how it will be financially sustainable.",
            ),
            S(
                "Governance and working with boards",
                ["Trustee boards", "Charity governance", "Board management", "Governance"],
                "LAMS",
                "Understanding the roles of trustees, boards and committees, and supporting good "
                "governance, reporting and decision-making.",
            ),
            S(
                "Budget management",
                ["Budgeting", "Financial management", "Budget monitoring", "Financial planning"],
                "LAMS",
                "Setting, monitoring and reporting on budgets, forecasting spend and taking action to "
                "stay within them.",
            ),
            S(
                "Risk management",
                ["Risk registers", "Managing risk", "Business continuity"],
                "LAMS",
                "Identifying, assessing and controlling risks to an organisation or project, and "
                "planning to keep running when things go wrong.",
            ),
            S(
                "Project management",
                ["Managing projects", "Project planning", "Project delivery", "PRINCE2"],
                "LAMS",
                "Planning, running and closing projects to deliver agreed results on time and within "
                "budget, managing scope, risks, people and stakeholders.",
            ),
            S(
                "Agile methods",
                ["Agile", "Scrum", "Kanban", "Agile delivery"],
                "LAMS",
                "Delivering work in short cycles with frequent feedback and adjustment, using "
                "approaches such as Scrum and Kanban.",
            ),
            S(
                "Accreditation and quality standards",
                [
                    "Museum Accreditation",
                    "Archive Service Accreditation",
                    "Quality standards",
                    "Accreditation Scheme",
                ],
                "LAM",
                "Meeting and evidencing national standards such as Museum Accreditation and Archive "
                "Service Accreditation, and using them to improve.",
            ),
            S(
                "Quality assurance and inspection in adult learning",
                [
                    "Ofsted inspection",
                    "Quality improvement",
                    "Self-assessment report",
                    "Observation of teaching and learning",
                ],
                "S",
                "Assuring and improving the quality of teaching and learning through self-assessment, "
                "observation and preparation for inspection.",
            ),
            S(
                "Environmental sustainability and climate action",
                ["Sustainability", "Climate action", "Net zero", "Carbon literacy"],
                "LAMS",
                "Reducing the environmental impact of an organisation and using its collections, "
                "programmes and voice to support climate action.",
            ),
            S(
                "Procurement and contract management",
                ["Procurement", "Tendering", "Contract management", "Commissioning"],
                "LAMS",
                "Buying goods and services fairly and lawfully, writing specifications, running tenders "
                "and managing contracts and suppliers.",
            ),
            S(
                "Options appraisal and business cases",
                ["Business case", "Options appraisal", "Cost-benefit analysis"],
                "LAMS",
                "Comparing options for an investment or change against costs, benefits and risks, and "
                "writing a business case to support a decision.",
            ),
            S(
                "Service review and needs assessment",
                ["Service review", "Needs assessment", "Library needs assessment", "Service redesign"],
                "LAMS",
                "Reviewing how well a service meets local needs, using data and consultation, and "
                "redesigning it in response.",
            ),
            S(
                "Policy development",
                ["Writing policies", "Policy writing", "Organisational policy"],
                "LAMS",
                "Drafting, consulting on, approving and reviewing the policies that guide an "
                "organisation's work.",
            ),
            S(
                "Buildings and facilities management",
                ["Facilities management", "Estates management", "Building management"],
                "LAMS",
                "Running and maintaining buildings, spaces and services such as cleaning and security "
                "so they are safe, efficient and fit for purpose.",
            ),
            S(
                "Horizon scanning and futures thinking",
                ["Horizon scanning", "Futures thinking", "Foresight", "Scenario planning"],
                "LAMS",
                "Spotting trends and possible futures that could affect the organisation, and using "
                "scenarios to plan for them.",
            ),
        ],
    ),
    # A20
    Area(
        "Fundraising and income generation",
        ["Fundraising", "Income generation", "Bids and funding", "Development (fundraising)"],
        "LAMS",
        "Raising money from grants, individuals, businesses and trading, and managing the "
        "relationships and compliance that go with it.",
        [
            S(
                "Fundraising strategy",
                ["Fundraising planning", "Income strategy", "Diversifying income"],
                "LAMS",
                "Planning how an organisation will raise the income it needs from a balanced mix of "
                "sources, with targets, resources and timescales.",
            ),
            S(
                "Bid writing",
                ["Grant writing", "Funding applications", "Writing funding bids", "Grant applications"],
                "LAMS",
                "Writing convincing funding applications that match the funder's priorities, with clear "
                "need, activities, outcomes and budgets.",
            ),
            S(
                "Arts Council funding applications",
                ["Arts Council England bids", "National Lottery Project Grants", "ACE funding"],
                "LAMS",
                "Applying to Arts Council England and similar arts funders, understanding their "
                "programmes, priorities and reporting requirements.",
            ),
            S(
                "National Lottery Heritage Fund applications",
                ["Heritage Fund applications", "NLHF bids", "Heritage Lottery Fund"],
                "LAM",
                "Developing heritage projects and applying to the National Lottery Heritage Fund, from "
                "the expression of interest to delivery and evaluation.",
            ),
            S(
                "Trusts and foundations fundraising",
                ["Trust fundraising", "Foundation grants", "Charitable trusts"],
                "LAMS",
                "Researching and building relationships with charitable trusts and foundations, and "
                "applying to them for grants.",
            ),
            S(
                "Writing a case for support",
                ["Case for support", "Fundraising case", "Case for giving"],
                "LAMS",
                "Setting out compellingly why an organisation or project needs support, what difference "
                "the money will make and why now, for use across fundraising.",
            ),
            S(
                "Individual giving and donations",
                ["Individual giving", "Donations", "Regular giving", "Donation boxes"],
                "LAMS",
                "Encouraging the public to donate, from donation boxes and appeals to regular giving, "
                "and thanking and keeping donors.",
            ),
            S(
                "Membership and Friends schemes",
                ["Friends schemes", "Membership schemes", "Patrons schemes"],
                "LAM",
                "Running membership, Friends and patrons schemes that generate income and loyalty, with "
                "benefits people value.",
            ),
            S(
                "Legacy fundraising",
                ["Legacies", "Gifts in wills", "Legacy giving"],
                "LAM",
                "Sensitively encouraging supporters to leave a gift in their will, and managing "
                "legacies when they arrive.",
            ),
            S(
                "Corporate partnerships and sponsorship",
                ["Corporate sponsorship", "Sponsorship", "Corporate fundraising"],
                "LAMS",
                "Winning and managing support from businesses, including sponsorship, partnerships and "
                "employee giving, with clear benefits on both sides.",
            ),
            S(
                "Major donor fundraising",
                ["Major gifts", "Philanthropy", "Major donors"],
                "LAM",
                "Identifying, cultivating and asking people who can give large gifts, through "
                "long-term personal relationships.",
            ),
            S(
                "Crowdfunding",
                ["Crowdfunding campaigns", "Online giving", "Community fundraising"],
                "LAMS",
                "Running online campaigns that raise money from many small donations, often for a "
                "specific project or acquisition.",
            ),
            S(
                "Gift Aid and fundraising regulation",
                ["Gift Aid", "Fundraising Code of Practice", "Fundraising Regulator"],
                "LAM",
                "Claiming Gift Aid correctly and fundraising within the law, the Code of Fundraising "
                "Practice and data protection rules.",
            ),
            S(
                "Commercial income and trading",
                ["Trading income", "Venue hire", "Retail", "Commercial development"],
                "LAM",
                "Earning income from shops, cafés, venue hire, events and services, while keeping it in "
                "line with the organisation's mission.",
            ),
            S(
                "Grant management and funder reporting",
                ["Grant management", "Funder reporting", "Grant compliance"],
                "LAMS",
                "Managing a funded project to the grant's conditions, tracking spending and outcomes, "
                "and reporting to funders on time.",
            ),
        ],
    ),
    # A21
    Area(
        "Partnerships and advocacy",
        ["Partnerships", "Advocacy", "Stakeholder relations"],
        "LAMS",
        "Working with other organisations to achieve more together, and influencing decision-makers "
        "and funders on behalf of the organisation and the sector.",
        [
            S(
                "Building and managing partnerships",
                ["Partnership working", "Collaboration", "Partnership agreements", "Joint working"],
                "LAMS",
                "Finding the right partners, agreeing shared aims and roles, and keeping partnerships "
                "healthy and productive over time.",
            ),
            S(
                "Stakeholder mapping and management",
                ["Stakeholder mapping", "Stakeholder analysis", "Stakeholder engagement"],
                "LAMS",
                "Identifying who has an interest or influence in the organisation's work, and planning "
                "how to engage each of them.",
            ),
            S(
                "Advocacy and influencing",
                ["Influencing skills", "Advocacy campaigns", "Lobbying"],
                "LAMS",
                "Making the case for a service or cause to the people who can support it, with "
                "clear messages, evidence and relationships.",
            ),
            S(
                "Working with local government and elected members",
                ["Working with councillors", "Local authority relations", "Elected members"],
                "LAMS",
                "Understanding how councils work, and building constructive relationships with "
                "councillors and officers who shape services and funding.",
            ),
            S(
                "Political awareness",
                ["Political literacy", "Policy landscape", "Understanding the policy context"],
                "LAMS",
                "Understanding national and local policy and politics, and how they affect the "
                "organisation, so as to act at the right time and in the right way.",
            ),
            S(
                "Consortia and shared services",
                ["Consortia", "Shared services", "Collaborative working across organisations"],
                "LAMS",
                "Setting up and running consortia, joint schemes and shared services that let "
                "organisations pool resources.",
            ),
            S(
                "Higher education partnerships",
                [
                    "University partnerships",
                    "Knowledge exchange",
                    "Collaborative doctoral partnerships",
                    "Academic collaboration",
                ],
                "LAM",
                "Working with universities on research, teaching, student placements and knowledge "
                "exchange that benefit both sides.",
            ),
            S(
                "Partnerships with health and social care",
                ["NHS partnerships", "Health partnerships", "Integrated care systems"],
                "LAMS",
                "Building partnerships with health and social care services, understanding their "
                "structures, priorities and language.",
            ),
            S(
                "Partnerships with schools and colleges",
                ["Schools partnerships", "College partnerships", "Cultural Education Partnerships", "LCEPs"],
                "LAMS",
                "Working with schools, colleges and education networks in lasting partnerships, beyond "
                "one-off visits.",
            ),
            S(
                "Professional networking",
                ["Networking", "Building networks", "Networking skills"],
                "LAMS",
                "Building and keeping a network of contacts in and beyond the sector to share ideas, "
                "learn and open doors.",
            ),
            S(
                "Negotiation",
                ["Negotiating", "Negotiation skills", "Reaching agreements"],
                "LAMS",
                "Preparing for and conducting negotiations to reach agreements that work for all parties.",
            ),
            S(
                "Responding to policy consultations",
                ["Consultation responses", "Policy responses", "Evidence submissions"],
                "LAMS",
                "Writing responses to government and sector consultations and inquiries that present "
                "the organisation's evidence and views persuasively.",
            ),
        ],
    ),
    # A22
    Area(
        "Volunteer management",
        ["Volunteering", "Volunteer coordination", "Working with volunteers", "Volunteer engagement"],
        "LAMS",
        "Involving volunteers well: recruiting, supporting, recognising and learning from them, and "
        "managing volunteer programmes within the law and good practice.",
        [
            S(
                "Volunteer recruitment",
                ["Recruiting volunteers", "Volunteer role descriptions", "Volunteer recruitment campaigns"],
                "LAMS",
                "Designing meaningful volunteer roles and attracting and selecting a diverse range of "
                "volunteers to fill them.",
            ),
            S(
                "Volunteer induction and training",
                ["Volunteer induction", "Training volunteers", "Volunteer onboarding"],
                "LAMS",
                "Introducing volunteers to the organisation and their role, and giving them the "
                "training they need to volunteer safely and well.",
            ),
            S(
                "Volunteer supervision and support",
                ["Supporting volunteers", "Volunteer supervision", "Volunteer retention"],
                "LAMS",
                "Supporting volunteers day to day, keeping in touch, handling problems and helping "
                "them stay involved.",
            ),
            S(
                "Volunteer policy and good practice",
                ["Volunteer policy", "Investing in Volunteers", "Volunteer agreements"],
                "LAMS",
                "Writing volunteer policies and agreements and following recognised good practice "
                "standards for volunteer involvement.",
            ),
            S(
                "Inclusive and supported volunteering",
                ["Supported volunteering", "Volunteering for wellbeing", "Diverse volunteer programmes"],
                "LAMS",
                "Opening volunteering to people who face barriers, such as disabled people or those "
                "recovering from ill health, with the extra support they need.",
            ),
            S(
                "Youth volunteering",
                ["Young volunteers", "Duke of Edinburgh volunteering", "Youth social action"],
                "LAMS",
                "Involving young people as volunteers, including school schemes and the Duke of "
                "Edinburgh's Award, with age-appropriate roles and safeguarding.",
            ),
            S(
                "Online and micro-volunteering",
                ["Online volunteering", "Virtual volunteering", "Micro-volunteering"],
                "LAMS",
                "Offering volunteer tasks that can be done remotely or in short bursts, such as "
                "transcription or tagging, and keeping remote volunteers engaged.",
            ),
            S(
                "Volunteer recognition",
                ["Recognising volunteers", "Volunteers' Week", "Thanking volunteers"],
                "LAMS",
                "Thanking and celebrating volunteers in ways that matter to them, formally and informally.",
            ),
            S(
                "Community-managed and volunteer-led services",
                [
                    "Community-managed libraries",
                    "Volunteer-run museums",
                    "Volunteer-led services",
                    "Community-run libraries",
                ],
                "LAM",
                "Setting up, supporting or running services that are led by volunteers or community "
                "groups, including governance, training and sustainability.",
            ),
            S(
                "Volunteer expenses, insurance and legal issues",
                ["Volunteer expenses", "Volunteer insurance", "Volunteers and employment law"],
                "LAMS",
                "Handling the legal and practical side of volunteering, such as expenses, insurance, "
                "checks and keeping the volunteer relationship distinct from employment.",
            ),
            S(
                "Volunteer impact measurement",
                ["Measuring volunteer impact", "Volunteering outcomes", "Volunteer data"],
                "LAMS",
                "Measuring what volunteers contribute and what they gain, to improve programmes and "
                "show their value.",
            ),
        ],
    ),
    # A23
    Area(
        "Customer service and visitor experience",
        ["Front of house", "Visitor services", "Public service skills"],
        "LAMS",
        "Welcoming and helping the people who use a service, in person and remotely, and designing "
        "a good experience from first contact to return visit.",
        [
            S(
                "Customer service skills",
                ["Customer care", "Customer care skills", "Customer-focused service"],
                "LAMS",
                "Helping customers courteously and effectively, listening to what they need and "
                "following through.",
            ),
            S(
                "Visitor welcome and orientation",
                ["Visitor welcome", "Front-of-house welcome", "Greeting visitors", "Wayfinding"],
                "LAM",
                "Greeting visitors warmly, helping them find their way and get the most from their visit.",
            ),
            S(
                "Handling complaints",
                ["Complaints handling", "Dealing with complaints", "Service recovery"],
                "LAMS",
                "Listening to complaints, putting things right where possible, and using complaints to "
                "improve services.",
            ),
            S(
                "Managing challenging behaviour",
                ["Challenging behaviour", "De-escalation", "Dealing with difficult customers"],
                "LAMS",
                "Responding calmly and safely to aggressive, disruptive or distressed behaviour, "
                "de-escalating situations and knowing when to get help.",
            ),
            S(
                "Visitor experience design",
                ["Visitor journey mapping", "Customer journey", "Visitor experience planning"],
                "LAM",
                "Looking at every stage of a visit or service from the user's point of view, and "
                "redesigning it to be easy, enjoyable and memorable.",
            ),
            S(
                "Library circulation services",
                [
                    "Issues and returns",
                    "Circulation desk",
                    "Self-service kiosks",
                    "Reservations and renewals",
                ],
                "L",
                "Handling library membership, loans, returns, reservations, fines and self-service, "
                "and helping borrowers with their accounts.",
            ),
            S(
                "Telephone, email and online enquiries",
                ["Telephone skills", "Email enquiries", "Remote enquiries", "Live chat"],
                "LAMS",
                "Dealing with enquiries by phone, email, chat and social media promptly, clearly and "
                "in the right tone.",
            ),
            S(
                "Customer service standards",
                ["Service standards", "Customer Service Excellence", "Service charters"],
                "LAMS",
                "Setting and meeting clear standards for customer service, and working to frameworks "
                "such as Customer Service Excellence.",
            ),
            S(
                "Ticketing and admissions",
                ["Admissions", "Ticketing systems", "Box office"],
                "LAM",
                "Running admissions, ticketing and booking systems, including pricing, capacity and "
                "handling money.",
            ),
            S(
                "Group visits and bookings",
                ["Group bookings", "Tour groups", "Coach parties"],
                "LAM",
                "Taking bookings from and hosting school, community and tour groups, from enquiry to "
                "the visit itself.",
            ),
            S(
                "Gallery hosting and invigilation",
                ["Invigilation", "Gallery assistants", "Visitor hosts"],
                "AM",
                "Looking after galleries and visitors at the same time: protecting objects, answering "
                "questions and starting conversations.",
            ),
            S(
                "Visitor feedback and mystery shopping",
                ["Mystery shopping", "Customer feedback", "Visitor feedback"],
                "LAMS",
                "Gathering feedback from users and mystery shoppers and acting on it to improve the "
                "experience.",
            ),
        ],
    ),
    # A24
    Area(
        "Copyright, licensing and information law",
        ["Copyright", "Intellectual property", "Information law", "Legal compliance"],
        "LAMS",
        "Understanding and applying the law on copyright, licensing, data protection and access to "
        "information in cultural and learning settings.",
        [
            S(
                "Copyright essentials",
                ["Copyright law", "UK copyright", "Copyright basics", "CDPA 1988"],
                "LAMS",
                "Understanding what copyright protects, how long it lasts, who owns it and what counts "
                "as infringement.",
            ),
            S(
                "Copyright exceptions for libraries, archives and museums",
                ["Fair dealing", "Library copying exceptions", "Preservation copying", "Fair use"],
                "LAM",
                "Using the exceptions in copyright law that let cultural and educational organisations "
                "copy, preserve and give access without permission.",
            ),
            S(
                "Rights clearance and orphan works",
                ["Rights clearance", "Orphan works", "Permissions", "Diligent search"],
                "LAM",
                "Finding and contacting rights holders to get permission, and managing the risk when "
                "owners cannot be traced.",
            ),
            S(
                "Open licensing and Creative Commons",
                ["Creative Commons", "CC licences", "Open licences", "Open Government Licence"],
                "LAMS",
                "Choosing and applying open licences such as Creative Commons, and understanding the "
                "conditions of openly licensed content.",
            ),
            S(
                "E-resource licensing",
                ["Electronic resources licensing", "Database licences", "Licence negotiation"],
                "LS",
                "Negotiating and managing licences for e-books, e-journals and databases, and making "
                "sure use stays within their terms.",
            ),
            S(
                "Rights and reproductions services",
                ["Image licensing", "Picture library", "Reproduction rights", "Image reproduction requests"],
                "LAM",
                "Supplying and licensing images and copies of collections to users, with suitable "
                "permissions, charges and terms.",
            ),
            S(
                "Data protection (UK GDPR)",
                ["UK GDPR", "GDPR", "Data Protection Act 2018", "Data protection compliance"],
                "LAMS",
                "Handling personal data lawfully, fairly and securely under the UK GDPR and Data "
                "Protection Act, including privacy notices and breach reporting.",
            ),
            S(
                "Handling subject access requests",
                ["Subject access requests", "DSAR", "Data subject access requests"],
                "LAMS",
                "Responding to people's requests for their own personal data correctly and on time.",
            ),
            S(
                "Freedom of information",
                [
                    "FOI",
                    "FOI requests",
                    "Freedom of Information Act",
                    "Environmental Information Regulations",
                ],
                "LAMS",
                "Responding to requests for information held by public bodies, applying the law's "
                "exemptions and time limits.",
            ),
            S(
                "Information governance",
                ["Information assurance", "Data governance", "Information governance framework"],
                "LAMS",
                "Setting the policies, roles and controls that make sure information is handled "
                "lawfully, securely and well across an organisation.",
            ),
            S(
                "Copyright in teaching and learning",
                ["Educational copyright", "CLA licence", "Copyright for teachers", "ERA licence"],
                "LS",
                "Understanding how copyright and educational licences apply to copying and sharing "
                "materials in teaching, in person and online.",
            ),
            S(
                "Moral rights and artists' rights",
                ["Moral rights", "Artist's resale right", "Attribution rights"],
                "LAM",
                "Respecting creators' rights to be credited and to object to harmful treatment of their "
                "work, and related rights such as resale royalties.",
            ),
        ],
    ),
    # A25
    Area(
        "Heritage interpretation and exhibitions",
        ["Interpretation", "Exhibitions", "Curatorial practice", "Exhibitions and display"],
        "LAM",
        "Telling the stories of collections, places and people through exhibitions, text, tours and "
        "digital media, and the research and curation behind them.",
        [
            S(
                "Interpretation planning",
                ["Interpretive planning", "Interpretation strategy", "Interpretation plan"],
                "LAM",
                "Deciding what stories to tell, to whom and through which media, and writing an "
                "interpretation plan for a site, gallery or exhibition.",
            ),
            S(
                "Writing interpretive text",
                ["Label writing", "Panel text", "Gallery text", "Writing for exhibitions"],
                "LAM",
                "Writing concise, engaging labels, panels and captions that visitors will read and "
                "understand.",
            ),
            S(
                "Exhibition development and curation",
                ["Curating exhibitions", "Exhibition planning", "Curation"],
                "LAM",
                "Developing an exhibition from idea to opening: concept, object selection, narrative, "
                "budget, schedule and team.",
            ),
            S(
                "Exhibition design and installation",
                ["Exhibition build", "Install and de-install", "Display design", "Exhibition installation"],
                "LAM",
                "Designing layouts and displays and installing and removing exhibitions safely, "
                "including mounts, cases, lighting and graphics.",
            ),
            S(
                "Touring exhibitions",
                ["Touring shows", "Travelling exhibitions", "Exhibition touring"],
                "LAM",
                "Developing exhibitions that travel to several venues, or hosting them, with the "
                "contracts, logistics and adaptation involved.",
            ),
            S(
                "Guided tours and live interpretation",
                ["Guided tours", "Tour guiding", "Live interpretation", "Costumed interpretation"],
                "LAM",
                "Leading tours and interpreting collections and places in person, including "
                "character-based and first-person interpretation.",
            ),
            S(
                "Digital interpretation",
                ["Audio guides", "Multimedia guides", "Interactive displays", "Digital labels"],
                "LAM",
                "Using audio guides, apps, screens and interactives to interpret collections and "
                "places, and deciding when digital media help.",
            ),
            S(
                "Interpreting difficult histories",
                [
                    "Difficult heritage",
                    "Contested histories",
                    "Sensitive histories",
                    "Interpreting slavery and empire",
                ],
                "LAM",
                "Presenting painful or contested histories, such as slavery, conflict and empire, "
                "honestly and sensitively, with the communities concerned.",
            ),
            S(
                "Collections research and subject knowledge",
                ["Collections research", "Object research", "Curatorial research", "Subject specialism"],
                "LAM",
                "Researching objects and collections and developing subject expertise to inform "
                "interpretation, cataloguing and public enquiries.",
            ),
            S(
                "Historic sites and buildings interpretation",
                ["Historic houses", "Site interpretation", "Landscape interpretation"],
                "AM",
                "Interpreting historic buildings, gardens and landscapes, where the place itself is the "
                "main thing to understand.",
            ),
            S(
                "Library and archive displays",
                ["Library displays", "Archive exhibitions", "Showcase displays", "Pop-up exhibitions"],
                "LA",
                "Creating small exhibitions and displays in libraries and archives that showcase "
                "collections safely and attract interest.",
            ),
            S(
                "Intangible cultural heritage",
                ["ICH", "Living heritage", "Traditional crafts and customs"],
                "LAM",
                "Recognising, documenting and supporting living heritage such as traditions, crafts, "
                "music and festivals, with the communities that keep it alive.",
            ),
            S(
                "Public talks and lectures",
                ["Gallery talks", "Curator talks", "Lectures", "Lunchtime talks"],
                "LAM",
                "Planning and giving talks and lectures that share research and collections with "
                "public audiences.",
            ),
        ],
    ),
]

# ESCO v1.1.1 crosswalk: our skill's preferred label -> [(relation, ESCO skill UUID)].
# The comment after each pair gives the ESCO preferred label, for reviewers.
ESCO: dict[str, list[tuple[str, str]]] = {
    "Collections development policy": [
        ("broad", "6c8ed0d1-4fc9-41a6-9587-6dbc82cabfc3"),  # collection management
    ],
    "Stock selection and acquisitions": [
        ("close", "bfdfba8e-5ceb-4bad-9a02-b7f8149be4b1"),  # select new library items to acquire
        ("close", "ffe9b8ef-f32a-42a9-a256-38e7967fbe23"),  # buy new library items
    ],
    "Stock weeding and withdrawal": [
        ("close", "3cf44236-7030-4889-ba65-acfecb0d6d86"),  # evaluate library materials
    ],
    "Spectrum collections documentation": [
        ("close", "b52d040e-0f04-4ba5-8d1c-71db7dd7e8a6"),  # document museum collection
        ("close", "f509c7cb-ec40-49b8-a2eb-c3bc35934bbc"),  # maintain museum records
    ],
    "Inventory and location control": [
        ("close", "27d1012f-0ad8-42fb-b342-0e7ef12d22d1"),  # compile detailed collection inventory
        ("narrow", "704c0b98-7083-4b23-b6e5-18f5a6342324"),  # maintain library inventory
    ],
    "Object loans management": [
        ("close", "5ef628ac-c5a1-4150-a115-f864343dcb24"),  # manage loan administration
        ("narrow", "a1380a9d-a659-42c7-885b-4c1d2fea6bef"),  # prepare loan contracts
    ],
    "Provenance research and due diligence": [
        ("broad", "db27065e-3c06-4f89-aa55-48fd87dabf82"),  # study a collection
    ],
    "Significance assessment and collections review": [
        ("close", "db27065e-3c06-4f89-aa55-48fd87dabf82"),  # study a collection
    ],
    "Collections management systems": [
        ("close", "5fd6c193-93c6-4f2d-bf9b-e0debb851f2d"),  # collection management software
        ("close", "c1b4aa1e-bc42-49e4-952a-0cbd45f1d57b"),  # museum databases
    ],
    "Preventive conservation": [
        ("broad", "397afe57-de4d-4db6-a889-cc1de4cac0a1"),  # establish high standards of collections care
    ],
    "Condition checking and condition reporting": [
        ("close", "15425788-7ab8-4e26-be95-009afb3ee289"),  # compose condition reports
        ("close", "6a429716-fa3d-453f-9b0c-658d25ed0085"),  # assess museum object condition
    ],
    "Environmental monitoring and control": [
        ("close", "5f6fe86c-2b73-4116-9086-a38373bc9a0a"),  # monitor museum environment
    ],
    "Object handling and packing": [
        ("close", "e3e95567-666a-42bd-8565-ed3e4d3bb378"),  # handle artworks
    ],
    "Emergency planning and salvage": [
        ("broad", "bc70f963-c1c0-49a5-b940-3e28e163db45"),  # plan measures to safeguard cultural heritage
    ],
    "Conservation needs assessment": [
        ("close", "1e25d043-0307-4e50-8a19-9e7cce22caea"),  # assess conservation needs
        ("close", "0cb35854-7d5e-4f88-83a4-64431cfe58ca"),  # create collection conservation plan
    ],
    "Interventive conservation": [
        ("broad", "20b9852f-a445-4097-8273-4a18fa6bfff0"),  # apply restoration techniques
    ],
    "Storage and housing of collections": [
        ("narrow", "5119a6dd-64ca-48e5-a906-85b9ab84aefd"),  # store archival documents
    ],
    "Collections security": [
        ("broad", "48edcf6a-b225-477e-9cfe-6dc3c4f486a8"),  # implement risk management for works of art
        ("narrow", "1a2949ca-8b39-4fd6-9a48-4b704bdc6eff"),  # ensure safety of exhibition
    ],
    "MARC21 and RDA cataloguing": [
        ("broad", "bcdfc41b-1fca-43ee-b07b-2b574dae763d"),  # classify library materials
    ],
    "Copy cataloguing": [
        ("broad", "bcdfc41b-1fca-43ee-b07b-2b574dae763d"),  # classify library materials
    ],
    "Subject indexing and controlled vocabularies": [
        ("broad", "bf05da8d-772a-4423-adb2-df79672f46f7"),  # organise information
    ],
    "Library classification schemes": [
        ("close", "bcdfc41b-1fca-43ee-b07b-2b574dae763d"),  # classify library materials
    ],
    "Archival description (ISAD(G))": [
        ("close", "4d9a5cf4-8858-4ed4-afb6-9263612cd61e"),  # contextualise records collection
    ],
    "Museum object cataloguing": [
        ("close", "70c39902-37ed-442b-8e6d-9632212ac790"),  # maintain catalogue collection
    ],
    "Metadata standards and schemas": [
        ("close", "9710092c-f174-4e84-95bf-2064d39ad7a0"),  # manage content metadata
    ],
    "Linked open data": [
        ("narrow", "5da8018b-ae85-4cde-ad93-0394369018f3"),  # SPARQL
    ],
    "Thesaurus and taxonomy development": [
        ("close", "cb89a5c0-b5cb-4c62-8e7e-7714631b66b5"),  # create semantic trees
    ],
    "Records management": [
        ("exact", "12428071-1ec8-4d52-a0ce-3eee78e1e1be"),  # perform records management
    ],
    "Records retention scheduling": [
        ("broad", "12428071-1ec8-4d52-a0ce-3eee78e1e1be"),  # perform records management
    ],
    "File plans and business classification schemes": [
        ("close", "49812c2d-3a36-4be8-bd41-8c0be3db7c6d"),  # develop classification systems
    ],
    "Electronic records management systems": [
        ("close", "d4f9906e-3b22-4c27-9b32-1c1f457ced44"),  # oversee record management
    ],
    "Searchroom and reading room services": [
        ("close", "08a2ff87-09e7-4899-a47c-8ab81702d08d"),  # aid archive users with their enquiries
        ("narrow", "b997afc1-19a7-4208-8010-fa0ffef15799"),  # manage archive users guidelines
    ],
    "Family history and genealogy support": [
        ("close", "ab0bc977-8b71-48f7-bfcc-a8f92ec03e34"),  # research family histories
        ("close", "f41bf7ed-c241-4d36-8e7f-f5316faf9e98"),  # genealogy
    ],
    "Oral history": [
        ("broad", "896563fc-6255-4419-89c2-ffed30159ad6"),  # conduct research interview
    ],
    "Office productivity software": [
        ("close", "cf310cff-0d28-4dbc-9dbb-cc500a3196c2"),  # office software
        ("narrow", "f683ae1d-cb7c-4aa1-b9fe-205e1bd23535"),  # use microsoft office
    ],
    "Spreadsheets and data handling": [
        ("exact", "1973c966-f236-40c9-b2d4-5d71a89019be"),  # use spreadsheets software
    ],
    "Online collaboration tools": [
        ("close", "580660a6-5d3a-421d-a54f-d85b706c2b2f"),  # use online tools to collaborate
    ],
    "Website management": [
        ("close", "d04ee340-5378-4601-8181-19da6d5cbfe0"),  # manage website
        ("narrow", "56a10e3e-c9e7-4d39-b6f1-6013398fcb3a"),  # use content management system software
    ],
    "Digital content creation": [
        ("close", "5fd5c985-eaaa-47aa-8314-62359c54505a"),  # develop digital content
    ],
    "Cyber security awareness": [
        ("close", "df329d70-87b0-466b-a214-3431f36e2a5e"),  # protect ICT devices
    ],
    "Databases and data management": [
        ("close", "4463a721-69f3-413d-8321-43e3af13a4f1"),  # use databases
    ],
    "Immersive and emerging technologies": [
        ("narrow", "5da42cfd-1da8-4e4f-b68e-4f821d005fc5"),  # virtual reality
        ("narrow", "abdc7ac8-151f-40c6-bc1a-1e9b4b073290"),  # augmented reality
    ],
    "User research and service design": [
        ("narrow", "a4c2aa71-086f-4a46-b481-2619673c9dfe"),  # execute ICT user research activities
    ],
    "Digitisation planning and workflows": [
        ("narrow", "367c240d-5f34-423a-86b1-866ad27206ea"),  # digitise documents
    ],
    "Digital preservation planning": [
        ("broad", "6e3e5c17-0d46-4376-9928-8dbaaea27164"),  # conserve new media
    ],
    "File formats and format migration": [
        ("close", "020918ef-4b55-47c1-8430-ab7b8f6a7377"),  # migrate existing data
    ],
    "Born-digital archives": [
        ("broad", "fa3e5cec-703e-4d46-b3bb-e8a89540ab54"),  # manage digital archives
    ],
    "Digital repositories": [
        ("close", "14525f24-afb4-4a4e-80a7-facf27080cdd"),  # manage digital libraries
    ],
    "Media literacy and misinformation": [
        ("close", "fef96bad-e623-42cd-b961-d1adf39db8b9"),  # media and information literacy
    ],
    "Reference and enquiry services": [
        ("close", "7dc3d869-2a60-425f-8557-ad40eaaefc80"),  # analyse library users' queries
        ("close", "34982b79-842f-4835-8598-d27793731d26"),  # manage library users queries
        ("narrow", "4bf37ee3-2c8b-44cc-9f91-3eeda46e8c5b"),  # assess informational needs
    ],
    "Literature searching and evidence reviews": [
        ("close", "0d282d6e-8cb9-4339-8e7d-cfafed96b5ed"),  # conduct literature research
    ],
    "Research data management": [
        ("close", "08b04e53-ed25-41a2-9f90-0b9cd939ba3d"),  # manage research data
        (
            "close",
            "4f5c1208-62fd-4e5a-a51e-306c06947e11",
        ),  # manage findable accessible interoperable and reusable data
    ],
    "Open access and scholarly communications": [
        ("close", "da930e2f-6047-4616-a598-bba8ecef3039"),  # manage open publications
    ],
    "Knowledge management": [
        ("exact", "8622f74f-61b7-4664-862a-7c1dea8041f0"),  # knowledge management
    ],
    "Reader-centred stock promotion": [
        ("narrow", "f645997b-e5a3-47e4-b715-65bbfb3e69f5"),  # display library material
    ],
    "Rhyme time and early years sessions": [
        ("broad", "702853b4-dda8-4ce1-b721-b7ccc06c19ea"),  # develop library educational programs
    ],
    "Author events and literature festivals": [
        ("close", "46aa40cf-6b18-4567-8ad7-bb0f18684333"),  # assist with book events
    ],
    "Storytelling": [
        ("close", "1ef9cce1-bce6-4ec6-9071-41348f4c1acd"),  # tell a story
    ],
    "Creative writing workshops": [
        ("close", "1b957e3d-0017-42b0-9bfe-49a1cdd31de7"),  # teach writing
    ],
    "Adult literacy teaching": [
        ("close", "2c66f1a3-0f4c-498c-acbe-1b369dfcb6f2"),  # teach literacy as a social practice
    ],
    "Adult numeracy teaching": [
        ("close", "1c8cf387-396b-4311-af1f-87f404bb1aa1"),  # teach basic numeracy skills
    ],
    "ESOL teaching": [
        ("narrow", "3f8669a4-402d-4479-8772-98e4c0a79919"),  # teach ESOL language class
        ("narrow", "d4571b99-fac8-4cf7-8944-fdae399f4413"),  # teach ESOL literacy class
    ],
    "Essential digital skills support": [
        ("close", "c8fa4313-80b0-4f37-8b1b-1739707bc362"),  # teach digital literacy
        ("close", "f0f2da78-ef60-4653-b2c8-ff0a7a9ea2f8"),  # instruct library users in digital literacy
    ],
    "Initial and diagnostic assessment": [
        ("close", "135192cb-84e4-4b70-8946-fbe5041b26cd"),  # learning needs analysis
    ],
    "Employability skills and job clubs": [
        ("close", "7903f946-aeff-4024-b146-8e48018d4eb9"),  # provide assistance with job search
        ("narrow", "b343772a-0442-439c-b955-6d8a393bccc7"),  # organise job search workshops
    ],
    "Careers information, advice and guidance": [
        ("close", "fd88851f-4d1d-4de8-aee1-4464c3012969"),  # provide career counselling
        ("narrow", "3fcc49e8-71f8-4265-9e48-2e8c3465340a"),  # provide information on study programmes
    ],
    "Schools programmes and curriculum links": [
        ("broad", "8af15e52-c743-43da-94aa-c4ea52d4f3e8"),  # conduct educational activities
        ("narrow", "d2a705e7-2e27-47ba-a8d9-46f30de7f2e2"),  # promote cultural venue in schools
    ],
    "Youth programmes and youth voice": [
        ("close", "114f2179-b625-4333-b9f9-fe6a846a7c36"),  # plan youth activities
    ],
    "Adult and community learning courses": [
        ("close", "f7dcf2e2-95f6-4061-a977-8d4c16dbceb2"),  # teach further education
        ("close", "60856bbb-e5db-4398-babb-300a24a7fe97"),  # adult education
    ],
    "Self-guided learning resources": [
        ("close", "3a5b7435-c262-4a9d-893d-ee6c19bd9d92"),  # develop educational resources
    ],
    "Learning strategy and programme planning": [
        ("narrow", "47101792-be87-41a4-b64f-713fbcea8277"),  # create cultural venue learning strategies
        ("close", "9525dcdf-5085-4143-bbae-544263acd63a"),  # coordinate educational programmes
    ],
    "Training needs analysis": [
        ("exact", "4dafe480-f2ae-46b5-bd5e-8d4e538f50c7"),  # identify training needs
    ],
    "Session planning and delivery": [
        ("narrow", "20f57a7f-b90e-4403-8c77-5ddd89b5835b"),  # prepare lesson content
        ("narrow", "90e8f54b-064f-4721-8ccc-b5f61968b227"),  # organise training
    ],
    "Adult learning principles": [
        ("broad", "60856bbb-e5db-4398-babb-300a24a7fe97"),  # adult education
    ],
    "Online and blended learning design": [
        ("close", "3d957fb2-b8f4-4b4c-b955-23299c761ad5"),  # design web-based courses
        ("close", "b363bb5f-2c79-40af-94da-33e06f9dee9f"),  # apply blended learning
    ],
    "Virtual learning environments": [
        ("close", "b78f324d-e16c-43f8-97d2-50d3a7cd1fb3"),  # work with virtual learning environments
        ("close", "6c80d53c-d8c9-41fe-998f-091fca208834"),  # learning management systems
    ],
    "Assessment and feedback": [
        ("close", "6fe019dd-027f-45f3-b19c-d27f7ae00980"),  # assess students
        ("narrow", "b9bb1f03-15e2-4079-943e-7e483b21725b"),  # give constructive feedback
    ],
    "Inclusive teaching and differentiation": [
        ("close", "573d3f91-c81c-407e-a56d-0f3a63272b43"),  # adapt teaching to student's capabilities
        ("narrow", "e3ef4981-2cba-4b34-b273-728c3a33d04f"),  # apply intercultural teaching strategies
    ],
    "Coaching": [
        ("close", "0cc9c234-f817-4f4c-908a-4d28fe3b0f4a"),  # coach employees
    ],
    "Mentoring": [
        ("close", "a584a638-a2c0-4b3c-bdf3-a64f87225be9"),  # mentor individuals
    ],
    "Presentation and public speaking": [
        ("close", "c55caed2-de9e-4a25-819e-a0b0e83fba1b"),  # give live presentation
    ],
    "Reflective practice and CPD planning": [
        ("close", "a8d24a95-47b3-4f88-92e7-06600bcd3612"),  # manage personal professional development
    ],
    "Community engagement planning": [
        ("close", "28f98c7e-b89c-4b4d-ae0a-0c5a6328992e"),  # build community relations
    ],
    "Outreach programmes": [
        ("narrow", "1c66359a-5d68-4526-86ab-4a2c554aab57"),  # create cultural venue outreach policies
    ],
    "Asset-based community development": [
        ("broad", "28ca2f0b-9fb2-487a-9f10-9688e5191ec4"),  # work within communities
    ],
    "Engaging under-represented communities": [
        ("close", "19ae47ed-6368-448a-b237-4fd270fc6d4c"),  # work for public inclusion
    ],
    "Community consultation": [
        ("narrow", "5f00bf83-f776-4488-b312-6725f8b6783a"),  # conduct public surveys
    ],
    "Working with refugees and asylum seekers": [
        (
            "close",
            "f524f72e-d3d0-4691-9c57-d19756d8b847",
        ),  # support migrants to integrate in the receiving country
    ],
    "Citizen science and crowdsourcing": [
        (
            "close",
            "fa642fc3-5cc5-41cf-8926-6617a8b976a7",
        ),  # promote the participation of citizens in scientific and research activities
    ],
    "Cultural competence and intercultural communication": [
        ("close", "7d23c508-c007-4221-bb84-0c9a479b8ea6"),  # show intercultural awareness
        (
            "close",
            "5ca953f7-541d-4f67-bc55-7721348366cf",
        ),  # respect the diversity of cultural values and norms
    ],
    "Inclusive recruitment and workforce diversity": [
        ("broad", "117df904-d348-4f14-bc92-feaaccba4ece"),  # promote inclusion in organisations
    ],
    "Disability awareness": [
        ("close", "6b28bb69-a6ef-42d4-84df-46e498f09297"),  # disability types
    ],
    "Web and digital accessibility (WCAG)": [
        ("close", "3e23db60-0c3d-498a-a6ac-ffbed0ecb033"),  # ICT accessibility standards
        (
            "narrow",
            "be64bb4c-84ac-4c83-8cc7-fc8593e15136",
        ),  # test system accessibility for users with special needs
    ],
    "Accessible information and Easy Read": [
        ("close", "5bac4bcc-1846-4688-ba02-ad2b51544282"),  # develop inclusive communication material
    ],
    "Deaf awareness and British Sign Language": [
        ("narrow", "e2088cd0-b174-468a-adc0-921efdadb337"),  # sign language
    ],
    "Neurodiversity awareness": [
        ("narrow", "586c5e11-b70d-499b-8589-b67e1ff3cc93"),  # autism
    ],
    "Dyslexia and specific learning difficulties support": [
        ("close", "731101d9-94bc-4805-bff4-9578d1bf03b5"),  # learning difficulties
    ],
    "Assistive technology": [
        ("narrow", "0e62eba3-d076-47e5-b22d-340a8faccb3b"),  # assistive technology in education
    ],
    "Safeguarding": [
        ("narrow", "98a0c718-40b1-4a4f-a366-b8155f238d9b"),  # promote the safeguarding of young people
        ("narrow", "995ad47c-bfc5-45fd-91ec-35cad3f7d368"),  # contribute to the safeguarding of children
    ],
    "Mental health awareness": [
        ("close", "7d8ca06a-f737-4927-96f2-de4f2cd15895"),  # identify mental health issues
    ],
    "Staff wellbeing and resilience": [
        (
            "close",
            "0ff9d03c-0430-4423-91d5-c2d3e12c3a22",
        ),  # assist in developing practices for well being of employees
    ],
    "Tackling loneliness and social isolation": [
        ("narrow", "f771d20c-815b-43e1-9355-b7f3f63a0b23"),  # promote prevention of social isolation
    ],
    "First aid": [
        ("exact", "1d21f6ad-340f-45da-a0a3-4e83867f47a6"),  # provide first aid
    ],
    "Health and safety": [
        ("close", "44e2c4c4-9fd2-42d4-a133-d81360ded4bc"),  # manage health and safety standards
        ("close", "bb663409-5c88-4e3a-bc16-01aa1c8ce171"),  # plan health and safety procedures
    ],
    "Lone working and personal safety": [
        ("broad", "b73035a9-bf06-412c-9796-db579f85995c"),  # work with respect for own safety
    ],
    "Audience development planning": [
        ("close", "3f24d74c-a8b6-425e-b197-85757cf657da"),  # develop visitor engagement strategies
    ],
    "Audience research and segmentation": [
        ("close", "8770350e-746f-4adb-9556-18ca68104be6"),  # market research
        ("narrow", "136e0cab-0b19-48f7-9086-745d615f416b"),  # customer segmentation
    ],
    "Marketing planning": [
        ("close", "08fd2839-670c-4f16-8024-97437f2035ab"),  # plan marketing strategy
    ],
    "Social media management": [
        ("close", "5303169c-75d6-4751-9136-a4b88343388c"),  # social media management
        ("close", "64e09849-a7db-4d6b-a932-66264420eb97"),  # apply social media marketing
    ],
    "Press and media relations": [
        ("close", "7edc05fe-378b-4c9e-bbb2-e5a29c5a845f"),  # perform public relations
        ("narrow", "7800332c-a8eb-4792-8d72-50d509616154"),  # draft press releases
    ],
    "Copywriting and writing for the web": [
        ("close", "ce592b28-4467-4908-b2e6-64bbe18da631"),  # perform copywriting
    ],
    "Plain English writing": [
        ("broad", "be40c4c3-a855-4d67-9ca5-6f4428c34b0d"),  # provide written content
    ],
    "Email marketing and CRM": [
        ("close", "36931cb7-ca3f-4be1-8428-f38eefc8e1ed"),  # execute email marketing
        ("close", "9889b795-d755-41b2-8afd-2e3c87a65a38"),  # use customer relationship management software
    ],
    "Digital marketing and web analytics": [
        ("close", "43dfbe7f-9e10-4871-b171-e5076737b4cf"),  # digital marketing techniques
        ("close", "1605025e-a179-421f-8f35-5b07d182a6b2"),  # web analytics
        ("narrow", "a0bf9b9d-e53f-418c-a839-5d99eff718fe"),  # conduct search engine optimisation
    ],
    "Event planning and management": [
        ("close", "2111dff8-f830-46ad-80ce-7885893b3134"),  # coordinate events
        ("close", "a4b7f1be-7058-45e4-ac90-66580499187f"),  # plan events
    ],
    "Internal communications": [
        ("close", "1f6eac42-e5aa-4fa7-a75d-a4eea12c618e"),  # disseminate internal communications
    ],
    "Crisis communications": [
        ("broad", "f780a6ad-b01e-4c35-9746-af8fc0c5ad06"),  # apply crisis management
    ],
    "Graphic design basics": [
        ("close", "f058bf62-70d1-4f5e-be2a-8b26fac24a96"),  # design graphics
    ],
    "Evaluation planning": [
        ("broad", "457c2e47-07e6-4073-827e-e1c21f3e5869"),  # evaluation theory and model
    ],
    "Outcome-based evaluation": [
        ("narrow", "728ad40d-4a79-4b4d-b77b-a48d094d73fa"),  # evaluate training
    ],
    "Survey and questionnaire design": [
        ("close", "5b6fb4d6-582e-4187-9f17-f6e582f8714f"),  # survey techniques
        ("close", "5f00bf83-f776-4488-b312-6725f8b6783a"),  # conduct public surveys
    ],
    "Qualitative and creative evaluation methods": [
        ("close", "fa465db3-56e8-4b5d-a781-e2a313a4ed2d"),  # conduct qualitative research
    ],
    "Data analysis and visualisation": [
        ("close", "c3e36d05-8ae8-447f-bb2b-6f9409f85389"),  # deliver visual presentation of data
        ("close", "2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f"),  # perform data analysis
    ],
    "Social value and return on investment": [
        ("broad", "48b68726-0fd6-4e03-a5eb-82236516ee7a"),  # provide cost benefit analysis reports
    ],
    "Performance indicators and benchmarking": [
        ("close", "8dcbcabe-09f7-4d11-940d-125af57bbc40"),  # track key performance indicators
        ("narrow", "82312096-4df8-49ce-9cdd-a6e08af56b45"),  # evaluate information services using metrics
    ],
    "Evaluation reporting": [
        ("close", "c544a9f3-5945-4b54-afed-de0697852817"),  # report analysis results
    ],
    "Data and evidence for advocacy": [
        ("close", "008fa98b-dba6-4abf-909e-04299728e3eb"),  # influence public policies
    ],
    "Research ethics and informed consent": [
        (
            "close",
            "833289fa-3646-4010-9d9e-93ba8c9ef2d8",
        ),  # apply research ethics and scientific integrity principles in research activities
    ],
    "Leading teams": [
        ("close", "1f1d2ff8-c4c1-45cc-9812-6a7ee84a73cb"),  # lead a team
    ],
    "Line management and supervision": [
        ("close", "9601b2a8-68e4-4906-9306-a23679b8f0b0"),  # supervise staff
        ("close", "339ac029-066a-4985-9f9d-b3d7c8fea0bb"),  # manage staff
    ],
    "Performance management and appraisal": [
        ("close", "8b9332c7-2551-4527-9a64-a615713d8b02"),  # evaluate employees
    ],
    "Conflict resolution and mediation": [
        ("close", "96de2e86-e287-41f2-88ab-15a2343afc6f"),  # resolve conflicts
        ("close", "afd49651-9119-4327-91fc-844a6dda1254"),  # conflict management
    ],
    "Change management": [
        ("close", "3c03ee71-4a23-448f-b79e-81fd75d27dca"),  # apply change management
    ],
    "Recruitment and selection": [
        ("exact", "496932f1-0b6b-4f73-9432-d95c7ddcd43b"),  # recruit employees
    ],
    "Employment law and HR essentials for managers": [
        ("broad", "97b713f0-b9e8-4903-8dee-7e0b4019a1c0"),  # employment law
    ],
    "Emotional intelligence": [
        ("exact", "f0a84d52-91fd-45ec-9fe9-e363d9318b9e"),  # have emotional intelligence
    ],
    "Problem solving and decision-making": [
        ("close", "adc6dc11-3376-467b-96c5-9b0a21edc869"),  # solve problems
        ("close", "03b9b491-fc9b-4868-914a-bf7cd47b5041"),  # create solutions to problems
    ],
    "Time management and delegation": [
        ("narrow", "b00e948c-19be-4951-8cff-60f88f1046e9"),  # delegate responsibilities
        ("narrow", "d9013e0e-e937-43d5-ab71-0e917ee882b8"),  # manage time
    ],
    "Compassionate and inclusive leadership": [
        ("broad", "d5145a9a-602e-40bf-b3e1-f04cf9c3ef86"),  # leadership principles
    ],
    "Strategic planning": [
        ("close", "949ced5f-7536-4614-ac60-563ffc91a2f2"),  # strategic planning
        ("narrow", "9714735d-6f60-440b-bdbc-aaf45ebcbe78"),  # analyse the context of an organisation
    ],
    "Business planning": [
        ("close", "ead58f22-0af5-467c-ac1e-b750e4e1ac6a"),  # develop business plans
    ],
    "Governance and working with boards": [
        ("narrow", "c0949c80-94c5-4bf1-8e05-ebed75807c01"),  # liaise with board members
        ("narrow", "8c82dc9c-4e3c-4b22-b177-bf84abb14465"),  # lead board meetings
    ],
    "Budget management": [
        ("exact", "21c5790c-0930-4d74-b3b0-84caf5af12ea"),  # manage budgets
    ],
    "Risk management": [
        ("close", "1dd23dba-dd00-45ab-abf4-642902538317"),  # perform risk analysis
    ],
    "Project management": [
        ("exact", "cd5efa8c-e44d-4cbc-91c6-796018dbed68"),  # perform project management
        ("close", "7111b95d-0ce3-441a-9d92-4c75d05c4388"),  # project management
    ],
    "Agile methods": [
        ("narrow", "0a9acb6b-1139-4be9-b431-3a80a959f2f4"),  # Agile project management
    ],
    "Accreditation and quality standards": [
        ("broad", "8d4271ca-c9fd-40b3-875f-15f78332a49e"),  # quality standards
    ],
    "Environmental sustainability and climate action": [
        ("narrow", "469e19ed-a0bd-445a-ae2d-4ba9430e296b"),  # promote sustainability
    ],
    "Procurement and contract management": [
        ("close", "92721092-fe7c-4689-96bd-4f02385bc0e7"),  # manage contracts
        ("narrow", "6789d5a3-34ca-4417-bb93-331319b01da3"),  # draft tender documentation
    ],
    "Options appraisal and business cases": [
        ("close", "48b68726-0fd6-4e03-a5eb-82236516ee7a"),  # provide cost benefit analysis reports
    ],
    "Service review and needs assessment": [
        ("narrow", "d39ee246-1eae-4e56-b7b7-ea341c6dfbfe"),  # evaluate cultural venue visitor needs
    ],
    "Policy development": [
        ("close", "3254275d-a1b5-4640-9481-02f38780ac35"),  # develop organisational policies
    ],
    "Buildings and facilities management": [
        ("close", "50f5e41d-7ce3-481b-aed7-ee9484545bc4"),  # facilities management in the organisation
    ],
    "Horizon scanning and futures thinking": [
        ("narrow", "7a17d7ce-01a2-4746-bbcc-22ffe22fa16e"),  # monitor technology trends
    ],
    "Bid writing": [
        ("close", "4f22e52e-5714-4de1-88f7-b3cdbb4f184e"),  # manage grant applications
        ("narrow", "88232a01-699b-4041-85bb-8ab7bc54bc21"),  # apply for library funding
        ("narrow", "c751974d-5d8a-4b16-806a-940bbdaf6a57"),  # apply for government funding
    ],
    "Arts Council funding applications": [
        ("broad", "4f22e52e-5714-4de1-88f7-b3cdbb4f184e"),  # manage grant applications
    ],
    "National Lottery Heritage Fund applications": [
        ("broad", "4f22e52e-5714-4de1-88f7-b3cdbb4f184e"),  # manage grant applications
    ],
    "Trusts and foundations fundraising": [
        ("narrow", "0ffce932-cec4-4fec-87e6-df23fb6bdc12"),  # find grants
    ],
    "Individual giving and donations": [
        ("broad", "526a0eaa-2bee-4e80-989f-cb36f9fbee47"),  # perform fundraising activities
    ],
    "Membership and Friends schemes": [
        ("close", "9f2385b1-4409-4db2-8342-77377d5b18df"),  # manage membership
    ],
    "Corporate partnerships and sponsorship": [
        ("close", "4617a4fb-87d7-4316-ae1e-7c9f7301c15b"),  # obtain sponsorship
    ],
    "Crowdfunding": [
        ("close", "27ddcef9-8522-4699-b0e6-2e2b10fd6d13"),  # create a crowdfunding campaign
        ("close", "1fc03dc8-0ee0-4876-83ec-86e0bfcb3876"),  # crowdfunding
    ],
    "Grant management and funder reporting": [
        ("narrow", "0b6cc8e4-b34d-4631-9061-3ba839ecc640"),  # report on grants
        ("narrow", "0761f325-13e7-49f4-a41a-ec64ba4e7b9d"),  # manage government-funded programmes
    ],
    "Building and managing partnerships": [
        ("close", "326809fc-238d-40c2-881e-40042f7f2f0d"),  # establish collaborative relations
        ("close", "20e7c937-a5e5-4a27-bb87-ddda5826f777"),  # liaise with cultural partners
    ],
    "Stakeholder mapping and management": [
        ("close", "1af2db15-2af9-44dd-9639-bf1fc69d4c34"),  # manage relationships with stakeholders
    ],
    "Advocacy and influencing": [
        ("close", "14d133af-6662-490e-9716-a4cc1e26676a"),  # advocate a cause
        ("narrow", "4095c6dd-3b00-44d1-9308-878e08737e92"),  # create advocacy material
    ],
    "Working with local government and elected members": [
        ("close", "2839f191-cd94-49a9-ac16-46018066b8b2"),  # liaise with local authorities
        ("close", "cd74c564-57af-4aa2-b775-13e7609ffca1"),  # liaise with politicians
    ],
    "Political awareness": [
        ("close", "812590e4-7108-4016-baba-957dcf8213ae"),  # keep updated on the political landscape
    ],
    "Higher education partnerships": [
        ("narrow", "988f4ac3-a37c-4b0a-a40f-4e0e56b5919e"),  # promote the transfer of knowledge
    ],
    "Partnerships with schools and colleges": [
        ("close", "078098e1-01f7-4654-9ddd-016f4063b54d"),  # cooperate with education professionals
    ],
    "Professional networking": [
        ("close", "bf5d77ad-e18c-48d8-83f0-bc79c011c74a"),  # develop professional network
    ],
    "Negotiation": [
        ("close", "7954861c-86d4-4529-afbb-2c23dab9ac74"),  # negotiate compromises
    ],
    "Volunteer recruitment": [
        ("broad", "2d667669-e738-41d2-8b6d-ff53fa952564"),  # involve volunteers
    ],
    "Volunteer induction and training": [
        ("close", "2c438b4b-4212-45f5-9625-ee21ac5061a9"),  # train volunteers
        ("narrow", "b5c027e0-1774-4cd1-973d-452dc03a8d23"),  # brief volunteers
    ],
    "Volunteer supervision and support": [
        ("close", "ee93e363-0c2b-40ed-bbf1-aa5aaf9683fe"),  # support volunteers
    ],
    "Online and micro-volunteering": [
        ("close", "5cbfa47c-5363-46f2-91e7-01909e4f3b15"),  # manage online volunteers
    ],
    "Customer service skills": [
        ("close", "15a33d76-4640-438d-ae64-fdc0c1d3eebc"),  # customer service
        ("close", "75dfe1ee-5935-42ce-b820-697f827825c3"),  # maintain customer service
    ],
    "Visitor welcome and orientation": [
        ("close", "6e4f29f5-3904-4e1e-9c5f-c158c5e197bf"),  # assist visitors
        ("close", "1c388c1a-2a84-4377-a99a-860323eeff1d"),  # provide visitor information
    ],
    "Handling complaints": [
        ("exact", "28d715e3-3e5b-4fb6-8dd2-4be4919c8587"),  # handle customer complaints
        ("close", "079079fd-7918-491b-8302-34bec3e10d5d"),  # respond to visitor complaints
    ],
    "Library circulation services": [
        ("narrow", "a3d2dbb6-3979-42de-979a-b144583741e2"),  # manage overdue library materials
    ],
    "Telephone, email and online enquiries": [
        ("narrow", "5a0bffcf-4ff6-49cf-a7db-4142e63f5f04"),  # answer incoming calls
    ],
    "Ticketing and admissions": [
        ("narrow", "2d823e3d-7b19-46d9-88a8-31bacac76a5d"),  # sell tickets
        ("narrow", "345486f3-f265-4fc8-8ed0-5e96e768e333"),  # process booking
    ],
    "Copyright essentials": [
        ("close", "e2103a1d-4a84-47a9-b4f7-774787573449"),  # copyright legislation
    ],
    "Copyright exceptions for libraries, archives and museums": [
        ("broad", "e2103a1d-4a84-47a9-b4f7-774787573449"),  # copyright legislation
    ],
    "Rights clearance and orphan works": [
        ("broad", "518dc04d-092d-4fa1-bd82-88b7a9278ef7"),  # manage intellectual property rights
    ],
    "Open licensing and Creative Commons": [
        (
            "broad",
            "a91732ce-988e-4105-9570-f425c6ffdc82",
        ),  # copyright and licenses related to digital content
    ],
    "E-resource licensing": [
        ("broad", "2c624a83-22ee-4d11-beed-4718cd307bbd"),  # negotiate library contracts
    ],
    "Rights and reproductions services": [
        ("broad", "518dc04d-092d-4fa1-bd82-88b7a9278ef7"),  # manage intellectual property rights
    ],
    "Data protection (UK GDPR)": [
        ("close", "a4346013-a967-4a58-a533-6b32ad1364c5"),  # data protection
        ("close", "097c6a36-f031-4d3e-b5c1-62d6ffcb430b"),  # respect data protection principles
        ("close", "d3e9b00a-0891-4fa8-836d-8240ec3d2758"),  # GDPR
    ],
    "Freedom of information": [
        ("close", "eccf3b4f-881f-4ae6-b96a-666be929d780"),  # access to documents regulations
    ],
    "Information governance": [
        ("close", "9a0d0abc-010d-440b-8242-7e31510471ba"),  # information governance compliance
    ],
    "Copyright in teaching and learning": [
        ("broad", "e2103a1d-4a84-47a9-b4f7-774787573449"),  # copyright legislation
    ],
    "Moral rights and artists' rights": [
        ("broad", "2ad081e6-0a3f-4612-ac15-7ace75d39e26"),  # intellectual property law
    ],
    "Exhibition development and curation": [
        ("close", "a2adddad-2889-460c-a111-e3a2001ae785"),  # organise an exhibition
        ("narrow", "d811beb9-333c-4c06-9897-aae76ae91c00"),  # curate artwork for exhibitions
    ],
    "Exhibition design and installation": [
        ("narrow", "e9a00b7e-e071-48c0-b6f8-4ab376dc8c7c"),  # install artwork in gallery
    ],
    "Touring exhibitions": [
        ("narrow", "400a0e76-2e24-4521-beee-52717921361f"),  # manage artworks' transportation
    ],
    "Guided tours and live interpretation": [
        ("narrow", "45e73e73-d73f-424c-9385-fae828aa6ed8"),  # supervise special visitors
    ],
    "Collections research and subject knowledge": [
        ("close", "5920a9f6-1f49-400e-a895-a912b46658c7"),  # specialise in an area of history
        ("close", "db27065e-3c06-4f89-aa55-48fd87dabf82"),  # study a collection
    ],
    "Library and archive displays": [
        ("narrow", "f645997b-e5a3-47e4-b715-65bbfb3e69f5"),  # display library material
    ],
    "Public talks and lectures": [
        ("close", "3012a059-e062-4171-b37e-f9e7c7eb603e"),  # perform lectures
    ],
}


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def check(areas: list[Area], esco: dict[str, list[tuple[str, str]]]) -> None:
    """Refuse to build a lexicon that breaks the conventions the product relies on."""
    problems: list[str] = []
    concepts = [(a.label, a.alt, a.sectors, a.definition) for a in areas]
    concepts += [(s.label, s.alt, s.sectors, s.definition) for a in areas for s in a.skills]
    prefs: dict[str, str] = {}
    for label, alt, sectors, definition in concepts:
        if _norm(label) in prefs:
            problems.append(f"duplicate prefLabel: {label}")
        prefs[_norm(label)] = label
        if not definition.strip() or not alt:
            problems.append(f"missing definition or altLabel: {label}")
        if not sectors or set(sectors) - set(SECTORS):
            problems.append(f"bad sectors {sectors!r}: {label}")
        if len({_norm(a) for a in alt}) != len(alt):
            problems.append(f"repeated altLabel: {label}")
    for label, alt, _sectors, _definition in concepts:
        for a in alt:
            if _norm(a) in prefs:
                problems.append(f"altLabel {a!r} of {label!r} is the prefLabel of {prefs[_norm(a)]!r}")
    skill_labels = {s.label for a in areas for s in a.skills}
    for label, pairs in esco.items():
        if label not in skill_labels:
            problems.append(f"ESCO crosswalk for unknown skill: {label}")
        for relation, uuid in pairs:
            if relation not in RELATIONS or len(uuid) != 36:
                problems.append(f"bad ESCO mapping {relation} {uuid}: {label}")
    if problems:
        raise SystemExit("\n".join(problems))


def build(areas: list[Area] = AREAS, esco: dict[str, list[tuple[str, str]]] = ESCO) -> Graph:
    check(areas, esco)
    g = Graph()
    g.bind("skos", SKOS)
    g.bind("dct", DCTERMS)
    g.bind("owl", OWL)
    g.bind("sp", SP)
    scheme = URIRef(SCHEME_URI)
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, DCTERMS.title, Literal("Signpost starter lexicon", lang="en")))
    g.add(
        (
            scheme,
            DCTERMS.description,
            Literal(
                "Areas and skills for continuing professional development in libraries, archives, "
                "museums and the adult learning and skills sector, with alternative labels, "
                "definitions, the sectors each applies to, and a crosswalk to ESCO v1.1.1 skills. "
                "ESCO mappings: This service uses the ESCO classification of the European Commission.",
                lang="en",
            ),
        )
    )
    g.add((scheme, DCTERMS.license, URIRef(LICENCE)))
    g.add((scheme, DCTERMS.creator, Literal("The Signpost contributors")))
    g.add((scheme, DCTERMS.bibliographicCitation, Literal(ATTRIBUTION)))
    g.add((scheme, OWL.versionInfo, Literal(VERSION)))

    def concept(notation: str, label: str, alt: list[str], sectors: str, definition: str) -> URIRef:
        uri = URIRef(f"{SCHEME_URI}/{notation}")
        g.add((uri, RDF.type, SKOS.Concept))
        g.add((uri, SKOS.inScheme, scheme))
        g.add((uri, SKOS.notation, Literal(notation)))
        g.add((uri, SKOS.prefLabel, Literal(label, lang="en")))
        for a in alt:
            g.add((uri, SKOS.altLabel, Literal(a, lang="en")))
        g.add((uri, SKOS.definition, Literal(definition, lang="en")))
        for code in sectors:
            g.add((uri, SP.sector, SP[SECTORS[code]]))
        return uri

    for i, area in enumerate(areas, start=1):
        a_notation = f"A{i:02d}"
        a_uri = concept(a_notation, area.label, area.alt, area.sectors, area.definition)
        g.add((a_uri, SKOS.topConceptOf, scheme))
        g.add((scheme, SKOS.hasTopConcept, a_uri))
        for j, skill in enumerate(area.skills, start=1):
            s_uri = concept(f"{a_notation}.{j:02d}", skill.label, skill.alt, skill.sectors, skill.definition)
            g.add((s_uri, SKOS.broader, a_uri))
            g.add((a_uri, SKOS.narrower, s_uri))
            for relation, uuid in esco.get(skill.label, []):
                g.add((s_uri, RELATIONS[relation], URIRef(ESCO_SKILL + uuid)))
    return g


HEADER = """\
# Signpost starter lexicon, version {version}
# {attribution}
# https://creativecommons.org/licenses/by/4.0/
# ESCO mappings: This service uses the ESCO classification of the European Commission.
# Generated by build_starter_lexicon.py from the data in that script: edit there, not here.

"""


def main() -> None:
    g = build()
    OUTPUT.write_text(
        HEADER.format(version=VERSION, attribution=ATTRIBUTION) + g.serialize(format="turtle"),
        encoding="utf-8",
    )
    skills = sum(len(a.skills) for a in AREAS)
    print(f"wrote {OUTPUT.name}: {len(AREAS)} areas, {skills} skills, {len(g)} triples")  # noqa: T201


if __name__ == "__main__":
    main()
