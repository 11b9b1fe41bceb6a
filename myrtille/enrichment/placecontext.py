"""Words around a place name that make it something else: the river a department is
named after ("vallée du Rhône", "on the Seine"), a compass point abroad ("Afrique du
Nord", "le Nord de l'Europe"), a treaty, a summit, a street, a club or a firm named after
a town ("l'accord de Paris", "rue de Lyon", "RC Lens", "Banque de Savoie"), a person after
a title ("M. Lens"), a wine ("du Champagne") or a namesake abroad ("Paris, Texas")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from myrtille.enrichment.abroad import CITIES_ABROAD
from myrtille.enrichment.geography import Place, place_key

_ARTICLES = frozenset({"le", "la", "l", "the"})
# Departments named after their river: after these words the name is the river ("vallée du
# Rhône", "bords de la Marne", "on the Seine"), not the department.
_RIVERS = frozenset(
    {"loire", "rhone", "seine", "marne", "meuse", "somme", "dordogne", "vienne", "charente"}
    | {"moselle", "oise", "aisne", "cher", "indre", "lot", "tarn", "aude", "var", "gard"}
    | {"doubs", "allier", "ain", "eure", "orne", "sarthe", "mayenne", "yonne", "aube"}
    | {"ardeche", "drome", "isere", "gers", "aveyron", "ariege", "creuse", "loiret", "loir"}
)
_RIVER_CUES = frozenset(
    {"vallee", "bord", "bords", "rive", "rives", "estuaire", "fleuve", "riviere", "berges"}
    | {"embouchure", "confluent", "crue", "crues", "valley", "river", "banks", "bank"}
    | {"estuary", "barrage", "dam", "hydroelectrique", "hydroelectriques", "centrale"}
    # "situé en bordure du Rhône", "les quais de la Loire" (not "pont": "Pont-de-Chéruy
    # (Isère)" is a town in its department).
    | {"bordure", "quai", "quais", "riverside", "riverbank"}
    # "a footbridge across the Loire", "the viaduct over the Tarn".
    | {"bridge", "bridges", "footbridge", "viaduct", "passerelle", "viaduc"}
)
# "de l'autre côté de l'Isère", "on the other side of the Rhône": across a river.
_ACROSS = (("autre", "cote"), ("other", "side"))
# "by the Rhône", "beside the Loire": beside the river, unless an institution of the
# department follows ("funded by the Isère department", "by the Loire council").
_BESIDE = frozenset({"by", "beside", "alongside"})
_INSTITUTIONS = frozenset(
    {"department", "departement", "council", "conseil", "prefecture", "court", "commercial"}
    | {"region", "authorities", "authority", "chamber", "county", "s"}
)
# Just before an article: "descend la Seine", "sur la Loire", "down the Rhône".
_RIVER_MOVES = frozenset({"descend", "remonte", "sur", "down", "up", "along", "on"})
_RIVER_MOVES |= frozenset({"sail", "sails", "sailing", "cruise", "cruises", "navigate"})
# Rivers that name no department: a department's name listed beside one is a river too
# ("the Gironde, Garonne and Dordogne", "la Seine et la Marne").
_RIVERS_ONLY = frozenset(
    {"garonne", "seine", "rhin", "rhine", "saone", "durance", "adour", "escaut", "vilaine"}
)
# "Afrique du Nord", "mer du Nord", "le Nord de l'Europe": a compass point, not the department.
_ABROAD = frozenset(
    {"afrique", "europe", "amerique", "asie", "mer", "pole", "cap", "coree", "irlande"}
    | {"italie", "hemisphere", "pays", "caucase", "soudan", "macedoine", "chypre"}
)


def _beside_a_river(words: list[str]) -> bool:
    """Whether ``words`` (read away from the name) start with a river that names no
    department, alone or after "and"/"et" and an article ("Garonne and the Dordogne")."""
    while words and words[0] in _ARTICLES | {"and", "et"}:
        words = words[1:]
    return bool(words) and words[0] in _RIVERS_ONLY


def river_or_compass(
    place: Place, words: list[str], previous: list[str], following: list[str]
) -> bool:
    """``words``: a place name's folded words, ``previous`` the (up to) four before it,
    ``following`` the three after. True for "la vallée du Rhône", "sur la Loire", "the
    Seine river", "the Meuse valley", "Afrique du Nord"."""
    name = " ".join(words)
    if place.kind == "department" and name in _RIVERS:
        # "the Seine river", "the Meuse valley", "the Rhône estuary".
        if set(previous[-3:]) & _RIVER_CUES:
            return True
        if following[:1] in (["river"], ["valley"], ["estuary"]):
            return True
        if previous[-2:-1] and previous[-2] in _RIVER_MOVES and previous[-1] in _ARTICLES:
            return True
        if any(pair in itertools.pairwise(previous) for pair in _ACROSS):
            return True
        beside = previous[-2:-1] and previous[-2] in _BESIDE and previous[-1] in _ARTICLES
        if beside and not set(following[:1]) & _INSTITUTIONS:
            return True
        if _beside_a_river(previous[::-1]) or _beside_a_river(following):
            return True
    if name in ("nord", "sud", "est", "ouest", "centre"):
        if previous[-2:-1] and previous[-2] in _ABROAD and previous[-1] in ("du", "de"):
            return True
        if following[:3] in (["de", "l", "europe"], ["de", "l", "afrique"]):
            return True
    return False


# Words that are not a place when the name completes them: before "de" ("l'accord de Paris",
# "la rue de Lyon", "the summit in Versailles"), a treaty, a summit, a street, a station or
# a gate named after a town is not news of that town.
_NAMED_AFTER = frozenset(
    {"accord", "accords", "traite", "traites", "pacte", "protocole", "sommet", "summit"}
    | {"treaty", "club", "conference", "declaration"}
)
_STREETS = frozenset(
    {"rue", "avenue", "av", "boulevard", "bd", "quai", "allee", "impasse", "chemin", "route"}
    | {"gare", "porte", "place", "square", "passage", "faubourg"}
)
# Right before a name, with no "de": "rue Saint-Esprit", "place Vendôme", "quartier
# Saint-Pierre", "boulevard Saint-Germain" (a street, a square or a quarter named after a
# saint, a person or a town, not the commune of that name).
_STREETS_BEFORE = frozenset(
    {"rue", "avenue", "boulevard", "bd", "quai", "allee", "impasse", "chemin", "place"}
    | {"quartier", "cours", "esplanade", "parvis", "faubourg"}
)
_OF = frozenset({"de", "du", "d", "des", "of"})
_AND = frozenset({"et", "ou", "and", "or"})
_SUMMIT_IN = frozenset({"summit", "sommet"})
# After the name: "the Paris Agreement", "the Paris climate accord", "the Paris Club".
_NAMING_AFTER = frozenset({"agreement", "accord", "accords", "treaty", "climate", "club"})
# A sports club's name holds a town ("Olympique de Marseille", "RC Lens", "Stade rennais",
# "Toulouse FC", "Paris Saint-Germain"), and so does a bank's, an airline's or a ferry
# line's ("Banque de Savoie", "Crédit Agricole Normandie", "Brittany Ferries"). Written
# exactly so: "Stade" capitalised is the club, "stade" the stadium.
_CLUB_BEFORE = frozenset(
    {"Olympique", "Stade", "Racing", "Girondins", "Club", "FC", "AS", "RC", "OGC", "AJ"}
    | {"SCO", "ESTAC", "LOSC", "US", "SM", "ASM", "HAC", "USL", "EA"}
)
_FIRM_BEFORE = frozenset(
    {"Banque", "Crédit", "Agricole", "Mutuel", "Épargne", "Epargne", "Populaire", "Caisse"}
    | {"Mutuelle", "Assurances", "Compagnie", "Air"}
)
_NAME_AFTER = frozenset(
    {"FC", "SC", "SG", "HB", "HBC", "AC", "UC", "Basket", "Handball", "Rugby", "Volley"}
    | {"Hockey", "Football", "Ferries", "Airlines", "Airways", "Telecom", "Télécom"}
)
# "M. Lens", "Mr Lens", "Me Rochefort": a title makes the name a person's.
_TITLES = frozenset(
    {"M", "Mme", "Mmes", "Mlle", "MM", "Mr", "Mrs", "Ms", "Dr", "Me", "Maître", "Maitre"}
    | {"Monsieur", "Madame", "Mademoiselle", "Sir", "Lady", "Lord", "Pr", "Professor"}
)
# A wine, a spirit or a cheese: "4 000 bouteilles de Champagne", "a glass of Cognac".
_CONTAINERS = frozenset(
    {"bouteille", "bouteilles", "verre", "verres", "coupe", "coupes", "flute", "flutes"}
    | {"caisse", "caisses", "magnum", "magnums", "litres", "hectolitres", "bottle"}
    | {"bottles", "glass", "glasses", "case", "cases", "crates", "barriques"}
)
# A mountain or a pass named after a town far from it: "l'hôtel du Mont d'Arbois" stands
# above Megève, not in the Jura's Arbois.
_SUMMITS = frozenset({"mont", "col", "pic"})
# Before "de" ("rue de Lyon"): made once here, not at every name.
_NAMED_OF = _NAMED_AFTER | _STREETS | _CONTAINERS | _SUMMITS
# "New Orleans", "Nouvelle Orléans": the namesake abroad.
_NEW = frozenset({"New", "Nouvelle", "Nouveau", "Nueva", "Nuevo", "Nova"})
# "Paris, Texas", "Laval, au Québec", "Valence (Espagne)", "Saint-Louis, in northern
# Senegal": a country, a state or a province in apposition makes the name a place abroad.
_COUNTRIES = (
    "Espagne|Spain|Italie|Italy|Allemagne|Germany|Belgique|Belgium|Suisse|Switzerland|"
    "Autriche|Austria|Portugal|Pays-Bas|Netherlands|Royaume-Uni|UK|Angleterre|England|"
    "Écosse|Scotland|Irlande|Ireland|Luxembourg|Pologne|Poland|Grèce|Greece|Biélorussie|"
    "Belarus|Russie|Russia|Ukraine|Turquie|Turkey|Canada|Québec|Quebec|Ontario|"
    "Nouveau-Brunswick|New Brunswick|Manitoba|États-Unis|Etats-Unis|USA|US|U\\.S\\.|"
    "United States|Texas|Missouri|Louisiane|Louisiana|Kentucky|Illinois|Idaho|Indiana|"
    "Tennessee|Ohio|Michigan|Vermont|Wisconsin|Minnesota|Californie|California|"
    "Arkansas|Floride|Florida|Virginie|Virginia|Alabama|Mississippi|Iowa|Kansas|Oklahoma|"
    "Sénégal|Senegal|Maroc|Morocco|Algérie|Algeria|Tunisie|Tunisia|Côte d'Ivoire|"
    "Ivory Coast|Cameroun|Cameroon|Haïti|Haiti|Mauritius|Liban|Lebanon|Égypte|"
    "Egypt|Chine|China|Japon|Japan|Inde|India|Brésil|Brazil|Mexique|Mexico|Argentine|"
    "Argentina|Chili|Chile|Australie|Australia"
)
_CAPITALS_ABROAD = (
    "Berlin|Londres|London|Rome|Madrid|Washington|Bruxelles|Brussels|Pékin|Beijing|Moscou|"
    "Moscow|Tokyo|Kiev|Kyiv|Ottawa|Rabat|Alger|Algiers|Ankara|Varsovie|Warsaw"
)
# "Paris et Berlin ont obtenu...", "Paris and London disagree": the governments.
_DIPLOMACY = re.compile(rf"\s*(?:,|et|and)\s+(?:{_CAPITALS_ABROAD})\b")
_DIPLOMACY_BEFORE = re.compile(rf"\b(?:{_CAPITALS_ABROAD})\s*(?:,|et|and)\s+$")
_APPOSITION_ABROAD = re.compile(
    r"\s*(?:,|\()\s*(?:(?:en|au|aux|in|à|dans\s+l[ae]|dans\s+l['’])\s*)?"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
    rf"(?:{_COUNTRIES})\b"
)


# French places named like a foreign city ("Vienne" is Vienna, "Valence" Valencia, "Bruges"
# the Belgian city, "Brest" the Belarusian one): in a text that speaks of that country, the
# name is the city abroad unless the text names another place of the French one's
# department or puts that department in brackets.
_NAMESAKE_COUNTRIES = {
    "vienne": re.compile(r"\b(?:Autriche|autrichien\w*|Austria\w*|Vienna|viennois\w*)\b"),
    "valence": re.compile(r"\b(?:Espagne|espagnol\w*|Spain|Spanish|Valencia\w*|valencien\w*)\b"),
    "bruges": re.compile(r"\b(?:Belgique|belges?|Belgium|Belgian|Flandres?|Flanders|flamand\w*)\b"),
    "brest": re.compile(r"\b(?:Biélorussie|Belarus|biélorusse\w*|bélarus\w*|Belarusian)\b"),
}


# The world's main business cities that fold like a French commune ("Montréal" in the Aude,
# "Cologne" in the Gers, "La Haye", "Le Caire", "Detroit"): the city abroad, in any text,
# unless the text ties the commune to its department.
_CITY_NAMESAKES = frozenset(
    place_key(row["name"]) for row in CITIES_ABROAD if row["rule"] == "place"
)


def namesake_abroad(name: str, text: str) -> bool:
    """Whether ``name`` (folded) is a foreign city's French name in a ``text`` that speaks
    of that city's country ("signé à Vienne avec le ministère autrichien"), or the name of
    one of the world's main cities ("à Montréal", "à La Haye")."""
    if name in _CITY_NAMESAKES:
        return True
    country = _NAMESAKE_COUNTRIES.get(name)
    return country is not None and country.search(text) is not None


# "CHARENTE AERO COMPONENTS UK LIMITED", "Lot-et-Garonne Orchard Imports Ltd", "Savoie
# Bois Énergie SAS": capitalised words after the name up to a legal form make a firm's name
# (words, not numbers or a full stop: "RCS Saint-Malo 852 114 367. SARL Ty Malo" is a town).
_FIRM_NAME_AFTER = re.compile(
    r"(?:[ \t\u00a0]+(?:[A-ZÀ-Ý][\w'’&-]*|&)){1,6}[ \t\u00a0]+"
    r"(?:LIMITED|Limited|LTD|Ltd|PLC|plc|LLP|SASU|SAS|SARL|EURL|SA|GmbH|GMBH|INC|Inc)\b"
)


class _Around(NamedTuple):
    previous: list[str]  # the two folded words before the name
    before: list[str]  # the three words before it, as written
    following: list[str]  # the two words after it, as written
    joiner_before: str
    joiner_after: str


def named_for_something(
    text: str,
    words: Sequence[tuple[str, int, int]],
    first: int,
    end: int,
    *,
    plain_commune: bool,
    product: bool,
    demonym: bool,
    capital: bool,
) -> bool:
    """Whether the name at ``words[first:end]`` (folded word, start, end) names something
    else than the place: a treaty, a summit, a street, a club, a firm, a newspaper, a
    person after a title, a wine or a namesake abroad. ``plain_commune``: a commune whose
    name has no article ("du Bordeaux" is the wine, "du Havre" the town); ``product``: a
    name the trade uses for a wine or a spirit ("du Champagne"); ``demonym``: an
    inhabitants' name; ``capital``: Paris ("Paris et Berlin" are governments)."""
    around = _Around(
        [w[0] for w in words[max(first - 2, 0) : first]],
        [text[w[1] : w[2]] for w in words[max(first - 3, 0) : first]],
        [text[w[1] : w[2]] for w in words[end : end + 2]],
        text[words[first - 1][2] : words[first][1]] if first else "",
        text[words[end - 1][2] : words[end][1]] if end < len(words) else "",
    )
    start, stop = words[first][1], words[end - 1][2]
    if _named_after(around, plain_commune=plain_commune, product=product):
        return True
    if _in_a_proper_name(text, words, first, around, demonym=demonym):
        return True
    if capital and (_DIPLOMACY.match(text, stop) or _DIPLOMACY_BEFORE.search(text, 0, start)):
        return True
    # "au Centre spatial guyanais", "le Centre hospitalier": an institution, not the region.
    following = around.following[:1]
    one_word = end - first == 1 and words[first][0] == "centre"
    if one_word and following and following[0].islower() and following[0] not in _AND:
        return True
    return bool(_APPOSITION_ABROAD.match(text, stop) or _FIRM_NAME_AFTER.match(text, stop))


def _named_after(around: _Around, *, plain_commune: bool, product: bool) -> bool:
    """A treaty, a summit, a street, a wine: "l'accord de Paris", "the Paris Agreement",
    "rue de Lyon", "bouteilles de Champagne", "du Bordeaux"."""
    previous, following = around.previous, around.following
    if len(previous) == 2 and previous[1] in _OF and previous[0] in _NAMED_OF:
        return True
    if previous and previous[-1] in _STREETS_BEFORE and around.joiner_before == " ":
        return True
    if len(previous) == 2 and previous[0] in _SUMMIT_IN and previous[1] in ("in", "at", "a"):
        return True
    if following and following[0].lower() in _NAMING_AFTER and around.joiner_after.strip() == "":
        return True
    return bool(previous and previous[-1] in ("du", "des") and (plain_commune or product))


def _in_a_proper_name(
    text: str,
    words: Sequence[tuple[str, int, int]],
    first: int,
    around: _Around,
    *,
    demonym: bool,
) -> bool:
    """A person after a title ("M. Lens"), a club, a firm or a newspaper named after the
    place ("RC Lens", "Banque de Savoie", "Le Parisien", "Le Républicain lorrain"), a
    namesake abroad ("New Orleans")."""
    before, following = around.before, around.following
    joiner_before, joiner_after = around.joiner_before, around.joiner_after
    if before and joiner_before.strip() in ("", "."):
        if before[-1] in _TITLES or before[-1] in _CLUB_BEFORE or before[-1] in _FIRM_BEFORE:
            return True
        if before[-1] in _NEW and joiner_before == " ":
            return True
    # "Olympique de Marseille", "Banque de Savoie", "Caisse d'Épargne Normandie".
    of = len(before) >= 2 and around.previous[-1] in _OF and joiner_before.strip() in ("", "'")
    if of and (before[-2] in _CLUB_BEFORE or before[-2] in _FIRM_BEFORE):
        return True
    if following and joiner_after == " " and following[0] in _NAME_AFTER:
        return True
    if following[:2] == ["Saint", "Germain"] and joiner_after == " ":
        return True
    if not demonym:
        return False
    surface = text[words[first][1] : words[first][2]]
    if surface[0].isupper():
        # "la Lyonnaise des Eaux"; "selon Le Parisien": a capitalised article makes a title.
        of_a_name = len(following) == 2 and following[0] in ("de", "des", "du", "d")
        if of_a_name and following[1][0].isupper():
            return True
        return before[-1:] in (["Le"], ["La"]) and joiner_before == " "
    # "Le Courrier picard", "Stade rennais": a lowercase demonym closing a title, after a
    # capitalised word that does not open the sentence (an acronym, "les PME bretonnes",
    # is no title).
    if not before or joiner_before != " " or not before[-1][0].isupper() or before[-1].isupper():
        return False
    opening = text[: words[first - 1][1]].rstrip()
    # A line break before the capitalised word opens a paragraph ("...à La Réunion\n\nLe
    # montpelliérain Hélionergie"): a title above it ends without a full stop.
    paragraph = "\n" in text[len(opening) : words[first - 1][1]]
    return bool(opening) and not paragraph and opening[-1] not in '.!?:;«»"“”\n'
