"""Small cases, as tables: candidate names, the proposals for new figures and events, publications
and bylines, and the text a page gives."""

from __future__ import annotations

import re

import pytest

from dossier.authoring.sources.extract import with_scripts_as_text, without_boilerplate
from dossier.authoring.sources.publications import people, publication_of
from dossier.authoring.suggesting.candidates import candidates_in
from dossier.authoring.suggesting.cues import places
from dossier.authoring.suggesting.numbers import find_numbers
from dossier.authoring.suggesting.proposals import event_title, figure_label, key_for
from dossier.authoring.suggesting.ranking import rank


def named(text: str, language: str, title: str = "") -> dict[str, tuple[str, list[str]]]:
    """Each candidate's name → (type, aliases)."""
    return {
        c.name: (c.type, sorted(c.aliases)) for c in candidates_in("a.md", text, language, frozenset(), title)
    }


CANDIDATES = [
    # One candidate per thing: a surname and a genitive are aliases of the full name.
    ("de", "Fabian Stenger leitet Flixbus. Laut Stenger wächst das Netz. Stengers Plan ist bekannt.",
     "Fabian Stenger", "person", ["Stenger", "Stengers"]),
    ("en", "Facebook CEO Mark Zuckerberg spoke on the deal. Zuckerberg said it took years. Zuckerberg's.",
     "Mark Zuckerberg", "person", ["Zuckerberg"]),
    # German adjectives inside a name, inflected: one candidate.
    ("de", "Die Deutsche Bahn plant viel. Kritik an der Deutschen Bahn wächst, sagt die Deutsche Bahn.",
     "Deutsche Bahn", None, ["Deutschen Bahn"]),
    ("de", "Das Urteil des Europäischen Gerichtshofs (EuGH) fiel klar aus. Der EuGH entschied zugunsten.",
     None, "organization", ["EuGH"]),
    # An acronym defined in brackets is the name's alias.
    ("en", "The Screen Actors Guild (SAG) gave its award. The SAG awards matter, the SAG said.",
     "Screen Actors Guild", "organization", ["SAG"]),
    # A legal suffix makes an organization and belongs to its complete name; the short form is an alias.
    ("de", "Die Duesenfeld GmbH aus Wendeburg recycelt Akkus. Duesenfeld spart Energie.",
     "Duesenfeld GmbH", "organization", ["Duesenfeld"]),
    ("en", "Shares of Talbot Widgets Inc. fell. Talbot Widgets said the quarter was hard.",
     "Talbot Widgets Inc.", "organization", ["Talbot Widgets"]),
    ("de", "Die Brauwerk Nord UG verkauft Bier. Die Brauwerk Nord UG wurde 2019 gegründet.",
     "Brauwerk Nord UG", "organization", []),
    # Famous names that are words: the text never writes them small.
    ("en", "The shares of Amazon rose. Analysts at Amazon expect more, and Amazon agreed.",
     "Amazon", None, []),
    ("en", "Oil company Shell reported profits. Shell said prices fell, and Shell will buy back shares.",
     "Shell", "organization", []),
    # A role word before a name makes a person; apposition is not part of the name.
    ("de", "Wie Geschäftsführer Christian Hanisch sagt, spart das Verfahren Energie. Hanisch ist stolz.",
     "Christian Hanisch", "person", ["Hanisch"]),
    ("de", "Der Plattformbetreiber Flixbus aus München klagt. Flixbus will Wettbewerb, sagt Flixbus.",
     "Flixbus", "organization", []),
    # A German name with an adjective, titled as its page would be: the nominative without an
    # article, told by the article the text puts before it.
    ("de", "Der Nordische Wasserrat tagte. Dem Nordischen Wasserrat gehören zwölf an. Der Nordische "
     "Wasserrat entschied.", "Nordischer Wasserrat", None, ["Nordische Wasserrat", "Nordischen Wasserrat"]),
    ("de", "Das Baltische Seeamt prüft. Laut dem Baltischen Seeamt fehlen Daten, sagt das Baltische Seeamt.",
     "Baltisches Seeamt", None, ["Baltische Seeamt"]),
    ("de", "Kritik an der Nordischen Fährlinie wächst. Die Nordische Fährlinie schweigt. Mit der "
     "Nordischen Fährlinie fährt keiner.", "Nordische Fährlinie", None, ["Nordischen Fährlinie"]),
    # A quotation mark between the article and the name, as German copy writes a paper's.
    ("de", "Das sagte er der „Nordischen Rundschau“. Die „Nordische Rundschau“ fragte, und der „Nordischen "
     "Rundschau“ antwortete er.", "Nordische Rundschau", "publication", ["Nordischen Rundschau"]),
    # An acronym the text does not define but spells as a name's initials is the name's alias.
    ("en", "The Northern Rail Alliance met on Monday. Members of the Northern Rail Alliance voted, and "
     "the NRA said it would appeal.", "Northern Rail Alliance", None, ["NRA"]),
    ("en", "The Securities and Exchange Board sued the firm. The SEB said the firm misled investors.",
     "Securities and Exchange Board", None, ["SEB"]),
    # Two people side by side, each named elsewhere in the text: two names, not one.
    ("de", "Reporterin Ilse Brandauer schrieb den Text. Chefin Marta Kovač las ihn. Später zeigte "
     "Brandauer Marta Kovač die Mail, und Kovač antwortete Brandauer.", "Marta Kovač", "person", ["Kovač"]),
    # A surname several people named in full share, used alone, is the first one's: news copy names
    # its subject first, a relative or namesake after.
    ("en", "Senator Alma Vexley spoke on Monday. Her husband, Tobin Vexley, stayed at home. Vexley said "
     "the vote would pass, and Vexley thanked her staff.", "Alma Vexley", "person", ["Vexley"]),
    ("de", "Ministerin Hanna Quellmann sprach am Montag. Ihr Bruder Jörg Quellmann fehlte. Quellmann "
     "sagte, das Gesetz komme, und Quellmann dankte.", "Hanna Quellmann", "person", ["Quellmann"]),
    # … whatever the text makes of the relative named after (a hyphenated given name; a name the
    # model reads as a place's).
    ("en", "Jeanne Vexley was born in Paris. Her father was Anatole-Désiré Vexley, a restaurateur. In "
     "1947, Vexley made her debut, and Vexley won praise.", "Jeanne Vexley", "person", ["Vexley"]),
    # … the one named first, in whichever form it is named again (after a rank).
    ("en", "A statue of Rowan Delmare stands in Lyon. Rowan Delmare was born in 1635. In 1690, Generals "
     "Rowan Delmare and Ivo Brandt took the fort; his son Alard Delmare fell there. Delmare was wounded, "
     "and Delmare died in 1699.", "Rowan Delmare", "person", ["Delmare"]),
    # A person named by the given name alone, in a portrait, is the one person named in full by it; the
    # family name that begins a name written family name first too.
    ("en", "Jared Vexmoor (born 1982) is an American actor. After school, Jared decided to move to Los "
     "Angeles. In 2007, Jared hosted a show, and Vexmoor won an award.", "Jared Vexmoor", "person",
     ["Jared", "Vexmoor"]),
    ("en", "The reforms of Wang Tielun began in 1069. Wang argued that the state should lend to farmers, "
     "and Wang Tielun won the emperor over.", "Wang Tielun", "person", ["Wang"]),
    # A role only a town or a country has, after a name in a run of capitals or in the German genitive,
    # makes the name a place's.
    ("en", "Brenthaven Mayor Alma Vexley opened the bridge. The bridge links Brenthaven to the coast.",
     "Brenthaven", "place", []),
    ("de", "Dieses Miteinander hob Quellbachs Bürgermeister Jan Brenn in seinem Grußwort hervor.",
     "Quellbachs", "place", []),
    # Two words no vocabulary holds, spelled as a given name and a surname are, make a person's name
    # where the model, in its sentence, reads one otherwise.
    ("de", "Beide Schüler von Goffredo Marrasti, Ennio Valdone und Bruno Terzoli, trafen sich am "
     "Konservatorium.", "Ennio Valdone", "person", []),
    # A German noun that says what a name is, in the genitive before it, is no word of it.
    ("de", "Der Schweizer gehört seit Jahren der Gruppe des früheren Händlers Ernano Valdetta an.",
     "Ernano Valdetta", "person", []),
    # A surname used alone makes a person, after a hyphenated given name too.
    ("en", "The deal was signed by Jean-Luc Vantorek in Geneva. Vantorek spoke first, and Vantorek left "
     "early.", "Jean-Luc Vantorek", "person", ["Vantorek"]),
    # A given name only German uses (`Jörg`) reads as a noun, but not where the model is sure of the
    # person: two people of one family.
    ("de", "Ministerin Hanna Quellmann sprach am Montag. Ihr Bruder Jörg Quellmann fehlte. Quellmann "
     "sagte, das Gesetz komme.", "Jörg Quellmann", "person", []),
    # An institution named after a person is no form of the person's name.
    ("en", "The painter Ada Brennick left her prints to the Ada Brennick Foundation, which gave them to the "
     "museum. Brennick died in 1990, and the Ada Brennick Foundation still runs the archive.",
     "Ada Brennick", "person", ["Brennick"]),
    # A given name the training corpora's people begin with makes a person's name of two words, where
    # the model, in its sentence, takes it for a firm's.
    ("de", "Dessen Leitung übernimmt Maxine Quellbrink ab Oktober und berichtet an den Vorstand.",
     "Maxine Quellbrink", "person", []),
    ("de", "Dessen Leitung übernimmt Gennadij Quellbrink ab Oktober und berichtet an den Vorstand.",
     "Gennadij Quellbrink", "person", []),
    # A given name whose ending reads as a people's adjective (`-ian`, `-ic`) is still a given name.
    ("en", "Julian Quellbrink spoke on Monday. Quellbrink said the plan would work, and Quellbrink left.",
     "Julian Quellbrink", "person", ["Quellbrink"]),
    ("en", "Christian Vantor met the press. Vantor said sales rose.", "Christian Vantor", "person",
     ["Vantor"]),
    ("de", "Christian Peter Vantor sprach am Montag. Vantor sagte, der Plan gehe auf, und Vantor ging.",
     "Christian Peter Vantor", "person", ["Vantor"]),
    # A name before a role qualifies the role: `Norland president` is no person.
    ("en", "Norland president Ana Ruiz spoke in Norland on Friday. Ruiz said Norland would sign.",
     "Ana Ruiz", "person", ["Ruiz"]),
    # Spelled as names are: inner capitals and digits.
    ("en", "The iPhone 15 and the iPad sold well; the iPhone led.", "iPhone", "product", []),
    # A possessive at a sentence's start is a name's where the word is no common one.
    ("en", "Quillo's new console sold out. Quillo said it would restock soon.", "Quillo", None, []),
    # A German name's genitive in -s after an adjective is a form of its nominative.
    ("de", "Der Chef des Bayerischen Quellfunks trat zurück. Der Bayerische Quellfunk sucht einen "
     "Nachfolger.", "Bayerischer Quellfunk", "organization", ["Bayerischen Quellfunks"]),
    # A product named by its maker's name and its own, each also alone: no given name and surname.
    ("en", "Quillo released Quillo Vantage on Monday. Vantage costs little, and Quillo expects Vantage to "
     "sell well.", "Quillo Vantage", "other", ["Vantage"]),
    # A surname's German genitive alone is a form of the full name named before.
    ("de", "Nach Angaben von Marta Quellmann sinken die Preise. Quellmanns Prognose ist vorsichtig.",
     "Marta Quellmann", "person", ["Quellmanns"]),
    # A German legislature's noun is an institution's head (`Landtag`, `Kreistag`, `Stadtrat`).
    ("de", "Der Vantorer Kreistag tagt. Im Vantorer Kreistag gab es Streit.", "Vantorer Kreistag",
     "organization", []),
    # A German service's noun before a name is a description of a company (`Streamingdienst`).
    ("de", "Der Streamingdienst Vantix erhöht die Preise. Vantix hat weltweit viele Kunden.", "Vantix",
     "organization", []),
    ("de", "Der Fahrdienst Quillo ist in Berlin aktiv. Quillo wirbt mit günstigen Preisen.", "Quillo",
     "organization", []),
    # A company's trade last in its name makes an organization, not a person.
    ("de", "Die Aktie von Marbeck Automation stieg am Montag. Marbeck Automation meldete Gewinne.",
     "Marbeck Automation", "organization", []),
    ("de", "Die Aktie von Quellmann Robotics stieg am Montag. Quellmann Robotics meldete Gewinne.",
     "Quellmann Robotics", "organization", []),
    # A sports club's abbreviation before its town makes an organization, not a place (a real town:
    # the model reads it as one).
    ("de", "Der SC Trier gewann am Samstag. Der SC Trier bleibt damit vorn.", "SC Trier",
     "organization", []),
    # A device's noun beside a name makes a product.
    ("en", "Quillo unveiled the Vantix camera on Monday. The Vantix camera costs $500, and Vantix ships "
     "in May.", "Vantix", "product", []),
    ("de", "Die Drohne Zorvo fliegt weit. Zorvo wiegt 300 Gramm, und Zorvo kostet wenig.", "Zorvo", "product",
     []),
    # A variant's letter after a hyphen: a standard's or a connector's.
    ("de", "Der Sender strahlt über QVB-T aus. QVB-T erreicht viele Haushalte, sagt die Firma.", "QVB-T",
     "product", []),
    ("en", "The box supports QSB‐C. QSB‐C carries power, and QSB‐C is spreading.", "QSB-C", "product",
     ["QSB‐C"]),
    # No one's name has a digit in it, whatever the words around it (`Chef` cues a person).
    ("de", "Chef 7Keeper? Chef 7Keeper ist eine Marke, sagt Chef 7Keeper.", "7Keeper", "product", []),
    # A German genitive of a full name names the person, titled in the nominative.
    ("de", "Die Rede steht in einem Beitrag Karla Wendlands. Später schrieb Karla Wendland ein Buch, "
     "sagte Wendland.", "Karla Wendland", "person", ["Karla Wendlands", "Wendland"]),
    # A full name only in the genitive before a noun, whose surname the text uses alone, is titled in
    # the nominative, even where the surname is a common word (`Söder`).
    ("de", "In Markus Söders Kabinett gibt es Streit. Gestern sagte Söder, er bleibe ruhig.", "Markus Söder",
     "person", ["Markus Söders", "Söder"]),
    # A name only ever in the genitive before a noun is titled in the nominative.
    ("de", "In der Halle hängt Hanno Kesslings Motto. Hanno Kesslings Erbe wirkt, sagt Hanno Kesslings "
     "Sohn.", "Hanno Kessling", None, ["Hanno Kesslings"]),
    # The particles of a person's name are words of it (`von der` too), and the name from its
    # particle on, capitalised where it begins a sentence, is the same person's.
    ("de", "Auf dem Gipfel sagte Almut von der Helling, man werde handeln. Später bekräftigte von der "
     "Helling das.", "Almut von der Helling", "person", []),
    ("en", "The collector Pieter van Oordtveld sold one work. Van Oordtveld said little, and van "
     "Oordtveld left.", "Pieter van Oordtveld", "person", ["Van Oordtveld"]),
    # A capitalised word after a dotted abbreviation does not begin a sentence.
    ("en", "The U.S. Coastal Freight Board fined the firm. Lawyers for the U.S. Coastal Freight Board "
     "agreed.",
     "Coastal Freight Board", None, []),
    # A newspaper's name by its last word.
    ("en", "The Harbourton Post first reported the deal. A spokesman told the Harbourton Post that talks "
     "continue.", "Harbourton Post", "publication", []),
    # An English noun in `-ian` is no people's word: `the Guardian` is a paper's name.
    ("en", "A spokesperson told the Guardian that talks would continue. The Guardian reported on Monday "
     "that the deal was off.", "Guardian", "publication", []),
    # A German compound ending in an institution's noun is the institution's name, and the acronym
    # its parts' initials spell is its alias.
    ("de", "Das Ernst-Kolbe-Institut meldet mehr Fälle. Laut Ernst-Kolbe-Institut steigt die Zahl, so das "
     "EKI.", "Ernst-Kolbe-Institut", "organization", ["EKI"]),
    ("de", "Das teilte das Schifffahrt-Landesamt (SLA) mit. Das SLA prüft, sagt das Schifffahrt-Landesamt.",
     "Schifffahrt-Landesamt", "organization", ["SLA"]),
    # A description after a name, set off by a comma, tells its type; so does a role after a
    # country's adjective, which is no word of the name.
    ("en", "Shares of Zorvex, the Chinese tech giant, fell. Zorvex said sales dropped, and Zorvex cut jobs.",
     "Zorvex", "organization", []),
    ("de", "Die Aktie von Kelbrand, dem chinesischen Hersteller, fiel. Kelbrand meldete Verluste; Kelbrand "
     "spart.", "Kelbrand", "organization", []),
    ("de", "Zuletzt sprach Kelbrand, die Sprecherin der Firma, mit Journalisten. Kelbrand sagte, Kelbrand "
     "bleibe.", "Kelbrand", "person", []),
    ("de", "Kelbrand stellte Zorvo vor. Mit Zorvo, seinem ersten großen Sprachmodell, will Kelbrand wachsen. "
     "Zorvo ist klein.", "Zorvo", "product", []),
    ("en", "Norlandic Chancellor Ilse Marbeck met the press. Marbeck said little.", "Ilse Marbeck", "person",
     ["Marbeck"]),
    # A small number the text writes after the same name more than once is the model's number of a
    # product's name (one digit too); once, it counts something.
    ("en", "Vantix sold 50 million Orbis 5 consoles. The Orbis 5 costs 499 dollars, and Vantix said Orbis 5 "
     "sales rose.", "Orbis 5", "product", []),
    ("de", "Quillo hat Vantos 11 aktualisiert. Das Update für Vantos 11 behebt Fehler, teilte Quillo mit.",
     "Vantos 11", "product", []),
    ("de", "Das Update ist für Vantos X 10.10 verfügbar. Es setzt Vantos X 10.10 voraus, sagt Quillo.",
     "Vantos X 10.10", None, []),
    ("en", "The court gave Quillo 10 days to respond. Quillo said it would comply, and Quillo did.", "Quillo",
     None, []),
    # A model's number after a name makes a product; a year does not.
    ("en", "At Vantex Week 2024 the firm showed its Orbis S24. The Orbis S24 sells in May, Vantex said.",
     "Orbis S24", "product", []),
    # An event by the last word of its name, or by a year after it (not a law's `of 1922`).
    ("en", "At Vantex Week 2024 the firm showed its Orbis S24. The Orbis S24 sells in May, Vantex said.",
     "Vantex Week 2024", "event", []),
    ("de", "Auf der Berliner Gartenschau zeigte Lena Hoschek Pflanzen. Die Berliner Gartenschau endet.",
     "Berliner Gartenschau", "event", []),
    ("en", "Fans flocked to the Harlow Bowl in Vantor. The Harlow Bowl drew millions of viewers, and the "
     "Harlow Bowl sold out.", "Harlow Bowl", "event", []),
    # One German compound an acronym in brackets spells is the name, titled by it, the acronym its alias.
    ("de", "Das Bundesvantoramt (BVA) warnt. Laut BVA stieg die Zahl der Fälle, sagte der BVA-Chef.",
     "Bundesvantoramt", "organization", ["BVA"]),
    # An adjective before an institution's noun is a word of its name, no noun in apposition.
    ("de", "Ein Sprecher des Auswärtigen Amts sagte, man prüfe das. Im Auswärtigen Amt ist man "
     "zurückhaltend.", "Auswärtiges Amt", "organization", []),
    # A federal institution named by one compound is a name, titled in the nominative where the text
    # writes only its genitive; with a place after it, the compound alone is its short form.
    ("de", "Die Kritik des Bundesvantorhofs ist deutlich. Ein Bericht des Bundesvantorhofs liegt vor.",
     "Bundesvantorhof", "organization", ["Bundesvantorhofs"]),
    ("de", "Das Landeskriminalamt Vantor ermittelt. Das Landeskriminalamt warnt vor Betrug.",
     "Landeskriminalamt Vantor", "organization", ["Landeskriminalamt"]),
    # So is a federal institution's noun and what it is for, after `für` (`Bundesamt` too, which
    # alone is a noun).
    ("de", "Die Bundesagentur für Arbeit meldet weniger Arbeitslose. Nach Angaben der Bundesagentur für "
     "Arbeit sank die Quote.", "Bundesagentur für Arbeit", "organization", []),
    ("de", "Das Bundesamt für Küstenschutz warnt. Laut dem Bundesamt für Küstenschutz steigt das Meer.",
     "Bundesamt für Küstenschutz", "organization", []),
    # What only a company has, before `von` or `of`, after a genitive or a possessive or joined to the
    # name, makes its owner an organization, whatever person the model takes an unknown word for.
    ("de", "Quello hat im dritten Quartal mehr verdient. Der Umsatz von Quello stieg um zehn Prozent. Quello "
     "beschäftigt 5000 Menschen.", "Quello", "organization", []),
    ("de", "Zuletzt wuchs Quello kräftig. Quellos Umsatz stieg um zehn Prozent, und Quello stellt ein.",
     "Quello", "organization", ["Quellos"]),
    ("de", "Quello hat im dritten Quartal mehr verdient. Die Quello-Aktie stieg um zehn Prozent. Quello "
     "beschäftigt 5000 Menschen.", "Quello", "organization", []),
    ("en", "Quillendo's first phone game will launch in December. Quillendo said the game would cost $10. "
     "Shares of Quillendo rose.", "Quillendo", "organization", []),
    # A genitive of a word the model tags as a name elsewhere loses nothing by the model's silence on it.
    ("de", "Die Bewohner des Ruhrgebiets leiden unter dem Strukturwandel. Im Ruhrgebiet fehlen Jobs.",
     "Ruhrgebiet", "place", ["Ruhrgebiets"]),
    # An adjective in the genitive plural after an institution's noun makes the noun the name's head.
    ("de", "Der Verband Deutscher Vantorbauer warnt. Laut dem Verband Deutscher Vantorbauer fehlt Personal.",
     "Verband Deutscher Vantorbauer", "organization", []),
    # A place's adjective in -er before a name's adjective takes no ending; the adjective after it is
    # titled in the nominative.
    ("de", "Er sagte der Harlower Allgemeinen Zeitung, man prüfe das. In der Harlower Allgemeinen Zeitung "
     "stand es.", "Harlower Allgemeine Zeitung", "publication", ["Harlower Allgemeinen Zeitung"]),
    # What German copy is at in a place is a fair, a show, a festival: an event.
    ("de", "Auf der Vantorfair in Berlin zeigt Quillo neue Geräte. Die Vantorfair endet am Sonntag.",
     "Vantorfair", "event", []),
    # A German compound's head tells the name it is: a paper's (`-blatt`, `-zeitung`), a court's.
    ("de", "Wie das Vantorblatt berichtet, will Quillo Stellen streichen. Laut Vantorblatt ist das Ziel "
     "klar.", "Vantorblatt", "publication", []),
    # A German noun after a place is no word of its name; a name spelled as no noun is (`iPhone 16`)
    # is no noun in apposition.
    ("de", "Quillo hat das iPhone 16 vorgestellt. Das neue iPhone 16 kommt im September, sagte Quillo.",
     "iPhone 16", "product", []),
    # A German court's or authority's noun begins its name, and the place after it is its word; where
    # the text only writes the genitive, the name is titled in the nominative.
    ("de", "Das Landgericht Vantor hat die Klage abgewiesen. Die Richter am Landgericht Vantor folgten der "
     "Argumentation.", "Landgericht Vantor", "organization", []),
    ("de", "Die Staatsanwaltschaft Vantor ermittelt gegen den Manager. Ein Sprecher der Staatsanwaltschaft "
     "Vantor bestätigte das.", "Staatsanwaltschaft Vantor", "organization", []),
    ("de", "Die Verbraucherzentrale Vantor warnt vor gefälschten Mails. Nach Angaben der Verbraucherzentrale "
     "Vantor sind viele Kunden betroffen.", "Verbraucherzentrale Vantor", "organization", []),
    ("de", "Die Polizei Vantor sucht Zeugen. Ein Sprecher der Polizei Vantor sagte, der Täter sei geflohen.",
     "Polizei Vantor", "organization", []),
    ("de", "Die Richter des Amtsgerichts Harlow folgten der Klage. Ein Sprecher des Amtsgerichts Harlow "
     "bestätigte das Urteil.", "Amtsgericht Harlow", "organization", ["Amtsgerichts Harlow"]),
    # A name's possessive before a role or a product is its owner's or its maker's: an organization.
    ("en", "Analysts said Vantix's phone business grew. Vantix's phone sold well, and Vantix hired.",
     "Vantix", "organization", []),
    # The noun for a thing's kind before `called`, `named`, `namens` tells its type.
    ("en", "Researchers found a new strain of ransomware called Vortexa. Vortexa encrypts files, they said.",
     "Vortexa", "product", []),
    ("de", "Der Konzern kaufte ein Start-up namens Quillo. Quillo baut Schlösser, Quillo wächst.", "Quillo",
     "organization", []),
    # A cue before a name is the word beside it, not one across a comma or a sentence's end.
    ("en", "According to the Harbourton Journal, Quillo is testing a new car. The carmaker Quillo "
     "declined to comment.", "Quillo", "organization", []),
    ("en", "The firm showed its new smartphone. Quillo said sales rose, the carmaker Quillo said.", "Quillo",
     "organization", []),
    # A company by its name's last word, whatever cue it is beside a name (`capital`).
    ("en", "Investors led by Vantor Capital put in money. Vantor Capital said the round closed.",
     "Vantor Capital", "organization", []),
    ("en", "Verizon agreed to buy Harlow Communications. The deal gives Verizon more customers, Harlow "
     "Communications said.", "Harlow Communications", "organization", []),
    # Forces and police by their name's last word, whatever place its first names; a press agency's
    # or a paper's `Press` a publication.
    ("en", "Officers of the Norway Police arrested two men. A spokesman for the Norway Police said both were "
     "charged.", "Norway Police", "organization", []),
    ("en", "The European Parliament approved the law on Wednesday. Members of the European Parliament "
     "cheered.", "European Parliament", "organization", []),
    ("en", "This report was written by the Harlow Press. Reporters for the Harlow Press saw the damage.",
     "Harlow Press", "publication", []),
    # A club by its name's last word, whatever place its first names; a role is no given name a
    # connector may follow (`Trainer von …`).
    ("en", "On Sunday, Harlow United beat Vantor 2-1. Fans of Harlow United cheered.", "Harlow United",
     "organization", []),
    ("de", "Am Samstag verlor Borussia Vantor. Trainer von Borussia Vantor ist Niko Kessel.",
     "Borussia Vantor", None, []),
    # Words of the language an `and` joins before an institution's head are one name; a company's
    # name before `and` is not its word.
    ("en", "On Monday the Fish and Timber Commission met. Members of the Fish and Timber Commission voted.",
     "Fish and Timber Commission", "organization", []),
    # Not where the word before `and` is an institution's noun of its own.
    ("en", "The ruling alarmed the Court and National Assembly in Vantor. Later the National Assembly met "
     "again.", "National Assembly", "organization", []),
    ("en", "Shares of Quillo and Deutsche Bank fell. Quillo said little, and Deutsche Bank declined to "
     "comment.", "Deutsche Bank", "organization", []),
    # A people's possessive is a word of a name; an owner's ends it.
    ("en", "The People's Bank of Vantor cut rates. Analysts said the People's Bank of Vantor would cut "
     "again.", "People's Bank of Vantor", "organization", []),
    ("en", "Spain won the Women's Vantor Cup in Sydney. The Women's Vantor Cup drew record crowds.",
     "Women's Vantor Cup", "event", []),
    # A profession before a name is no word of it.
    ("en", "Mathematician Hanna Kessel proved the theorem. Kessel was 31.", "Hanna Kessel", "person",
     ["Kessel"]),
    # Letters for an honour or a seat after a person's name are no words of it.
    ("en", "Daniel Kessel FRS was a mathematician. Kessel wrote a book. Kessel died in 1782.",
     "Daniel Kessel", "person", ["Kessel"]),
    ("de", "Die Abgeordnete Ilse Marbeck MdB sprach. Marbeck sagte nein.", "Ilse Marbeck", "person",
     ["Marbeck"]),
    # A place, a people or a party before a person's name in one run of capitals is no word of it.
    ("en", "He met Ambassador to the United Kingdom Jorvan Pellet on Monday. Pellet said little.",
     "Jorvan Pellet", "person", ["Pellet", "United Kingdom Jorvan Pellet"]),
    ("en", "The bill passed after Democrat Hanna Kessel voted yes. Kessel said she was proud.",
     "Hanna Kessel", "person", ["Kessel", "Democrat Hanna Kessel"]),
    # A compass word or `Upper` first makes a place's name, no person's, whatever the model makes of it.
    ("en", "Floods hit North Harlowshire on Monday. In Harlowshire, roads were closed, and Harlowshire "
     "farmers waited.", "North Harlowshire", "place", ["Harlowshire"]),
    ("en", "Walkers crossed Upper Quillo on Sunday. Quillo is a quiet valley, and Quillo has one inn.",
     "Upper Quillo", "place", ["Quillo"]),
    # A storm by the word its name begins with: an event, not the person its given name would make.
    ("en", "In 2031 Hurricane Marlowe struck Vantor. Officials said Marlowe killed 40 people.",
     "Hurricane Marlowe", "event", ["Marlowe"]),
    ("de", "Sturm Kordula hat in Vantor Bäume entwurzelt. Laut Wetterdienst zieht Kordula weiter.",
     "Sturm Kordula", "event", ["Kordula"]),
    # A number before a name is no word of it, after a sentence's first word too.
    ("en", "In 2031 Vantor Labs opened in Ohio. Officials said Vantor Labs hired 1,800 people.",
     "Vantor Labs", None, []),
    # A war, a revolution, a crisis, a contest by its head word, or a battle before its link; a German
    # compound by its ending.
    ("en", "Veterans of the Norlandic War met in Vantor. The Norlandic War ended in 1953.", "Norlandic War",
     "event", []),
    # The model's place in its first word (a real country it knows) speaks of that word, not the war.
    ("en", "Veterans of the Vietnam War met in Hanoi. The Vietnam War ended in 1975.", "Vietnam War",
     "event", []),
    ("en", "The Harlow Revolution changed the region. Historians still debate the Harlow Revolution.",
     "Harlow Revolution", "event", []),
    ("en", "After the Harlow War II ended, veterans returned. The Harlow War II changed the region.",
     "Harlow War II", "event", []),
    ("en", "The Battle of Vantor took place in 1066. The Battle of Vantor is taught in every school.",
     "Battle of Vantor", "event", []),
    ("de", "Die Veteranen des Norlandkriegs trafen sich in Vantor. Der Norlandkrieg endete 1953.",
     "Norlandkrieg", "event", []),
    ("de", "Beim Vantorfest wurden sechs Millionen Besucher gezählt. Das Vantorfest endet am Sonntag.",
     "Vantorfest", "event", []),
    # The head noun of a name used alone is no surname.
    ("en", "The Harbourton Journal first reported the talks. The Journal said both firms were close.",
     "Harbourton Journal", "publication", ["Journal"]),
    # A name joined to a product's noun, or before one, is a product: a messenger by its messages.
    ("de", "Sie schickte ihm eine Quillo-Nachricht. Quillo sei sicher, sagte sie; Quillo nutzt sie oft.",
     "Quillo", "product", []),
    ("en", "He sent a Quillo message. Quillo is secure, she said, and Quillo grows.", "Quillo", "product",
     []),
    # An article written with a capital inside a sentence is a title's; at a sentence's start it
    # says nothing, and the name without it is the same.
    ("en", "She watched The Glass Orchard on Sunday. Critics loved The Glass Orchard. The Glass Orchard won.",
     "The Glass Orchard", None, ["Glass Orchard"]),
    # English writes no common noun with a capital: an institution's name said once is a name.
    ("en", "Speaking in Davos, Ilse Marbeck said Europe must act. Marbeck leads the European Commission.",
     "European Commission", "organization", []),
    # A surname German uses as a word (`Baumeister`) is no noun where the model takes the full
    # name for a person's: the pieces the rules cut are one name, the surname alone its form.
    ("de", "Gestern sprach Jörg Baumeister in Berlin. Baumeister sagte, die Lage sei ernst.",
     "Jörg Baumeister", "person", []),
    ("de", "Gestern sprach Petra Fischer in Berlin. Fischer sagte, die Lage sei ernst.", "Petra Fischer",
     "person", ["Fischer"]),
    # An initial inside a name keeps its full stop.
    ("en", "On Monday, Walter J. Hemsley opened the plant. Hemsley said it would hire.", "Walter J. Hemsley",
     "person", ["Hemsley"]),
    # A hyphenated brand is no noun in apposition before a name (`Waymo-Chef` is).
    ("de", "Die Mercedes-Benz Group meldete Rekordgewinne. Mercedes-Benz will mehr E-Autos bauen.",
     "Mercedes-Benz Group", "organization", []),
    # Where the model is sure of a name the rules cut (a noun after an acronym, a city after a
    # club), the name is the model's.
    ("de", "Thyssenkrupp-Chef Miguel López will den Stahl abspalten. Die IG Metall protestiert; López "
     "bleibt hart.", "IG Metall", "organization", []),
    ("de", "Der Fußballverein FC Bayern München gewann am Samstag deutlich. Trainer Thomas Tuchel lobte das "
     "Team.", "FC Bayern München", "organization", []),
    # In English, capitals inside a sentence make a name of several words whatever the model says;
    # an institution's last word types it.
    ("en", "The 737 Max was grounded after the crash. The Federal Aviation Administration said the jet "
     "needs a fix.", "Federal Aviation Administration", "organization", []),
    # English capitalises no common word after a hyphen: a double-barrelled surname is one word.
    ("en", "Ada Lovell-Fried, the founder of Quillo, was sued. Lovell-Fried faces a trial, lawyers said.",
     "Ada Lovell-Fried", "person", ["Lovell-Fried"]),
    # An acronym may spell the small words of a name too.
    ("en", "Analysts expect the Bank of Norland to cut rates. The BoN meets on Thursday, and the BoN "
     "will act.", "Bank of Norland", "organization", ["BoN"]),
    # Hyphens of different code points are one hyphen, and the name is titled with the keyboard's.
    ("de", "Der Empfang über DVB‐T endet bald. Wer DVB-T nutzt, braucht Neues. Ohne DVB‐T geht es.",
     "DVB-T", None, ["DVB‐T"]),
    ("en", "Quillo sells the Vexa‑Pad in May. The Vexa‑Pad costs $300, and the Vexa‑Pad ships in June.",
     "Vexa-Pad", None, ["Vexa‑Pad"]),
    # A long name with small words in it, spelled by the acronym in brackets after it, is one name;
    # only the adjectives before its head agree with the article.
    ("de", "Das Landesamt für Küstenschutz und Meeresdaten (LKM) warnt. Das LKM rät ab, so das LKM.",
     "Landesamt für Küstenschutz und Meeresdaten", None, ["LKM"]),
    ("de", "Der Verein zur Pflege historischer Leuchttürme (VPHL) sammelt. Laut VPHL fehlt Geld, sagt der "
     "VPHL.", "Verein zur Pflege historischer Leuchttürme", None, ["VPHL"]),
    ("en", "The Council on Tidal Research and Coastal Defence (CTRCD) met. The CTRCD voted, CTRCD said.",
     "Council on Tidal Research and Coastal Defence", None, ["CTRCD"]),
    # An institution's or a law's name goes on with `of` or `for` after its head word.
    ("en", "Analysts at the Bank of Lindaria expect more. The Bank of Lindaria raised rates, the Bank "
     "of Lindaria said.", "Bank of Lindaria", "organization", []),
    ("en", "Lawyers say the Harbour Works Act of 1922 still applies, and the Institute for Tidal Studies "
     "agrees. He spoke of Norland.", "Harbour Works Act of 1922", None, []),
    ("en", "Lawyers say the Harbour Works Act of 1922 still applies, and the Institute for Tidal Studies "
     "agrees. He spoke of Norland.", "Institute for Tidal Studies", "organization", []),
    ("en", "Scientists at the Harlow Center for Coastal Forecasts found more, the Harlow Center for "
     "Coastal Forecasts said.", "Harlow Center for Coastal Forecasts", "organization", []),
    # One word the text never names in full nor shows as a person's is no person where the model is
    # unsure of one (here its organization, then two persons); a role word before it makes it one.
    ("de", "Das Geschäft von Zorvalo wuchs kräftig. Wie Zorvalo mitteilte, hat Zorvalo nun zehn Millionen "
     "Nutzer.", "Zorvalo", "organization", []),
    ("de", "Laut Kanzlerin Merkel ist das gut. Merkel sagte, sie wolle mehr. Merkel bleibt. Kanzlerin "
     "Merkel geht.", "Merkel", "person", []),
    # Where the text says what it is (a product's noun after it), the model's doubtful person is no
    # vote for an organization.
    ("en", "Quillo unveiled the Tarvex headset on Monday. The Tarvex will cost $999. Reviewers said the "
     "Tarvex felt heavy, and Quillo said the Tarvex would ship in June.", "Tarvex", "product", []),
    # A city's name is a person's where the model is sure of one (a real surname: the rule rests on
    # what the model learnt).
    ("de", "„Wir müssen uns erholen und es gegen Norland noch einmal versuchen“, hoffte Darwin.", "Darwin",
     "person", []),
    # A work's title or a sentence the model takes for one name of another kind, a person's inside.
    ("de", "Das Beispiel: Anna Wahlmer (\"Annas Markt\") sagte, er verdiene viel.", "Anna Wahlmer", "person",
     []),
    # A word the model takes for a person's more often than not, where the text shows nothing else:
    # an excerpt names no one in full.
    ("en", "\"This is a disaster for patients,\" Quellmann said in an interview on Thursday. \"Doctors have "
     "only a prescription pad,\" Quellmann said.", "Quellmann", "person", []),
    # A state or province (ISO 3166-2) is a place, whatever the words around it suggest.
    ("en", "Farmers in Minas Gerais and her neighbours lost their crops.", "Minas Gerais", "place", []),
    # The unions CLDR lists among its territories are organizations.
    ("en", "Ilse Marbeck spoke at the United Nations on Monday. Marbeck later left New York.",
     "United Nations", "organization", []),
    # The head noun of a name used alone makes no surname: a paper's, an event's, a name with an
    # article or a link word in it is no person's.
    ("en", "Satirists at The Gilded Spoon mocked the mayor. The Spoon later apologised, and the Spoon "
     "grew.", "The Gilded Spoon", "other", []),
    ("en", "Athletes at the Norland Games won gold. The Games ended on Sunday; the Games cost a lot.",
     "Norland Games", "event", []),
    ("en", "Researchers from the Centre for Marine Evolution published the study. Evolution researchers at "
     "the Centre for Marine Evolution disagreed.", "Centre for Marine Evolution", "organization", []),
    # A country's name before an institution's that the text also uses alone is no word of it; a
    # country only the start of a sentence cut off stays.
    ("en", "Lawmakers in the US Harbour Board voted on Monday. The Harbour Board later said the vote "
     "stands, and the Harbour Board adjourned.", "Harbour Board", "organization", ["US Harbour Board"]),
    ("en", "Shares of China Quillo rose. China Quillo said sales grew, and China Quillo hired.",
     "China Quillo", None, ["Quillo"]),
    # A German adjective a point of the compass begins, and `allgemein`, are a name's adjectives; a
    # genitive in -es is a form of the name.
    ("de", "Laut einer Umfrage der Westdeutschen Zeitung wächst der Markt. Die Westdeutsche Zeitung "
     "berichtete zuerst.", "Westdeutsche Zeitung", "publication", ["Westdeutschen Zeitung"]),
    ("de", "Wie die Allgemeine Hafenzeitung berichtet, fehlt Geld. Der Allgemeinen Hafenzeitung zufolge "
     "sinkt der Preis.", "Allgemeine Hafenzeitung", "publication", []),
    ("de", "Der Norländische Fischereibund warnt. Der Chef des Norländischen Fischereibundes sprach am "
     "Montag.", "Norländischer Fischereibund", "organization", ["Norländischen Fischereibundes"]),
    # A German institution's noun its name goes on after is the name's first word, no description
    # (a club's is: `der Verein Quillo`).
    ("de", "Die Universität Kelbrand will weiter forschen. Forscher der Universität Kelbrand fanden Spuren.",
     "Universität Kelbrand", "organization", []),
    ("de", "Die Stiftung Quillo testet Geräte. Laut Stiftung Quillo sind viele mangelhaft, so die Stiftung "
     "Quillo.", "Stiftung Quillo", "organization", []),
    ("de", "Der Verein Quillo klagt. Laut Verein Quillo fehlt Geld, sagte der Verein Quillo.", "Quillo",
     "organization", []),
    ("de", "Nach Angaben der Stadtwerke Kelbrück fällt der Strom aus. Die Stadtwerke Kelbrück reparieren das "
     "Netz.", "Stadtwerke Kelbrück", "organization", []),
    ("de", "Nach Angaben der Stadtwerke München fällt der Strom aus. Die Stadtwerke München reparieren das "
     "Netz.", "Stadtwerke München", None, []),
    # A role after a name, before another name, makes the first the role's company (a place's
    # stays a place), and the pronoun after the second is the second's.
    ("en", "Harlow Brothers analyst Jane Porter cut her forecast. Porter said Harlow Brothers expects a "
     "slowdown.", "Harlow Brothers", "organization", []),
    ("en", "Norland president Ilse Marbeck met Harlow Brothers analyst Jane Porter. Marbeck said Norland "
     "would act. Harlow Brothers disagreed, and Norland left.", "Norland", "place", []),
    # A company reports figures, a paper news.
    ("en", "Shares of Quillo rose 5% after Quillo reported record sales. Quillo's chips power phones.",
     "Quillo", "organization", []),
    # A model's number inside a product's name: after a name spelled as one, or before a model's word.
    ("en", "Quillo unveiled the zPhone 15 Pro on Tuesday. The zPhone 15 Pro costs more, Quillo said.",
     "zPhone 15 Pro", "product", []),
    ("de", "Quillo zeigte das Vantor 12 Pro. Das Vantor 12 Pro kostet mehr, sagte Quillo. Quillo verkaufte "
     "10 Millionen Geräte.", "Vantor 12 Pro", "product", []),
    # A place the gazetteer knows is one name, its hyphen no compound's.
    ("de", "In Schleswig-Holstein wird gewählt. Die Landesregierung von Schleswig-Holstein tagte. Die Wahl "
     "in Schleswig-Holstein ist wichtig.", "Schleswig-Holstein", "place", []),
    # A given name in -s before a surname is no genitive (the text never names `Jen`).
    ("de", "Vorstandschef Jens Marbeck sagte, es gehe aufwärts. Marbeck will investieren. Marbeck bleibt "
     "bis 2027.", "Jens Marbeck", "person", ["Marbeck"]),
    # A participle is a German name's adjective too, titled in the nominative without the article.
    ("de", "In den Vereinigten Norländern steigen die Preise. Die Vereinigten Norländer erheben Zölle.",
     "Vereinigte Norländer", None, ["Vereinigten Norländer"]),
    # After `dem`, `des` or `im` a masculine or a neuter name looks alike; the noun's ending tells.
    ("de", "Die Abgeordneten des Norländischen Landestages stimmten zu. Im Norländischen Landestag gab es "
     "Streit.", "Norländischer Landestag", None, ["Norländischen Landestag"]),
    # A German adjective begins no person's name, whatever the name's last word alone says.
    ("de", "Quillo-Chef Tim Hollweg kündigte Investitionen an. Die Deutsche Quillo will ausbauen. Hollweg "
     "sagte, die Quillo sei stark.", "Deutsche Quillo", "organization", ["Quillo"]),
    ("de", "Der Autobauer Quillo meldet Verluste. Quillo will sparen. Wie Quillo mitteilte, fallen 500 "
     "Stellen weg.", "Quillo", "organization", []),
    # A name the text writes after a small `the` is titled without the capital `The` a quote gave it.
    ("en", "Critics attacked the Church of Norland. One sign read: \"Down with The Church of Norland.\" "
     "Members of the Church of Norland marched, and the Church of Norland sued.", "Church of Norland",
     "organization", ["The Church of Norland"]),
    # Where the model is sure of an institution's name, its head noun and the link after it are its
    # words (`für`, `of`), and a genitive of the head a form of it; so is a head noun last.
    ("de", "Im Auftrag des Bundesministeriums für Küstenschutz entstand die Studie. Das Bundesministerium "
     "für Küstenschutz zahlt.", "Bundesministerium für Küstenschutz", "organization",
     ["Bundesministeriums für Küstenschutz"]),
    ("de", "Laut der Neuen Zürcher Zeitung sinken die Preise. Die Neue Zürcher Zeitung berichtet täglich.",
     "Neue Zürcher Zeitung", "publication", ["Neuen Zürcher Zeitung"]),
    # A law's, a treaty's, a prize's or a data set's last word makes it none of the finer types.
    ("en", "The Oslo Protocol set a goal. Under the Oslo Protocol, nations report. The Oslo Protocol "
     "holds.", "Oslo Protocol", "other", []),
    ("en", "Lena Morcroft won the Marbeck Prize for Physics on Monday. The Marbeck Prize is worth $1 "
     "million.", "Marbeck Prize", "other", []),
    ("en", "The Harlow Carbon Database tracks emissions. According to the Harlow Carbon Database, fires "
     "rose.", "Harlow Carbon Database", "other", []),
    # A German institution's name goes on with `für` after its head, a compound (not any noun's).
    ("de", "Die Landesagentur für Küstenschutz meldete mehr Schäden. Die Landesagentur für Küstenschutz "
     "rechnet mit mehr. Laut Landesagentur für Küstenschutz steigt die Zahl.",
     "Landesagentur für Küstenschutz", "organization", []),
    # Initials written with full stops spell a longer name of the text as well.
    ("en", "The Norland Republic imposed tariffs. The NR later lifted them, and N.R. officials said the "
     "NR would wait.", "Norland Republic", None, ["NR", "N.R."]),
    # An ordinal or a decade before a name is no word of it.
    ("en", "Leaders met at the 60th Harlow Summit on Monday. The Harlow Summit ended late, and Harlow "
     "Summit talks go on.", "Harlow Summit", "event", []),
    # A place by the last word of its name.
    ("en", "Tourists visit Colby Springs each summer. Colby Springs has two hotels.", "Colby Springs",
     "place", []),
    # A person's name with and without a middle name or initial is one name, titled without it where
    # the text writes it so as often.
    ("en", "Harald Quentin Marbeck was born in 1950. Harald Marbeck studied law in Vantor. Marbeck later "
     "taught.", "Harald Marbeck", "person", ["Harald Quentin Marbeck", "Marbeck"]),
    ("en", "Eliza J. Torvald founded Quillo. Eliza Torvald said Quillo grew. Torvald left in 2020.",
     "Eliza Torvald", "person", ["Eliza J. Torvald", "Torvald"]),
    ("en", "Harald Jean-Quentin Marbeck was born in 1950. Harald Marbeck studied law in Vantor. Marbeck "
     "later taught.", "Harald Marbeck", "person", ["Harald Jean-Quentin Marbeck", "Marbeck"]),
    # One word the text never names in full is a person's where the model is sure of one each time
    # (a real surname here: the rule rests on what the model learnt).
    ("de", "Merkel sagte am Montag, die Lage sei ernst. Merkel reist morgen nach Paris.", "Merkel", "person",
     []),
    # One word nothing in the text types is most often an organization's name.
    ("en", "Shares of Zentrix slid. Zentrix shares fell again on Friday; Zentrix may fall further.",
     "Zentrix", "organization", []),
    # The noun before `such as` or `wie` types the names listed as its examples.
    ("en", "Leaders of tech firms such as Vantix, Quillo and Marbeck met on Monday. Investors in Vantix "
     "cheered. Quillo stayed away.", "Vantix", "organization", []),
    ("de", "Konzerne wie Vantix, Quillo und Marbeck verlieren Kunden. Vantix will sparen. Marbeck schweigt.",
     "Vantix", "organization", []),
    # After `im` or `dem`, a war's head noun tells the ordinal's gender.
    ("de", "Im Ersten Harlowkrieg kämpften Tausende. Nach dem Ersten Harlowkrieg zerfiel das Reich.",
     "Erster Harlowkrieg", "event", ["Ersten Harlowkrieg"]),
    # A place the text names only in the genitive or the dative is titled in the nominative (a real
    # place: the rule rests on the gazetteer).
    ("de", "Die Wirtschaft Frankreichs wächst. Frankreichs Exporte steigen, sagte der Minister.",
     "Frankreich", "place", ["Frankreichs"]),
    ("de", "Quillo wächst in den Niederlanden schnell. Aus den Niederlanden kommen viele Kunden.",
     "Niederlande", "place", ["Niederlanden"]),
    # The full stop after dotted initials is the name's, at a sentence's end too.
    ("en", "Quillo moved its base to the U.S. Rivals stayed in the U.K. and the U.S. market grew.", "U.S.",
     "place", []),
    # A treaty's, a battle's, a gulf's name goes on with `of` after its head word.
    ("en", "The war ended with the Treaty of Vantor. Under the Treaty of Vantor both sides withdrew.",
     "Treaty of Vantor", "other", []),
    ("en", "Ships crossed the Gulf of Vantor. The Gulf of Vantor is shallow.", "Gulf of Vantor", "place", []),
    # A German place's adjective before a head noun is a word of the name: a place the model knows
    # (real ones: the rule rests on what it learnt) or one the text names.
    ("de", "Die Münchner Sicherheitskonferenz beginnt am Freitag. Auf der Münchner Sicherheitskonferenz "
     "spricht Quillo.", "Münchner Sicherheitskonferenz", "event", []),
    ("de", "An der Frankfurter Börse fielen die Kurse. Die Frankfurter Börse schloss tiefer.",
     "Frankfurter Börse", "organization", []),
    ("de", "In Harlow fahren viele Autos. Die Harlower Brücke wird saniert. Über die Harlower Brücke fahren "
     "täglich 40.000 Autos.", "Harlower Brücke", "place", []),
    # A military rank or a hyphenated office before a name is a role, no word of it.
    ("en", "Colonel Harald Quent led the unit. Quent said the troops were ready.", "Harald Quent", "person",
     ["Quent"]),
    ("en", "The Secretary-General Ilse Vantor agreed on Monday. Vantor said talks would go on.",
     "Ilse Vantor", "person", ["Vantor"]),
    # A given name after a kin word is a person's, a comma between or not; not German's `Tochter` (a
    # subsidiary as often).
    ("en", "The woman hid her daughter, Vantia, from the police. Vantia was found on Monday.", "Vantia",
     "person", []),
    ("de", "Der Konzern Quillo und seine Tochter Vantix wachsen. Vantix gewinnt viele Kunden, sagt Quillo.",
     "Vantix", "organization", []),
    # Nor is a rank that begins a company's or a hero's name as often, where the text uses the surname.
    ("en", "The ship was steered by Captain Lisa Torvald. Torvald was praised.", "Lisa Torvald", "person",
     ["Torvald"]),
    # One of a people before a name is no word of it (`Frenchman`, `Scotswoman`).
    ("en", "The Scotsman James Marbeck built the engine. Marbeck later sold it.", "James Marbeck", "person",
     ["Marbeck"]),
    # In English, a people's adjective before one word the text names alone is no word of the name;
    # before two it may be (`the Chinese Communist Party`), and before an institution's head noun is
    # (`the Commission` is the name cut short).
    ("en", "Fans of the American Vantopedia wrote in. Vantopedia now has six million pages, and Vantopedia "
     "is free.", "Vantopedia", None, ["American Vantopedia"]),
    ("en", "The Chinese Communist Party met in Beijing. The Communist Party said the plan would hold, and "
     "the Communist Party will vote.", "Chinese Communist Party", "organization", ["Communist Party"]),
    ("en", "The European Commission fined Quillo. The Commission said Quillo had abused its power.",
     "European Commission", "organization", ["Commission"]),
    # Nor is an adherent's noun (`Scientologist`, `Buddhist`).
    ("en", "The talk was given by Buddhist Lena Morcroft on Sunday. Morcroft spoke of her years in Nepal, "
     "and Morcroft took questions.", "Lena Morcroft", "person", ["Morcroft"]),
    # A country's short form before a national or a federal institution's name is no word of it; a
    # survey is an institution by its head word.
    ("en", "Scientists at the US National Tide Survey warned on Monday that the coast is sinking. The "
     "survey has measured it since 1950.", "National Tide Survey", "organization",
     ["US National Tide Survey"]),
    ("en", "China National Petroleum Corporation said on Monday that output rose.",
     "China National Petroleum Corporation", "organization", []),
    # A Romance language's institution or place first in a name English copy keeps untranslated.
    ("en", "She taught at the Universidad de Vantor before she joined Banco Quillo. Banco Quillo made her "
     "its chief economist.", "Banco Quillo", "organization", []),
    ("en", "She taught at the Universidad de Vantor for years, and the Universidad de Vantor thanked her.",
     "Universidad de Vantor", "organization", []),
    # A place's word may be a given name too (`Isla`, `Rue`); an institution's is none.
    ("en", "Isla Quellbrink spoke on Monday. Quellbrink said the film would open, and Quellbrink left.",
     "Isla Quellbrink", "person", ["Quellbrink"]),
    ("en", "Crowds filled the Piazza Marbeck on Sunday; the Piazza Marbeck was closed later.",
     "Piazza Marbeck", "place", []),
    # An event's head noun types its name as much as an institution's does.
    ("en", "Pupils entered the Quillo Science Fair. The Quillo Science Fair ran all week.",
     "Quillo Science Fair", "event", []),
    # A country's name as news copy writes it out, not as CLDR abbreviates it (`St. Lucia`, `&`).
    ("en", "Tourists flew to Saint Lucia and to Trinidad and Tobago. Saint Lucia was sunny, and Trinidad and "
     "Tobago was wet.", "Trinidad and Tobago", "place", []),
    ("en", "Tourists flew to Saint Lucia and to Trinidad and Tobago. Saint Lucia was sunny, and Trinidad and "
     "Tobago was wet.", "Saint Lucia", "place", []),
    # A building, a road, a park: a place by its head word.
    ("en", "Crowds gathered outside the Quillo Tower. The Quillo Tower opened in 1998.", "Quillo Tower",
     "place", []),
    ("en", "Scientists camped on the Vantor Ice Shelf in May. The Vantor Ice Shelf is melting fast.",
     "Vantor Ice Shelf", "place", []),
    ("de", "Fischer fahren in die Vantorer Bucht. Die Vantorer Bucht ist flach, und in der Vantorer Bucht "
     "liegt Sand.", "Vantorer Bucht", "place", []),
    ("en", "Fans filled the Quillo Arena on Friday. The Quillo Arena holds 20,000.", "Quillo Arena", "place",
     []),
    ("en", "Worshippers left the Vantor Mosque at noon. The Vantor Mosque dates from 1620.", "Vantor Mosque",
     "place", []),
    ("en", "Hikers crossed the Marbeck Nature Reserve. The Marbeck Nature Reserve is closed in winter.",
     "Marbeck Nature Reserve", "place", []),
    # A country's or an army's reserve is an institution (a real one: the rule reads the word before).
    ("en", "The Federal Reserve held rates steady. The Federal Reserve meets again in June.",
     "Federal Reserve", "organization", []),
    ("en", "Ships queued at Marbeck Harbour on Monday. Marbeck Harbour reopened later, and Marbeck Harbour "
     "grew.", "Marbeck Harbour", "place", []),
    # Arabic's article joined to a name by a hyphen is a word of it, in a name and alone.
    ("en", "The director, Suleiman al-Quarni, spoke to reporters. Later al-Quarni said the site was safe.",
     "Suleiman al-Quarni", "person", ["al-Quarni"]),
    ("en", "He served under Abd al-Vantor Quasimi for years; Quasimi named him minister.",
     "Abd al-Vantor Quasimi", "person", ["Quasimi"]),
    ("de", "Der Armeechef Abdel Karim as-Quellani traf den Präsidenten. Später sagte as-Quellani ab.",
     "Abdel Karim as-Quellani", "person", ["as-Quellani"]),
    # A general's rank before a person's full name is no word of it; a company's name begins so.
    ("en", "Army chief General Tarek Quellbrink met the envoy in Vantor on Monday.", "Tarek Quellbrink",
     "person", []),
    ("en", "Shares of General Quillo Motors Company fell; General Quillo Motors Company builds trucks.",
     "General Quillo Motors Company", "organization", []),
    # A German place of several words inflected, as its page is titled, and a place's, not a person's.
    ("de", "Der Bürgermeister New Yorks sprach am Montag.", "New York", "place", ["New Yorks"]),
    ("de", "Die Regierung Sri Lankas hat gewählt.", "Sri Lanka", "place", ["Sri Lankas"]),
    ("de", "Die Wirtschaft Baden-Württembergs wächst, sagte der Minister.", "Baden-Württemberg", "place",
     ["Baden-Württembergs"]),
    # An institution's name only after `des`: titled in the nominative where its head's ending tells
    # the gender, and typed by that head.
    ("de", "Die Abgeordneten des Europäischen Parlaments stimmten am Dienstag zu.", "Europäisches Parlament",
     "organization", []),
    ("de", "Laut einer Studie des Deutschen Instituts für Wirtschaftsforschung steigt der Pegel.",
     "Deutsches Institut für Wirtschaftsforschung", None, []),
    ("de", "Die Zukunft des Vantorer Hafens ist offen.", "Vantorer Hafen", "place", []),
    ("de", "Die Technische Universität München hat ein Verfahren entwickelt.",
     "Technische Universität München", "organization", []),
    ("de", "Viele Firmen des Quillo Valleys entlassen Mitarbeiter.", "Quillo Valley", "place", []),
    ("de", "Der Europäische Gerichtshof für Menschenrechte hat am Dienstag entschieden.",
     "Europäischer Gerichtshof für Menschenrechte", "organization", []),
    # A forum is an organization's head, as a council is.
    ("en", "Leaders met at the Vantor Economic Forum in May, and the Vantor Economic Forum closed on Friday.",
     "Vantor Economic Forum", "organization", []),
    # A place's noun first in an institution's name is a word of it.
    ("en", "A spokesman for the State Department said the talks would go on.", "State Department",
     "organization", []),
    ("en", "Quillonia's State Administration for Market Supervision fined the firm.",
     "State Administration for Market Supervision", "organization", []),
    # A work's maker is as often a person as a company: no vote for either.
    ("en", "Critics praised Dana Quellbrink's films, and Quellbrink's films won prizes.", "Dana Quellbrink",
     "person", ["Quellbrink"]),
    # A tour is an event, as a festival is.
    ("en", "Fans queued for the Marbeck Summer Tour; the Marbeck Summer Tour sold out in May.",
     "Marbeck Summer Tour", "event", []),
    # A model's word after a name makes a product; a legal form is a company's (`SE`).
    ("en", "Users can upgrade to Quillo Plus for $20 a month, and Quillo Plus adds voice.", "Quillo Plus",
     "product", []),
    ("de", "Das neue Vantor Pro kostet 999 Euro. Die Vantor Marbeck SE meldete Gewinne.", "Vantor Pro",
     "product", []),
    ("de", "Das neue Vantor Pro kostet 999 Euro. Die Vantor Marbeck SE meldete Gewinne.", "Vantor Marbeck SE",
     "organization", []),
    # The model's confidence in a person where it tags the word: untagged in the genitive, not against.
    ("de", "Die Gesundheit hemmte Tarvells Schaffen in den letzten Jahren. Tarvell arbeitete gern mit großen "
     "Talenten seiner Zeit.", "Tarvell", "person", ["Tarvells"]),
    # A word the text capitalises inside a sentence is the same name where a sentence begins with it,
    # though the word list knows it as a word.
    ("en", "Ember cut its forecast on Thursday as orders slowed. Ember shares fell 12 percent in late "
     "trading. Ember has struggled to win back buyers, its chief said. Analysts said Ember could gain share "
     "in Canada.",
     "Ember", "organization", []),
    # A surname that is also a district's or a town's name (ISO 3166-2's second level) is the surname of
    # the one person the text names in full by it, whose given name is a common word.
    ("en", "Coach Emily Barnsley has led the club since 2019. Under Emily Barnsley the team won twice. "
     "Barnsley said the squad was tired.", "Emily Barnsley", "person", ["Barnsley"]),
    # A name the training corpora tag as one kind, where the model, in its sentence, reads another.
    ("de", "Die Zahlen legte Nokia am Donnerstag vor, früher als erwartet.", "Nokia", "organization", []),
    ("de", "Die Rede hielt am Abend Lafontaine, der lange geschwiegen hatte.", "Lafontaine", "person", []),
    ("en", "They moved to York in 1990, where York welcomed them.", "York", "place", []),
    # China's provinces by their names alone, without `Sheng`.
    ("de", "Quillo baut ein Werk in Hubei. Hubei lockt Chiphersteller mit Subventionen an.", "Hubei", "place",
     []),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "name", "kind", "aliases"), CANDIDATES)
def test_candidates(language: str, text: str, name: str | None, kind: str | None, aliases: list[str]) -> None:
    found = named(text, language)
    if name is None:  # the name may be either inflection; the aliases must be there
        name = next(n for n, (_, a) in found.items() if set(aliases) <= {n, *a})
    assert name in found, found
    if kind is not None:
        assert found[name][0] == kind
    assert set(aliases) <= {name, *found[name][1]}
    others = [n for n in found if n != name and (n in aliases or name.split()[-1] == n)]
    assert others == [], "one candidate per thing"


def test_a_decade_is_no_word_of_a_name() -> None:
    found = named("In the 1990s Quillo grew fast. By the 2000s Quillo was big, and Quillo still is.", "en")
    assert set(found) == {"Quillo"}


NOT_NAMES = [
    ("de", "Das Geld für Schulen fehlt. Die Stadt gibt das Geld für Schulen aus, nicht für Straßen."),
    ("de", "Die Abzweigungen nach London und die nationalen Egoismen stören. Die Abzweigungen fehlen."),
    ("de", "Laut Bericht kostet das 400 Millionen Euro. Die Steuersenkung Bahntickets bleibt aus."),
    ("de", "Die Künstliche Intelligenz (KI) wächst; künstliche Intelligenz ist überall. KI hilft."),
    ("en", "However, the company said. Meanwhile, the market grew. However, analysts disagree."),
    # English's `I` and its contractions, capitalised inside a sentence as at its start.
    ("en", "I'd say the deal is good, and I'd buy. I'm sure of it. Then I'd sell, as I'm told I'd be rich."),
    ("en", "The American and Chinese markets grew. American buyers paid in June and on Monday."),
    # A people or its adjective, made from a country's name, is no name.
    ("en", "Peruvian farmers met Omani traders. The Peruvian delegation said Omani buyers pay well."),
    # A people named by its adjective is none, whatever the model learnt of it (a corpus's MISC).
    ("en", "In 1856, the Harlow War broke out; the Chinese were again defeated by the Vantor army."),
    # A place's adjective before a noun that heads no name describes: no name.
    ("de", "Die Kölner Innenstadt ist voll. In der Kölner Innenstadt staut es sich am Abend."),
    # A language's name is a people's adjective too.
    ("en", "The French actress made a Dutch film. Her French and Dutch fans spoke Greek and Thai."),
    # A term of the trade is no name, with a year after it or not.
    ("de", "Das Budget für R&D 2026 steigt. Die R&D 2026 Pläne wachsen, und R&D bleibt wichtig."),
    # A short acronym after a number is a unit.
    ("en", "Each photo is under 40 KB and the plant makes 3 GW. Files over 90 KB fail, at 3 GW."),
    # A unit after a number written with a thousands' separator, whatever the model makes of it.
    ("de", "Sparer erhalten 3 % auf 12.000 Pfund. Wer 5.000 Pfund anlegt, bekommt Zinsen auf 5.000 Pfund."),
    # A people's adjective after a point of the compass or another people's.
    ("en", "North Korean troops met Latin American traders. The North Korean side and Latin American paid."),
    ("en", "Middle Eastern markets fell and Far Eastern buyers waited. Middle Eastern funds sold early."),
    # An abbreviation's full stop inside a sentence (a word in small letters after it).
    ("de", "Die Stadt wurde 500 v. Chr. gegründet und um 300 n. Chr. zerstört, sagen Forscher aus Harlow."),
]


@pytest.mark.parametrize(("language", "text"), NOT_NAMES)
def test_words_of_the_language_are_no_candidates(language: str, text: str) -> None:
    found = named(text, language)
    words = [
        "Abzweigungen",
        "Egoismen",
        "Millionen Euro",
        "Steuersenkung Bahntickets",
        "However",
        "Meanwhile",
    ]
    words += ["American", "Chinese", "June", "Monday", "Künstliche Intelligenz", "KI", "Peruvian", "Omani"]
    words += ["KB", "GW", "R&D 2026", "R&D", "Geld für Schulen", "Geld", "Schulen"]
    words += ["French", "Dutch", "Greek", "Thai", "British", "Kölner Innenstadt", "Kölner", "Innenstadt"]
    words += ["I'd", "I'm", "Pfund", "Chr", "North Korean", "Latin American", "Middle Eastern", "Far Eastern"]
    assert not set(words) & set(found)


def test_a_german_noun_after_a_place_is_no_word_of_its_name() -> None:
    found = named(
        "Bahnchef Kai Lorenz kündigte in Dresden Einsparungen an. In Dresden sagte er, die Bahn spare.", "de"
    )
    assert "Dresden" in found and "Dresden Einsparungen" not in found, found


def test_a_genitive_before_a_role_or_a_product_names_its_owner_and_the_noun_is_no_name() -> None:
    found = named(
        "Gestern sagte Quillos Chef, die Zahlen seien gut. Auch Quillos Smartphone verkauft sich gut, und "
        "Quillo wächst.",
        "de",
    )
    assert found.get("Quillo", ("",))[0] != "person" and not {"Chef", "Smartphone"} & set(found), found


def test_an_article_before_and_joins_nothing() -> None:
    found = named("The and Drug Administration met. The and Drug Administration said no.", "en")
    assert not [name for name in found if name.split()[0] in ("The", "and")], found


def test_a_name_in_the_title_ranks_first_and_across_articles_sources_count() -> None:
    body = "Nintendo and Apple shocked the world. The game costs $10 on the iPhone. The iPhone runs it."
    first = candidates_in("a.md", body, "en", frozenset(), "Nintendo's first iPhone game")
    assert "Nintendo" in [c.name for c in first][:2]
    second = candidates_in(
        "b.md", "Sony sold more than Nintendo. Analysts praised Nintendo.", "en", frozenset()
    )
    merged = rank([first, second])
    assert merged[0].name == "Nintendo" and merged[0].sources == {"a.md", "b.md"}


def test_known_names_are_never_proposed_and_every_candidate_has_a_place_and_an_id() -> None:
    text = "Waymo-Chef John Krafcik kündigte es an. Krafcik ist zufrieden. Waymo wächst mit Lyft."
    found = candidates_in("a.md", text, "de", frozenset({"lyft"}))
    assert "Lyft" not in {c.name for c in found}
    krafcik = next(c for c in found if c.name == "John Krafcik")
    assert text[krafcik.start : krafcik.end] == "John Krafcik" and len(krafcik.id) == 16
    assert next(c for c in found if c.name == "Waymo").type == "organization"
    assert krafcik.to_json()["proposal"] == {"name": "John Krafcik", "type": "person", "aliases": ["Krafcik"]}


LABELS = [
    ("en", "Xiaomi had 24,871 R&D employees at the end of Q3.", "24,871", "R&D employees"),
    ("en", "- Five-year R&D pledge: 200 billion yuan (~$28.4B)", "200 billion yuan", "Five-year R&D pledge"),
    ("en", "he is behind the $19 billion acquisition of WhatsApp, he said", "$19 billion",
     "acquisition of WhatsApp"),
    ("en", "The R&D staff grew to 24,871 by September.", "24,871", "R&D staff"),
    ("de", "MiMo verfügt über sieben Milliarden Parameter und ist klein.", "sieben Milliarden", "Parameter"),
    ("de", "Er verbuchte im ersten Vierteljahr Erlöse von 775 Millionen Dollar.", "775 Millionen Dollar",
     "Erlöse"),
    ("de", "Die Recyclingquote liegt lediglich bei 25 Prozent.", "25 Prozent", "Recyclingquote"),
    ("de", "Duesenfeld kommt auf eine stoffliche Wiederverwertung von 96 Prozent.", "96 Prozent",
     "stoffliche Wiederverwertung"),
    ("de", "CEO Lei Jun hält persönlich elf Prozent der Anteile.", "elf Prozent", "Anteile"),
    ("de", "Der Verband hat auf Facebook erst 11 Likes gesammelt.", "11", "Likes"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "number", "label"), LABELS)
def test_a_figure_is_named_by_the_noun_phrase_its_number_counts_or_measures(
    language: str, text: str, number: str, label: str
) -> None:
    (phrase,) = [
        n for n in find_numbers(text, language) if text[n.start : n.end].endswith(number.split()[-1])
    ]
    assert figure_label(text, phrase.start, phrase.end, language, phrase.unit is not None) == label


@pytest.mark.parametrize("text", ["They met 15 times in total.", "Es waren 12 und dann 14."])
def test_a_bare_number_is_no_figure(text: str) -> None:
    for phrase in find_numbers(text, "en"):
        assert figure_label(text, phrase.start, phrase.end, "en", phrase.unit is not None) is None


def test_keys_come_from_the_words_and_are_unique() -> None:
    taken = {"rd-staff"}
    assert key_for("R&D staff", taken) == "rd-staff-2"
    assert key_for("F&E-Mitarbeiter", taken) == "fe-mitarbeiter"
    assert key_for("Gunmen opened fire on visitors at the museum", taken, "2015") == "gunmen-opened-fire-2015"
    assert (
        key_for("Die geplante Markteinführung des YU7 SUV", taken, "2025")
        == "geplante-markteinfuhrung-yu7-2025"
    )


@pytest.mark.parametrize(
    ("text", "date", "title"),
    [
        ("Gunmen opened fire at the museum on Wednesday, killing at least 19 people.", "Wednesday",
         "Gunmen opened fire at the museum, killing at least 19 people"),
        ("Am 17. Dezember hat Xiaomi einen Plan vorgestellt. Mehr folgt.", "17. Dezember",
         "Hat Xiaomi einen Plan vorgestellt"),
        ("But Parasite won on Sunday.", "Sunday", "Parasite won"),
    ],
)  # fmt: skip
def test_an_event_is_titled_by_its_sentence_without_the_date_words(text: str, date: str, title: str) -> None:
    start = text.index(date)
    assert event_title(text, start, start + len(date)) == title


@pytest.mark.parametrize(
    ("site", "url", "name", "address"),
    [
        ("SPIEGEL ONLINE, Hamburg, Germany", "https://www.spiegel.de/a", "SPIEGEL ONLINE", "https://www.spiegel.de/"),
        ("News zu VR, AR und KI | MIXED.de", "https://mixed.de/a", "MIXED.de", "https://mixed.de/"),
        ("http://www.tmz.com", "http://www.tmz.com/a", "tmz.com", "https://www.tmz.com/"),
        (None, "https://www.washingtonpost.com/a", "washingtonpost.com", "https://www.washingtonpost.com/"),
        ("BBC News", None, "BBC News", None),
    ],
)  # fmt: skip
def test_the_publication_a_page_names(
    site: str | None, url: str | None, name: str, address: str | None
) -> None:
    found = publication_of(site, url)
    assert (found.name, found.address) == (name, address)


@pytest.mark.parametrize(
    ("byline", "kept"),
    [
        ("Denis Dilba; Heise Online", "Denis Dilba"),
        ("Jeffrey Gettleman; JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        ("Frankfurter Allgemeine Zeitung GmbH; Benjamin Fischer; Marcus Theurer",
         "Benjamin Fischer, Marcus Theurer"),
        ("Marcus Bensmann; Justus von Daniels; Ulrich Stoll",
         "Marcus Bensmann, Justus von Daniels, Ulrich Stoll"),
        ("Süddeutsche de GmbH; Munich; Germany", None),
        ("SPIEGEL ONLINE; Hamburg; Germany", None),
        ("Reuters", None),
        ("Our Foreign Staff", None),
        ("Username", None),
    ],
)  # fmt: skip
def test_a_byline_keeps_only_people(byline: str, kept: str | None) -> None:
    assert people(byline) == kept


def test_sub_and_superscripts_become_text() -> None:
    assert with_scripts_as_text("CO<sub>2</sub>-Ausstoß auf 10 m<sup>2</sup> im 21<sup>st</sup> century") == (
        "CO₂-Ausstoß auf 10 m² im 21st century"
    )


def test_related_newsletter_and_share_blocks_are_not_article_text() -> None:
    page = (
        "The first paragraph.\n\n## Related\n\nThe story goes on here.\n\n**Read more:**\n\n"
        "- [One](a)\n- [Two](b)\n\nSign up for our newsletter\n\nShare this article\n\n"
        "Mehr zum Thema\n\n- [Drei](c)\n\nThe end."
    )
    assert without_boilerplate(page) == "The first paragraph.\n\nThe story goes on here.\n\nThe end."


def test_two_people_side_by_side_are_two_candidates() -> None:
    found = named(
        "Reporterin Ilse Brandauer schrieb den Text. Chefin Marta Kovač las ihn. Später zeigte "
        "Brandauer Marta Kovač die Mail, und Kovač antwortete Brandauer.",
        "de",
    )
    assert not any("Brandauer" in name and "Kovač" in name for name in found), found
    assert found["Ilse Brandauer"][0] == "person"


def test_a_name_before_a_role_is_no_person() -> None:
    found = named(
        "Norland president Ana Ruiz spoke in Norland on Friday. Ruiz said Norland would sign.", "en"
    )
    assert found.get("Norland", ("other",))[0] != "person", found


@pytest.mark.parametrize(
    ("name", "source", "url", "expected"),
    [
        ("NBX", "NBX News", "", True),  # the first word of the publication, its tail generic
        ("Kurier", "Kurier Online", "https://kurier.example/a", True),
        ("Bolt", "Bolt & Nut", "", False),  # the first word of a name that goes on
        ("Talbot Weekly", "", "https://www.talbot.example/x", True),  # begins with the site's name
        ("Talbot", "", "https://news.example/x", False),
        ("News", "NBX News", "https://nbx.example/", False),
    ],
)
def test_a_candidate_naming_the_articles_publication(
    name: str, source: str, url: str, expected: bool
) -> None:
    from dossier.authoring.suggesting.candidates import Candidate, names_the_publication

    candidate = Candidate(name, "other", set(), 1, 5.0, "a.md", 0, len(name))
    assert names_the_publication(candidate, source, url) is expected


def test_places_hold_states_but_not_common_words() -> None:
    every_place = places()
    assert {"Minas Gerais", "Sachsen-Anhalt", "Texas", "Bayern"} <= every_place
    # China's provinces without `Sheng`; the second level; a name in brackets, the other language's
    assert {"Hubei", "Guangdong", "Doncaster", "Bergamo", "A Coruña", "La Coruña"} <= every_place
    assert not {"Bar", "Zug", "Male", "Coast"} & every_place  # regions and cantons, and words first


def test_a_given_name_named_as_someones_kin_is_titled_with_their_family_name() -> None:
    from dossier.authoring.suggesting.families import with_family_names

    text = (
        "Minister Arno Delacroix arrived in Norland with his wife Mirela on Monday. Delacroix spoke "
        "first; Mirela waved. His colleague Odile smiled, and Odile left with Mirela."
    )
    found = with_family_names(text, candidates_in("a.md", text, "en", frozenset(), ""), frozenset())
    names = {c.name: c for c in found}
    assert "Mirela Delacroix" in names and "Mirela" in names["Mirela Delacroix"].aliases
    assert "Odile" in names  # a colleague is no kin
    known = frozenset({"mirela delacroix"})  # an entity has the name already: the proposal stays
    found = with_family_names(text, candidates_in("a.md", text, "en", frozenset(), ""), known)
    assert "Mirela" in {c.name for c in found}
    text = "Minister Arno Delacroix arrived with his wife Marie-Claire. Delacroix spoke; Marie-Claire waved."
    found = with_family_names(text, candidates_in("a.md", text, "en", frozenset(), ""), frozenset())
    assert "Marie-Claire Delacroix" in {c.name for c in found}  # a hyphenated given name too


@pytest.mark.parametrize(
    ("text", "long"),
    [
        # The most letters at the start of a word: the S of Schutz, not of `geistigen`.
        (
            "Der Verband zum Schutz geistigen Eigentums im Internet (VSGE) mahnt",
            "Verband zum Schutz geistigen Eigentums im Internet",
        ),
        (
            "Kritik kam von der Kassenärztlichen Bundesvereinigung (KBV) am Montag",
            "Kassenärztlichen Bundesvereinigung",
        ),
        # The long form begins and ends with a capitalised word and stays inside its clause.
        ("Das sagte er, und die Zahl stieg an (AFP)", None),
        ("Laut Umfrage, die Quote wächst (QW)", None),
        ("Nach dem Investment Company Act of 1940 (ICA) gilt", "Investment Company Act of 1940"),
        # Two of the letters at least start words: `Hausbau` spells HB from within.
        ("Der Plan für den Hausbau wächst (HB)", None),
    ],
)
def test_the_long_form_an_acronym_in_brackets_stands_for(text: str, long: str | None) -> None:
    from dossier.authoring.suggesting.acronyms import long_form

    at = text.index(" (")
    span = long_form(text, at, text[at + 2 : text.index(")")])
    assert (text[span[0] : span[1]] if span else None) == long


@pytest.mark.parametrize(
    ("text", "word", "initial"),
    [
        ("Sie zogen in die USA. Dort lebten sie.", "Dort", True),
        ("It ended at five. Then we left.", "Then", True),
        ("The U.S. Federal Reserve met.", "Federal", False),  # a dotted abbreviation
        ("He met Nelson D. Schwartz today.", "Schwartz", False),  # an initial
        ("Dr. Thomas Schulte kam.", "Thomas", False),  # a title
        # Speech quoted after a comma opens a sentence; a quotation mark a space follows closes one.
        ("and they say, 'Hey Quillan, my name is Orrin,' and", "Hey", True),
        ("Er sagte, „Heute kommt Quillan“, und ging.", "Heute", True),
        ('"We agree," Quillan said.', "Quillan", False),
        ('It was called "Heute" by them.', "Heute", False),
    ],
)
def test_a_sentence_begins_after_its_full_stop_not_an_abbreviations(
    text: str, word: str, initial: bool
) -> None:
    from dossier.authoring.suggesting.runs import is_initial

    assert is_initial(text, text.index(word)) is initial


def test_a_countrys_post_is_no_newspaper() -> None:
    found = named(
        "Rates at Canada Post rise in May. Canada Post said costs grew, and Canada Post hired.", "en"
    )
    assert found["Canada Post"][0] != "publication"


def test_a_year_may_end_a_name_another_number_does_not() -> None:
    found = named(
        "Wegen des Streiks der Gewerkschaft Halvor 1000 Flüge gestrichen. Halvor fordert mehr Lohn.", "de"
    )
    assert "Halvor 1000" not in found
    found = named("Lawyers say the Harbour Works Act of 1922 still applies. The Act of 1922 binds.", "en")
    assert "Harbour Works Act of 1922" in found


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("Kombuchafreund", True),  # a German compound ends in its head: a friend of kombucha
        ("Parteifreundin", True),
        ("Bundesverkehrsminister", True),
        ("Kombucha", False),
        ("Hoffmann", False),
    ],
)
def test_a_role_word_by_its_head(word: str, role: bool) -> None:
    from dossier.authoring.suggesting.cues import is_role

    assert is_role(word) is role


@pytest.mark.parametrize(
    ("word", "people"),
    [
        ("Kenyan", True),  # a country's name and an ending
        ("Korean", True),  # a word of a country's name (`South Korea`)
        ("Belgian", True),  # four letters of it before `-ian`
        ("Norwegian", True),
        ("French", True),  # a language's name
        ("Islamic", True),  # a common adjective of its kind
        ("Guardian", False),  # an English noun in `-ian`, no place's word (`The Guardian`)
        ("Historian", False),
        ("Ocean", False),
        ("Amazon", False),
        ("Texan", True),  # a federal state's name and an ending
        ("Marymegan", False),  # a given name: four letters of a state's name (`Maryland`) are not a nation's
    ],
)
def test_a_peoples_word_by_its_place(word: str, people: bool) -> None:
    from dossier.authoring.suggesting.vocabulary import demonym

    assert demonym(word, "en") is people


@pytest.mark.parametrize(
    ("word", "linked", "federal"),
    [
        ("Bundesrechnungshof", False, True),
        ("Landeskriminalamts", False, True),
        ("Bundesagentur", False, True),
        ("Bundesamt", False, False),  # alone a noun of the language (`ein Bundesamt`)
        ("Bundesamt", True, True),  # before `für`, a name's head (`Bundesamt für Migration`)
        ("Bundestrainer", True, False),
        ("Bundesliga", True, False),
    ],
)
def test_a_federal_institution_by_its_compound(word: str, linked: bool, federal: bool) -> None:
    from dossier.authoring.suggesting.cues import federal_institution

    assert federal_institution(word, linked) is federal


@pytest.mark.parametrize(
    ("language", "text", "kind"),
    [
        # A description after a comma types the name before it (its head noun in German)...
        ("de", "Das sagte [Quillo], der chinesische Konzern, am Montag.", "organization"),
        ("de", "Das sagte [Quillo], ein Hersteller aus Wuhan, am Montag.", "organization"),
        ("en", "So said [Quillo], the Chinese tech group, on Monday.", "organization"),
        # ... a German relative clause does not: its nouns describe something else.
        ("de", "Das sagte [Korb], die von Seiten des Ministeriums das Projekt begleitet, am Montag.", None),
        ("de", "Das sagte [Korb], der den Konzern berät, am Montag.", None),
        # A role of an institution before a comma: the name after it is the role's holder.
        ("en", "The secretary general of the Tide League (a club), [Nuno Varela], spoke.", "person"),
        ("de", "Die Chefin von Quillo, [Tamsin Varrow], sprach am Montag.", "person"),
        ("en", "She studied at the University of Tarnby, [Cumbria], for a year.", None),
        # The speaker after a verb of saying that follows a quotation; a company's name before it.
        ("en", "“The market is political,” says [Tarlbeck].", "person"),
        ("en", "“The market is political,” [Tarlbeck] says.", None),
        ("en", "The price rose, Quillo told [Norvane].", None),
        ("de", "„Der Markt ist politisch“, sagte [Tarlbeck] am Montag.", "person"),
        # English asks `who` of a person only; not of the name after `of` (the people before it).
        ("en", "The bill was drafted by [Tarlbeck], who chairs the panel.", "person"),
        ("en", "Former members of [Kelbrand], who left last year, spoke out.", None),
        # A verb only a person is the subject of.
        ("en", "When [Tarlbeck] died, the firm was sold.", "person"),
        ("en", "When [Kelbrand] recalled the cars, the shares fell.", None),
        # A role only a town, a state or a country has makes its owner a place; other roles a company.
        ("en", "On Monday [Brenthaven's] mayor opened the bridge.", "place"),
        ("en", "On Monday [Brenthaven's] chief executive opened the plant.", "organization"),
        # German's `sein` and `ihr` stand for a company as often as for a person: no cue to either.
        ("de", "Einen Tag zuvor stellte [Kelbrand] sein eigenes Modell vor.", None),
        ("de", "Am Montag stellte [Kelbrand] ihre neue Strategie vor.", None),
    ],
)
def test_the_words_around_a_name_vote_for_its_type(language: str, text: str, kind: str | None) -> None:
    """The name is in brackets."""
    from dossier.authoring.suggesting.surroundings import cues_around

    start = text.index("[")
    end = text.index("]") - 1
    text = text.replace("[", "").replace("]", "")
    before = list(re.finditer(r"\w+", text[:start]))[-1]
    after = re.compile(r"\w+").search(text, end)
    beside = [(word.start(), word.end(), word[0]) if word else None for word in (before, after)]
    _, hints = cues_around(text, language, tuple(text[start:end].split()), (start, end), *beside)
    assert (hints.most_common(1)[0][0] if hints else None) == kind


def test_a_word_of_the_language_the_model_reads_as_a_things_name_begins_no_persons_name() -> None:
    """`Google Marbeck` used later as `Marbeck`: the model reads the full form as no person's and
    `Google` is a word of the language, so `Marbeck` is no surname."""
    found = named(
        "Engineers said Google Marbeck would open to all users. Google Marbeck handles video calls, and "
        "Marbeck replaced an older app.",
        "en",
    )
    assert found["Google Marbeck"][0] != "person"


@pytest.mark.parametrize(
    ("word", "places"),
    [
        ("Bürgermeister", True),
        ("Außenminister", True),
        ("Ministerpräsidentin", True),
        ("mayor", True),
        ("Chef", False),
        ("president", False),  # a company's too
        ("CEO", False),
    ],
)
def test_a_role_only_a_place_has(word: str, places: bool) -> None:
    from dossier.authoring.suggesting.cues import a_places_role

    assert a_places_role(word) is places


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Händlers", "organization"),
        ("Gebrauchtwagenhändlers", "organization"),
        ("Präsidenten", "person"),
        ("Kollegen", "person"),
        ("Verlags", "organization"),
        ("Petersen", None),
        ("Bahn", None),
    ],
)
def test_a_cue_noun_inflected(word: str, kind: str | None) -> None:
    from dossier.authoring.suggesting.cues import inflected_cue

    assert inflected_cue(word) == kind


def test_a_peoples_adjective_begins_no_persons_name() -> None:
    """`English Vantopedia` used later as `Vantopedia` is no given name and a surname."""
    found = named("The English Vantopedia grew fast last year. Vantopedia now has six million pages.", "en")
    kind = next(kind for name, (kind, aliases) in found.items() if "Vantopedia" in [name, *aliases])
    assert kind != "person"
