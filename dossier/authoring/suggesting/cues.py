"""The words around a name that tell what it names, in German and English, and the places CLDR knows.

A role word before a name makes it a person (`Geschäftsführer Christian Hanisch`, `CEO Mark
Zuckerberg`); a legal suffix or a company word an organization (`Duesenfeld GmbH`, `der Konzern`);
a product word a product; a newspaper word a publication. German joins the word to the noun
(`Bundesverkehrsminister`, `Deutschland-Chef`, `Plattformbetreiber`), so a German cue is matched by
how a word ends. Countries come from CLDR through Babel, cities from the time-zone database: both
ship with their packages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .frequency import how_common


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


TYPES = ("person", "organization", "product", "publication", "place", "event")

LEGAL_SUFFIXES = word_set(
    "ag gmbh mbh kg kgaa se ug ohg gbr inc inc. corp corp. corporation co co. ltd ltd. llc llp plc sa "
    "s.a. nv n.v. bv b.v. ab asa oyj spa s.p.a. pty holdings"
)
TITLES = word_set(
    "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady herr frau gen. sen. rep. gov. st."
)

# Words (or, in German, word endings) that stand beside a name of each type.
_CUES: dict[str, tuple[str, ...]] = {
    "person": (
        "president", "präsident", "präsidentin", "prime", "minister", "ministerin", "chief", "executive",
        "ceo", "cfo", "cto", "coo", "chairman", "chairwoman", "chair", "founder", "gründer", "gründerin",
        "secretary", "senator", "governor", "mayor", "judge", "spokesman", "spokeswoman", "spokesperson",
        "sprecher", "sprecherin", "chef", "chefin", "kanzler", "kanzlerin", "führer", "führerin",
        "vorsitzender", "vorsitzende", "direktor", "direktorin", "director", "leiter", "leiterin",
        "manager", "managerin", "reporter", "reporterin", "redakteur", "redakteurin", "editor",
        "analyst", "analystin", "jurist", "juristin", "anwalt", "anwältin", "professor", "professorin",
        "researcher", "forscher", "forscherin", "experte", "expertin", "skipper", "actor", "actress",
        "singer", "sängerin", "sänger", "coach", "trainer", "author", "autor", "autorin", "journalist",
        "journalistin", "aktivistin", "aktivist", "activist", "priest", "pope", "king", "queen",
        "prince", "princess", "wife", "husband", "son", "daughter", "ehefrau", "colleague",
        "kollege", "kollegin", "vice-president", "mitgründer", "co-founder", "chancellor", "ambassador",
        "commissioner", "envoy", "premier", "lawmaker", "prosecutor", "attorney", "lawyer", "scientist",
        "entrepreneur", "billionaire", "tycoon", "novelist", "writer", "rapper", "deputy", "speaker",
        "candidate", "nominee", "botschafter", "botschafterin", "kommissar", "kommissarin",
        "abgeordnete", "abgeordneter", "bürgermeister", "bürgermeisterin", "staatssekretär",
        "staatssekretärin", "richter", "richterin", "staatsanwalt", "staatsanwältin", "unternehmer",
        "unternehmerin", "milliardär", "milliardärin", "moderator", "moderatorin", "schauspieler",
        "schauspielerin", "regisseur", "regisseurin", "wissenschaftler", "wissenschaftlerin", "ökonom",
        "ökonomin", "freund", "freundin", "economist", "historian", "physicist", "chemist", "biologist",
        "mathematician", "philosopher", "psychologist", "sociologist", "astronaut", "architect", "engineer",
        "designer", "photographer", "artist", "painter", "composer", "musician", "guitarist", "pianist",
        "poet", "comedian", "producer", "footballer", "striker", "midfielder", "goalkeeper", "quarterback",
        "cyclist", "sprinter", "surgeon", "physician", "historiker", "historikerin", "physiker",
        "physikerin", "chemiker", "chemikerin", "biologe", "biologin", "mathematiker", "mathematikerin",
        "philosoph", "philosophin", "psychologe", "psychologin", "soziologe", "soziologin", "politologe",
        "politologin", "architekt", "architektin", "ingenieur", "ingenieurin", "designerin", "fotograf",
        "fotografin", "künstler", "künstlerin", "komponist", "komponistin", "musiker", "musikerin",
        "komiker", "komikerin", "produzent", "produzentin", "fußballer", "fußballerin", "stürmer",
        "stürmerin", "torwart", "torhüterin", "spieler", "spielerin", "arzt", "ärztin", "chirurg",
        "chirurgin", "polizist", "polizistin", "soldat", "soldatin", "colonel", "lieutenant",
        "admiral", "sergeant", "commander", "marshal", "brigadier", "corporal", "oberst", "leutnant",
        "hauptmann", "kommandeur", "kommandeurin", "secretary-general", "director-general",
        "attorney-general", "governor-general", "generalsekretär", "generalsekretärin",
    ),
    "organization": (
        "company", "companies", "firm", "group", "corporation", "bank", "agency", "startup",
        "start-up", "retailer", "maker", "manufacturer", "giant", "carrier", "operator", "platform",
        "party", "union", "association", "organization", "organisation", "ministry", "department",
        "court", "council", "authority", "regulator", "university", "institute", "foundation", "league",
        "club", "studio", "label", "brand", "owner", "rival", "competitor", "investor", "-owned", "-based",
        "konzern", "konzerns", "unternehmen", "unternehmens", "firma", "gruppe", "hersteller",
        "anbieter", "betreiber", "konkurrent", "konkurrenten", "konkurrenz", "behörde", "partei",
        "verband", "verbandes", "gericht", "gerichtshof", "ministerium", "regierung", "universität",
        "institut", "stiftung", "verein", "tochter", "schwesterfirma", "marktführer", "vermittler",
        "dienstleister", "netzbetreiber", "plattformbetreiber", "mitbewerber", "kette", "chain", "guild",
        "gewerkschaft", "agentur", "commission", "kommission", "bündnis", "alliance", "gesellschaft",
        "verlag", "kanzlei", "airline", "band", "center", "centre", "autobauer", "versicherer",
        "zulieferer", "händler", "insurer", "lender", "supplier", "stadtwerke", "verkehrsbetriebe",
        "sparkasse", "volksbank", "landesbank", "dienst",
    ),
    "product": (
        "model", "modell", "phone", "smartphone", "handy", "app", "game", "spiel", "headset", "device",
        "gerät", "geräts", "chip", "console", "konsole", "software", "version", "update", "feature",
        "vehicle", "fahrzeug", "drug", "medikament", "film", "movie", "series", "serie", "album",
        "thriller", "drama", "comedy", "komödie", "ransomware", "malware", "browser", "passwortmanager",
        "sprachmodell", "suv", "laptop", "notebook", "tablet", "nachricht", "message", "messenger",
        "chatbot", "audio", "camera", "kamera", "smartwatch", "aircraft", "flugzeug", "rocket", "rakete",
        "satellite", "satellit", "processor", "prozessor", "drone", "drohne", "robot", "roboter",
        "headphones", "kopfhörer", "earbuds", "router", "vaccine", "impfstoff", "fernseher",
        "betriebssystem", "e-reader",
    ),
    "publication": (
        "newspaper", "zeitung", "magazine", "magazin", "journal", "paper", "reported", "berichtete",
        "berichtet", "news", "blog", "sender", "broadcaster", "zeitschrift", "blatt", "anzeiger",
        "kurier", "rundschau",
    ),
    "place": (
        "city", "stadt", "state", "country", "land", "capital", "hauptstadt", "region", "province",
        "provinz", "bundesstaat", "village", "dorf", "town", "island", "insel", "near", "bei",
        "vorort", "suburb", "rainforest", "regenwald", "river", "fluss",
    ),
    "event": (
        "conference", "konferenz", "summit", "gipfel", "messe", "festival", "awards", "election",
        "wahl", "treffen", "olympics", "cup", "championship", "meisterschaft",
    ),
}  # fmt: skip
_CUE_TYPES = {word: kind for kind, words in _CUES.items() for word in words}
# German compounds end in a cue: `Bundesverkehrsminister`, `Plattformbetreiber`, `Deutschland-Chef`.
_GERMAN_ENDINGS = tuple(
    (word, kind)
    for word, kind in _CUE_TYPES.items()
    if len(word) >= 4 and kind != "place" and word not in ("said", "says", "told", "news", "paper")
)
# The German nouns that end an institution's name made as one compound with a name or a noun
# (`Robert-Koch-Institut`, `Kraftfahrt-Bundesamt`, `Hans-Böckler-Stiftung`); not the nouns that
# describe what a name names (`Amazon-Konzern`, `Waymo-Chef`).
COMPOUND_HEADS = word_set(
    "institut bundesamt landesamt gesellschaft stiftung verband verein akademie universität "
    "hochschule klinikum museum zentrum"
)


def federal_institution(word: str, linked: bool = False) -> bool:
    """A German federal or state institution named by one compound (`Bundesrechnungshof`,
    `Bundeskanzleramt`, `Landeskriminalamts`): `Bundes-` or `Landes-`, a word, an institution's noun;
    `linked`: where `für` follows, also `Bundes-` and the noun alone (`Bundesamt für Migration`)."""
    lowered = word.lower()
    lowered = lowered.removesuffix("es") if lowered.endswith("es") else lowered.removesuffix("s")
    prefix = next((p for p in ("bundes", "landes") if lowered.startswith(p)), "")
    ending = next((e for e in _FEDERAL_HEADS if lowered.endswith(e)), "")
    middle = len(lowered) - len(prefix) - len(ending)
    alone = middle == 0 and (ending != "amt" or linked)  # not `Bundesamt` alone, a noun of the language
    return bool(prefix and ending) and (middle > 2 or alone)


def federal_name(words: Sequence[str]) -> bool:
    """A German federal or state institution's name: one compound (`Bundesrechnungshof`), or its noun
    and what it is for (`Bundesagentur für Arbeit`, `Bundesamt für Migration und Flüchtlinge`)."""
    linked = len(words) > 2 and words[1] == "für"
    return (len(words) == 1 or linked) and federal_institution(words[0], linked)


_FEDERAL_HEADS = ("amt", "hof", "rat", "tag", "agentur", "ministerium", "gericht", "anstalt", "kammer",
                  "behörde", "wehr", "polizei", "institut", "archiv", "zentrale")  # fmt: skip


# The German nouns of institutions whose name goes on with a place's or a person's (`Universität
# Hamburg`, `Stiftung Warentest`, `Stadtwerke München`, `Landgericht Köln`): the noun is the name's
# first word, no description.
# German authorities so named, which no cue says an organization (`Staatsanwaltschaft Köln`).
_AUTHORITIES = word_set(
    "staatsanwaltschaft generalstaatsanwaltschaft polizeipräsidium polizeidirektion landratsamt bezirksamt "
    "bezirksregierung regierungspräsidium handwerkskammer handelskammer ihk verbraucherzentrale polizei "
    "feuerwehr landeskriminalamt"
)
NAMED_INSTITUTIONS = _AUTHORITIES | word_set(
    "universität hochschule fachhochschule klinikum universitätsklinikum museum stiftung akademie "
    "stadtwerke verkehrsbetriebe landesbank sparkasse volksbank amtsgericht landgericht "
    "oberlandesgericht verwaltungsgericht oberverwaltungsgericht arbeitsgericht landesarbeitsgericht "
    "sozialgericht landessozialgericht finanzgericht"
)


def named_institution(word: str) -> str | None:
    """The German institution's noun of `NAMED_INSTITUTIONS` a word is, as written or in the genitive
    (`des Amtsgerichts Köln`): the noun, or None."""
    lowered = word.lower()
    stems = (lowered, lowered.removesuffix("s"), lowered.removesuffix("es"))
    return next((stem for stem in stems if stem in NAMED_INSTITUTIONS), None)


# The last word of a newspaper's name in English (`Financial Times`, `The Washington Post`): a head
# word only, never a cue beside a name (`five times`, `a post by`).
NEWSPAPER_HEADS = word_set(
    "times post herald tribune gazette chronicle telegraph observer inquirer examiner press"
)
# The last word of an institution's name that is no cue beside a name (`Federal Aviation
# Administration`, not `the Biden administration`; `Manchester United`), or the first of a German
# authority's (`Staatsanwaltschaft Köln`).
ORGANIZATION_HEADS = _AUTHORITIES | word_set(
    "administration office bureau board service fund society federation institution academy college school "
    "church forces army navy police guard corps united athletic rovers wanderers hotspur fc amt parliament "
    "parlament congress kongress senate senat assembly committee ausschuss tribunal börse exchange survey "
    "landtag kreistag stadtrat gemeinderat bürgerschaft abgeordnetenhaus forum"
)
# The last word of a law's, a treaty's, a plan's, a prize's or a data set's name (`Paris Agreement`,
# `Digital Markets Act`, `Pariser Abkommen`, `Nobel Peace Prize`, `Consumer Price Index`): none of the
# engine's finer types, whatever place, body or person it names (a ceremony's `Awards` is an event's).
OTHER_HEADS = word_set(
    "act agreement treaty accord accords protocol convention directive regulation initiative "
    "gesetz abkommen vertrag verordnung richtlinie pakt prize award medal trophy database datenbank index"
)
# The last word of a place's name that is no cue beside a name (`Dead Sea`, `Palm Springs`, `Rotes
# Meer`, `Ross Ice Shelf`; not `the sea`); not `Forest` nor `Heights`, as often a football club's and
# a novel's.
PLACE_HEADS = word_set(
    "sea ocean lake bay gulf coast peninsula desert valley mountains mountain springs falls strait "
    "street avenue square boulevard airport harbour harbor port bridge canal meer see straße platz allee "
    "flughafen hafen bahnhof hauptbahnhof gebirge road highway motorway park reserve empire "
    "cathedral mosque temple castle tower stadium arena dom kirche moschee tempel turm stadion "
    "brücke islands isles archipelago glacier shelf plateau basin canyon reef volcano peak ridge hills delta "
    "lagoon fjord plains inseln gletscher wald küste bucht halbinsel wüste tal"
)
# The last word of an event's name that is no cue beside a name (`Fashion Week`, not `last week`;
# `Korean War`, `French Revolution`, `Cuban Missile Crisis`), or its first before a link (`Battle of
# Hastings`).
EVENT_HEADS = word_set(
    "week expo show fair games marathon tournament prix bowl open derby championships elections contest "
    "war wars revolution crisis uprising battle massacre krieg krise aufstand tour tournee"
)
_HEAD_NOUNS = NEWSPAPER_HEADS | ORGANIZATION_HEADS | PLACE_HEADS | EVENT_HEADS
# The first word of an institution's or a place's name in the Romance languages, which English and
# German copy keeps untranslated (`Banco Santander`, `Universidad de Chile`, `Piazza Navona`): the
# name's head word. Not the words a company's name begins with as often (`Rio Tinto`, `Monte dei
# Paschi`, `Sierra Club`, `Via Rail`).
FOREIGN_HEADS = {
    **dict.fromkeys(
        word_set(
            "universidad universidade université università universitat instituto istituto institut "
            "banco banca banque conservatoire conservatorio escuela école scuola academia académie "
            "accademia colegio collège ministerio ministério ministère ministero partido parti partito "
            "fundación fundação fondation fondazione sociedad société società compañía compagnie "
            "compagnia consejo conseil consiglio tribunal corte cour museo musée museu teatro théâtre "
            "biblioteca bibliothèque"
        ),
        "organization",
    ),
    **dict.fromkeys(
        word_set(
            "plaza piazza praça rue calle avenida palacio palazzo palais castillo château castello "
            "iglesia église chiesa igreja catedral cathédrale cattedrale isla île isola ilha río lago "
            "lac playa praia puerto porto"
        ),
        "place",
    ),
}
# A sports club's abbreviation first in its name, before its town (`SC Freiburg`, `VfB Stuttgart`,
# `AC Milan`): written in capitals or as the abbreviation is, not as a word (`As`).
CLUB_FIRST_WORDS = word_set("fc sc sv tsv tus vfb vfl vfr fsv bsc spvgg ssv tsg ssc ac as cf cd fk sk nk rb")
# Letters after a person's name for an honour, a degree or a seat (`Daniel Bernoulli FRS`, `… MdB`):
# no words of the name, and written so, in capitals.
POSTNOMINALS = frozenset(
    ["FRS", "MBE", "OBE", "CBE", "KBE", "DBE", "QC", "KC", "MP", "MEP", "PhD", "MdB", "MdL"]
)
# The first word of a place's name that is no given name (`North Yorkshire`, `Upper Manhattan`,
# `Mount Kenya`, `Sankt Gallen`); a compass word's name is most often a place's.
COMPASS_WORDS = word_set(
    "north south east west northern southern eastern western upper lower greater central"
)
PLACE_FIRST_WORDS = COMPASS_WORDS | word_set("new saint san santa sankt fort port mount lake cape")
# The first word of a storm's name (`Hurricane Katrina`, `Sturm Xavier`): an event, no person's name.
STORM_WORDS = word_set("hurricane typhoon cyclone storm sturm orkan")
# German compounds: `Modewoche`, `Gartenschau`, `Festspiele`, `Koreakrieg`, `Oktoberfest`.
EVENT_ENDINGS = ("woche", "schau", "spiele", "krieg", "fest")
# Words after an organization's short name that do not make another thing of it (`Whole Foods Market`),
# and end an organization's name whatever cue they are elsewhere (`Sequoia Capital`).
ORGANIZATION_TAILS = word_set(
    "group market markets media holdings international global entertainment technologies "
    "technology systems labs studios networks motors airlines pharmaceuticals brands partners communications "
    "capital ventures gruppe holding konzern"
)
# The last word of a company's name by its trade (`Manz Automation`, `Quillo Industries`): types the
# name, but the name before it may be another's (`Boston` of `Boston Dynamics`), so no short form.
COMPANY_WORDS = word_set(
    "solutions industries electronics logistics robotics dynamics semiconductor semiconductors automation "
    "engineering consulting therapeutics biosciences biotech foods resources services"
)


# The head words of institutions, laws, events and places whose names go on with `of` or `for` (`Bank
# of America`, `Investment Company Act of 1940`, `National Institute for Space Research`, `Treaty of
# Versailles`, `Battle of Hastings`, `Gulf of Mexico`).
_INSTITUTION_HEADS = word_set(
    "act acts institute institution centre center bureau office administration museum school college "
    "academy board church republic kingdom fund society federation service agency ministry department "
    "university council court commission authority foundation union league association organization "
    "organisation bank party conference festival summit forum programme program network congress "
    "treaty convention protocol declaration battle siege war gulf bay isle strait"
)


def institution_head(word: str) -> bool:
    """A capitalised head word a name may go on after with `of`, `for` or `für` (`Bank` of America,
    `Bundesagentur` für Arbeit: German makes the head a compound; `des Instituts für`, in the
    genitive)."""
    lowered = word.lower()
    genitive = lowered.removesuffix("s").removesuffix("e") if lowered.endswith("s") else lowered
    german = lowered.endswith(_GERMAN_INSTITUTION_HEADS) or genitive.endswith(_GERMAN_INSTITUTION_HEADS)
    return word[:1].isupper() and (lowered in _INSTITUTION_HEADS or german)


LINKS = word_set("of for für")  # `Bank of America`, `Bundesagentur für Arbeit`: after an institution's head


def head_at(words: Sequence[str]) -> int:
    """Where a name's head noun stands: before its first link (`Institut für …`), else last."""
    return next((i - 1 for i, word in enumerate(words) if word in LINKS and i > 0), len(words) - 1)


def institution_headed(words: Sequence[str]) -> bool:
    """Words an institution's head ends, or ends before a link (`Council`, `Administration for …`):
    a place's noun before them is a word of its name (`State Council`, `City Council`)."""
    return bool(words) and institution_head(words[head_at(words)])


_GERMAN_INSTITUTION_HEADS = (
    "amt", "agentur", "ministerium", "institut", "stiftung", "zentrum", "zentrale", "kommission",
    "gesellschaft", "verband", "vereinigung", "akademie", "hochschule", "universität", "behörde",
    "anstalt", "kammer", "gericht", "gerichtshof",
)  # fmt: skip


@cache
def cue(word: str) -> str | None:
    """The type a word beside a name points to, or None."""
    lowered = word.lower().strip(".,;:")
    found = _CUE_TYPES.get(lowered)
    if found is not None or len(lowered) < 6:
        return found
    for ending, kind in _GERMAN_ENDINGS:
        inflected = len(lowered) >= 10 and lowered.endswith((ending + "s", ending + "es"))
        if (lowered.endswith(ending) or inflected) and lowered != ending:
            return kind  # `Bundesverkehrsminister`, `Gerichtshofs`
    return None


def inflected_cue(word: str) -> str | None:
    """The type a German cue noun points to in the genitive or a weak noun's ending (`Händlers`,
    `Gebrauchtwagenhändlers`, `Präsidenten`), or None."""
    lowered = word.lower()
    for ending in ("s", "es", "en", "n"):
        if lowered.endswith(ending) and len(lowered) > len(ending) + 3:
            found = cue(lowered[: -len(ending)])
            if found is not None:
                return found
    return None


def a_head_noun(word: str) -> bool:
    """Whether a word is the head noun of an institution's, a paper's, a place's or an event's
    name (`Council`, `Zeitung`, `Island`, `War`): the word that types the name it ends."""
    return cue(word) not in (None, "person") or word.lower() in _HEAD_NOUNS


# The roles a town, a state or a country has, and no company: after a name's possessive or German
# genitive, they make it a place (`Quillonias Ministerpräsident`, `Brenthaven's mayor`), as other
# roles make it an organization (`Quillos Chef`). German joins them (`Außenminister`).
_PLACES_ROLES = (
    "minister", "ministerin", "ministerpräsident", "ministerpräsidentin", "regierungschef",
    "regierungschefin", "bürgermeister", "bürgermeisterin", "landrat", "landrätin", "gouverneur",
    "gouverneurin", "mayor", "governor", "premier", "ambassador", "botschafter", "botschafterin",
)  # fmt: skip


def a_places_role(word: str) -> bool:
    """A role only a town, a state or a country has (see `_PLACES_ROLES`)."""
    return word.lower().endswith(_PLACES_ROLES)


def is_role(word: str) -> bool:
    """A title or role that stands before a person's name and is not part of it."""
    lowered = word.lower()
    return lowered in TITLES or cue(word) == "person"


# Federal countries whose states the news names as often as countries (`Texas`, `Bayern`): their
# first-level subdivisions are places even where their name is a common word elsewhere.
_FEDERAL = word_set("US DE AT CA AU BR IN MX")


@cache
def nations() -> frozenset[str]:
    """The names of countries and territories, in English and German (CLDR, through Babel); not the
    unions CLDR lists among them, which the news names as organizations (`United Nations`, `EU`)."""
    from babel import Locale

    return frozenset(
        spelled
        for language in ("en", "de")
        for code, name in Locale(language).territories.items()
        if code not in _UNIONS
        for spelled in _spelled_out(name, language)
    )


def _spelled_out(name: str, language: str) -> set[str]:
    """A territory's name as CLDR abbreviates it and as news copy writes it out (`St. Kitts & Nevis`,
    `Saint Kitts and Nevis`; `Bosnia & Herzegovina`, `Bosnien und Herzegowina`)."""
    names = {name, name.replace(" & ", " and " if language == "en" else " und ")}
    saint = "Saint " if language == "en" else "Sankt "
    return names | {spelled.replace("St. ", saint) for spelled in names}


@cache
def languages() -> frozenset[str]:
    """The names of languages written as one word of four letters or more, in English and German
    (CLDR, through Babel): most are a people's adjective too (`French`, `Dutch`, `Thai`); not `Wu`,
    a surname as often."""
    from babel import Locale

    names = (name for language in ("en", "de") for name in Locale(language).languages.values())
    return frozenset(name for name in names if name.isalpha() and len(name) >= 4)


_UNIONS = frozenset({"UN", "EU"})
NATIONS_SHORT = word_set("US USA UK EU UN")  # the short forms news copy uses before a role or a name


@cache
def countries() -> frozenset[str]:
    """Country names (English and German, from CLDR) and the states of federal countries (ISO
    3166-2 via pycountry): the places whose people and adjectives the news names (`Kenyan`, `Texan`)."""
    import pycountry

    names: set[str] = set(nations())
    names.update(
        region.name
        for region in pycountry.subdivisions
        if region.parent_code is None and region.country_code in _FEDERAL and "(" not in region.name
    )
    return frozenset(name for name in names if name[:1].isupper() and len(name) > 2)


@cache
def places() -> frozenset[str]:
    """The `countries`, city names (from the time-zone database) and the subdivisions of ISO 3166-2
    (pycountry): regions, provinces, and at the second level the districts, provinces and
    departments of the countries that list them (`Doncaster`, `Bergamo`, `Somme`). A one-word
    subdivision that is also a common word (`Central`, `Bar`, a region each) is left out."""
    import zoneinfo

    import pycountry

    names: set[str] = set(countries())
    for zone in zoneinfo.available_timezones():
        city = zone.rsplit("/", 1)[-1]
        if "/" in zone and not city.startswith(("GMT", "UTC", "Etc")):
            names.add(city.replace("_", " "))
    for region in pycountry.subdivisions:
        for name in _subdivision_names(region.name):
            common = max(how_common(name, "en"), how_common(name, "de")) >= _COMMON_PLACE_WORD
            if " " in name or "-" in name or not common:
                names.add(name)
    return frozenset(name for name in names if name[:1].isupper() and len(name) > 2)


_BRACKETED = re.compile(r"(.+?) \[(.+)\]$")  # `A Coruña [La Coruña]`: its name in the other language
# China's province and municipality in pinyin after the name (`Hubei Sheng`, `Beijing Shi`): news
# copy writes the name alone.
_DESIGNATIONS = ("Sheng", "Shi")


def _subdivision_names(listed: str) -> list[str]:
    """The names news copy gives a subdivision pycountry lists as `listed`."""
    bracketed = _BRACKETED.match(listed)
    names = list(bracketed.groups()) if bracketed else [listed]
    names = [_without_designation(name) for name in names]
    return [name for name in names if "(" not in name and "," not in name]


def _without_designation(name: str) -> str:
    before, _, last = name.rpartition(" ")
    return before if before and last in _DESIGNATIONS else name


_COMMON_PLACE_WORD = 4.3  # zipf: `Central`, `Coast`, `Zug` (a canton, and a train)
