"""Contracts won abroad are export news too.

The press rarely writes "export" when a French firm wins a foreign order: it names the
customer's country ("la marine grecque", "the Austrian capital's operator", "a German
carmaker"). A contract sentence naming a foreign country, its people or one of its main
cities therefore also reports an export event for the same company.

Words that are French places too ("Valence", "Vienne", "Montréal" in the Aude, "Orange")
are left out, and so are the British Isles in English: the English-language press about
British firms says "UK" and "British" of home.

The world's main business cities, in French and English spellings, are a data list,
``config/data/geography/cities_abroad.csv``: those that are also French communes (rule
"place": "Montréal", "Cologne", "La Haye") or first names, firms and common words (rule
"name": "Florence", "Boston", "Canton") are not enough for export; the place finder uses
the first kind to keep "à Montréal" out of the Aude (``placecontext.namesake_abroad``).
"""

from __future__ import annotations

import csv
import re
from importlib import resources


def _cities() -> list[dict[str, str]]:
    base = resources.files("myrtille.config").joinpath("data/geography")
    with base.joinpath("cities_abroad.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


CITIES_ABROAD = _cities()
# Longest first: "New Delhi" before "Delhi".
_CITIES = "|".join(
    re.escape(row["name"])
    for row in sorted(CITIES_ABROAD, key=lambda row: -len(row["name"]))
    if not row["rule"]
)

_FR_PEOPLES = (
    "allemand|américain|espagnol|italien|néerlandais|hollandais|portugais|polonais|"
    "autrichien|suédois|norvégien|danois|finlandais|irlandais|tchèque|roumain|hongrois|"
    "chinois|japonais|coréen|indien|canadien|brésilien|mexicain|marocain|algérien|tunisien|"
    "sénégalais|ivoirien|égyptien|saoudien|émirien|qatari|israélien|australien|"
    "singapourien|taïwanais|vietnamien|indonésien|ukrainien|québécois|britannique|"
    "anglais|écossais|belge|suisse|russe|luxembourgeois|"
    # session 8: more of Europe, Africa, Latin America and Asia
    "estonien|letton|lituanien|slovaque|slovène|croate|serbe|bulgare|chilien|argentin|"
    "colombien|péruvien|thaïlandais|malaisien|philippin|nigérian|kényan"
)
_FR_IRREGULAR = "grec|grecque|grecques|grecs|turc|turque|turcs|turques"
_FR_COUNTRIES = (
    "Allemagne|États-Unis|Etats-Unis|Royaume-Uni|Espagne|Italie|Belgique|Suisse|Pays-Bas|"
    "Portugal|Pologne|Autriche|Grèce|Suède|Norvège|Danemark|Finlande|Irlande|Chine|Japon|"
    "Corée|Inde|Canada|Brésil|Mexique|Maroc|Algérie|Tunisie|Sénégal|Égypte|Arabie|Émirats|"
    "Qatar|Turquie|Israël|Australie|Singapour|Taïwan|Vietnam|Indonésie|Québec|Luxembourg|"
    "Londres|Madrid|Barcelone|Berlin|Munich|Milan|Rome|Bruxelles|Genève|Lausanne|Tokyo|"
    "Shanghai|Pékin|Dubaï|Athènes|Lisbonne|Amsterdam|Rotterdam|Anvers|New York|"
    "Estonie|Lettonie|Lituanie|pays baltes|Slovaquie|Slovénie|Croatie|Serbie|Roumanie|"
    "Hongrie|Bulgarie|Chili|Colombie|Pérou|Thaïlande|Malaisie|Nigeria|Kenya|Afrique du Sud"
)
_EN_PEOPLES = (
    "German|American|Spanish|Italian|Belgian|Swiss|Dutch|Portuguese|Polish|Austrian|Greek|"
    "Hellenic|Swedish|Norwegian|Danish|Finnish|Irish|Czech|Romanian|Hungarian|Chinese|"
    "Japanese|Korean|Indian|Canadian|Brazilian|Mexican|Moroccan|Algerian|Tunisian|Saudi|"
    "Emirati|Qatari|Turkish|Israeli|Australian|Singaporean|Taiwanese|Vietnamese|"
    "Indonesian|Ukrainian|Quebec|Estonian|Latvian|Lithuanian|Slovak|Slovenian|Croatian|"
    "Serbian|Bulgarian|Senegalese|Ivorian|Egyptian|Nigerian|Kenyan|"
    "Chilean|Argentine|Argentinian|Colombian|Peruvian|Thai|Malaysian|Filipino"
)
_EN_COUNTRIES = (
    "Germany|United States|US|USA|Spain|Italy|Belgium|Switzerland|Netherlands|Portugal|"
    "Poland|Austria|Greece|Sweden|Norway|Denmark|Finland|Ireland|China|Japan|Korea|India|"
    "Canada|Brazil|Mexico|Morocco|Saudi Arabia|UAE|Qatar|Turkey|Israel|Australia|Singapore|"
    "Taiwan|Vietnam|Indonesia|Luxembourg|Vienna|Valencia|Madrid|Barcelona|Berlin|Munich|"
    "Milan|Rome|Brussels|Geneva|Tokyo|Shanghai|Beijing|Dubai|Athens|Lisbon|Amsterdam|"
    "Rotterdam|Antwerp|New York|Estonia|Latvia|Lithuania|Baltics|Slovakia|Slovenia|Croatia|"
    "Serbia|Romania|Hungary|Bulgaria|Chile|Argentina|Colombia|Peru|Thailand|Malaysia|"
    "Philippines|Nigeria|Kenya|Senegal|Egypt|South Africa"
)
ABROAD = re.compile(
    rf"\b(?:(?i:{_FR_PEOPLES})(?i:e|s|es|ne|nes)?|(?i:{_FR_IRREGULAR})|{_FR_COUNTRIES}|"
    rf"{_EN_PEOPLES}|{_EN_COUNTRIES}|{_CITIES})\b"
)


def names_abroad(sentence: str) -> bool:
    """Whether ``sentence`` names a foreign country, people or main city."""
    return ABROAD.search(sentence) is not None
