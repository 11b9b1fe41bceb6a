"""A declared language is kept without detection only when the text's own function words
show it plainly (language.py ``plainly_in``); any doubt leaves the check to the detector,
which still corrects a wrong declaration. Texts written for this test, in six languages."""

from __future__ import annotations

import pytest

from myrtille.enrichment.language import LanguageDetector, choose_language, plainly_in

FRENCH = (
    "Le fabricant de pièces pour l'aéronautique a annoncé mardi l'ouverture d'une nouvelle "
    "usine dans la zone industrielle de la ville. Les travaux doivent commencer au printemps "
    "et les premières machines sont attendues avant la fin de l'année. L'entreprise, qui "
    "emploie déjà trois cents salariés dans ses deux sites, prévoit de recruter une centaine "
    "de techniciens. Cette extension a été rendue possible par une levée de fonds auprès des "
    "banques régionales et par le soutien des collectivités, selon le directeur général."
)
ENGLISH = (
    "The maker of aircraft parts said on Tuesday that it would open a new plant in the "
    "town's industrial park. Work is due to start in the spring and the first machines are "
    "expected before the end of the year. The company, which already employs three hundred "
    "people at its two sites, has said that it plans to hire about a hundred technicians. "
    "The expansion has been made possible by a loan from regional banks and by support from "
    "local authorities, according to its chief executive, who added that orders were strong."
)
SPANISH = (
    "El fabricante de piezas para la aeronáutica anunció el martes la apertura de una nueva "
    "fábrica en la zona industrial de la ciudad. Las obras deben comenzar en primavera y las "
    "primeras máquinas se esperan antes de finales de año. La empresa, que ya emplea a "
    "trescientas personas en sus dos centros, prevé contratar a un centenar de técnicos. "
    "Esta ampliación ha sido posible gracias a un préstamo de los bancos regionales y al "
    "apoyo de las autoridades locales, según el director general de la sociedad."
)
ITALIAN = (
    "Il produttore di componenti per l'aeronautica ha annunciato martedì l'apertura di un "
    "nuovo stabilimento nella zona industriale della città. I lavori dovrebbero iniziare in "
    "primavera e i primi macchinari sono attesi prima della fine dell'anno. L'azienda, che "
    "impiega già trecento persone nelle sue due sedi, prevede di assumere un centinaio di "
    "tecnici. Questo ampliamento è stato reso possibile da un prestito delle banche "
    "regionali e dal sostegno degli enti locali, secondo il direttore generale."
)
GERMAN = (
    "Der Hersteller von Flugzeugteilen hat am Dienstag die Eröffnung eines neuen Werks im "
    "Industriegebiet der Stadt angekündigt. Die Bauarbeiten sollen im Frühjahr beginnen und "
    "die ersten Maschinen werden vor Ende des Jahres erwartet. Das Unternehmen, das bereits "
    "dreihundert Mitarbeiter an seinen beiden Standorten beschäftigt, will rund hundert "
    "Techniker einstellen. Die Erweiterung wurde durch einen Kredit der Regionalbanken und "
    "die Unterstützung der Behörden möglich, so der Geschäftsführer des Unternehmens."
)


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.mark.parametrize(("code", "text"), [("fr", FRENCH), ("en", ENGLISH)])
def test_a_text_in_its_declared_language_shows_it_plainly(code: str, text: str) -> None:
    assert plainly_in(code, text)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", FRENCH),
        ("fr", ENGLISH),
        ("fr", SPANISH),
        ("fr", ITALIAN),
        ("en", GERMAN),
        # Half and half: neither language dominates, the detector decides.
        ("fr", FRENCH[:420] + " " + ENGLISH[:420]),
        ("en", ENGLISH[:420] + " " + FRENCH[:420]),
        # A language without listed function words is never taken on sight.
        ("de", GERMAN),
    ],
)
def test_any_doubt_is_left_to_the_detector(code: str, text: str) -> None:
    assert not plainly_in(code, text)


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        ("fr", FRENCH, ("fr", "declared")),
        ("en", ENGLISH, ("en", "declared")),
        ("en-GB", FRENCH, ("fr", "corrected")),
        ("fr", ENGLISH, ("en", "corrected")),
        ("fr", SPANISH, ("es", "corrected")),
        ("en", GERMAN, ("de", "corrected")),
    ],
)
def test_wrong_declarations_are_still_corrected(
    detector: LanguageDetector, declared: str, text: str, expected: tuple[str, str]
) -> None:
    assert choose_language(declared, "Une usine / A plant", text, detector) == expected
