"""Which company an event belongs to (session 13): a partnership is news of both partners
the sentence joins ("X et Y s'associent", "X, based in …, and Y have formed a
partnership", "X signe un partenariat avec Y"); a firm named as a new head's former
employer ("a passé douze ans chez X", "spent fifteen years at X") does not take the
appointment of an article about another firm; a title naming a group gives its event to
the subsidiary the lead opens on ("Varen Metz, la filiale messine de Varen, …"); a title
opening on a house's name ("Maison Ardoline dévoile …") is that unlisted firm's article.

Every text was written for these tests (none comes from an evaluation set); the companies
are invented. Each case fails with its rule switched off.
"""

from __future__ import annotations

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import batch_events, check_event_company, registry_firm

CORVANE = "900003301"
HALBERT = "900003302"
TOLMAR = "900003303"
VEXIS = "900003304"
VAREN = "900003305"
VAREN_METZ = "900003306"


REGISTRY = [
    registry_firm(CORVANE, "Corvane", (), "20.14Z", "69", "84"),
    registry_firm(HALBERT, "Laboratoires Halbert", ("Halbert",), "21.20Z", "37", "24"),
    registry_firm(TOLMAR, "Tolmar Industries", ("Tolmar",), "28.13Z", "42", "84"),
    registry_firm(VEXIS, "Vexis", (), "62.01Z", "35", "53"),
    registry_firm(VAREN, "Varen", (), "27.20Z", "69", "84"),
    registry_firm(VAREN_METZ, "Varen Metz", (), "27.20Z", "57", "44"),
]

CASES: list[tuple[str, str, str, str, object]] = [
    # ---- a partnership: both partners' news
    (
        "fr",
        "Chimie verte : Corvane et les Laboratoires Halbert s'associent",
        "Corvane et les Laboratoires Halbert ont signé un partenariat pour produire des "
        "solvants biosourcés destinés à l'industrie pharmaceutique.",
        "partnership",
        HALBERT,
    ),
    (
        "en",
        "Counter-drone systems for French airports",
        "Bourges electronics maker Tolmar, based near the airport, and Rennes software firm "
        "Vexis have formed a partnership to sell a joint counter-drone system to airports.",
        "partnership",
        VEXIS,
    ),
    (
        "fr",
        "Cybersécurité : un accord pour les hôpitaux",
        "Le rennais Vexis a signé un partenariat avec Corvane pour chiffrer les données de "
        "ses usines.",
        "partnership",
        CORVANE,
    ),
    # ---- a new head's former employer, in another firm's article
    (
        "fr",
        "Coteaux du Lirac : Claire Bonnet prend la tête de la cave coopérative",
        "Le conseil d'administration de la cave coopérative des Coteaux du Lirac a nommé "
        "Claire Bonnet directrice générale. Elle succède à Paul Vidal, qui part à la "
        "retraite.\n\n"
        "Âgée de 48 ans, la nouvelle dirigeante vient d'un autre monde : elle a passé douze "
        "ans dans la finance et les achats chez Tolmar Industries, le fabricant de pompes "
        "stéphanois.",
        "leadership",
        ("not", TOLMAR),
    ),
    (
        "en",
        "Hillcrest cooperative names new chief",
        "The Hillcrest dairy cooperative has appointed Anne Moreau as chief executive. She "
        "succeeds Paul Girard, who is retiring.\n\n"
        "The new chief executive, 51, spent fifteen years in purchasing and finance at "
        "Tolmar Industries, the Saint-Etienne pump maker.",
        "leadership",
        ("not", TOLMAR),
    ),
    # ---- a title naming the group, a lead naming its subsidiary
    (
        "en",
        "Varen commits EUR 80m to a second battery line at Metz",
        "Varen Metz, the battery subsidiary of Lyon-based Varen, will invest EUR 80m in a "
        "second assembly line at its plant, the group said on Friday.",
        "investment",
        VAREN_METZ,
    ),
    (
        "fr",
        "Varen investit 80 millions d'euros dans une seconde ligne à Metz",
        "Varen Metz, la filiale messine du groupe lyonnais Varen, va investir 80 millions "
        "d'euros dans une seconde ligne d'assemblage de batteries.",
        "investment",
        VAREN_METZ,
    ),
    # ---- a title opening on a house's name: that unlisted firm's article
    (
        "fr",
        "Maison Ardoline dévoile Nuit Boisée, son premier parfum",
        "La parfumerie parisienne présente aujourd'hui une eau de parfum boisée, composée "
        "à Grasse. Ses flacons sont fabriqués dans la Loire par Tolmar Industries.",
        "innovation",
        ("not", TOLMAR),
    ),
    (
        "en",
        "Maison Garnier unveils its first woody fragrance",
        "The Paris perfume house today presents a woody eau de parfum composed in Grasse. "
        "Its bottles are made in the Loire by Tolmar Industries.",
        "innovation",
        ("not", TOLMAR),
    ),
]


@pytest.fixture(scope="module")
def results(registry_enricher: Enricher) -> list[list[dict[str, object]]]:
    return batch_events(registry_enricher, CASES)


@pytest.mark.parametrize("position", range(len(CASES)), ids=[c[1][:48] for c in CASES])
def test_event_company(results: list[list[dict[str, object]]], position: int) -> None:
    check_event_company(CASES[position], results[position])
