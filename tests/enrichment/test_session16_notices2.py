"""Legal notices, session 16 (round 2): salience.py weighs no notice page as a news article.

- A notice page's title names its rubric in the plural ("Annonces légales : redressements
  et liquidations judiciaires", "The Gazette: winding-up orders and liquidations"): it is no
  review of insolvency figures, and its firm's insolvency is kept, registry firm or not.
- On a page of several notices (a digest), each notice's event is its news, though told
  once below the first notice, which is the lead.

Every notice here was written for these tests (invented firms, courts and people).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from myrtille.enrichment.enricher import Enricher
from tests.enrichment.enriching import events_of, registry_firm, types

REGISTRY = [registry_firm("917000145", "Brasserie du Revermont", (), "11.05Z", "01", "84")]
PUBLISHED = datetime(2026, 12, 3)

RUBRIC_TITLES = [
    (
        "fr",
        "Annonces légales : redressements et liquidations judiciaires",
        "Annonces légales. Tribunal de commerce de Mâcon.\n\nPar jugement du 1er décembre "
        "2026, le tribunal a prononcé la liquidation judiciaire de la SARL Tonnellerie "
        "Bressane, 12 rue des Tilleuls, 01000 Bourg-en-Bresse, RCS Bourg-en-Bresse 917 000 "
        "111. Liquidateur : Me Aline Cordier.\n",
    ),
    (
        "en",
        "The Gazette: winding-up orders and liquidations",
        "The Gazette. Corporate insolvency notices.\n\nIn the High Court of Justice, Business "
        "and Property Courts in Leeds. A winding-up order was made on 1 December 2026 against "
        "HARROWGATE JOINERY LIMITED, 4 Mill Lane, Harrogate HG1 2AB. Official Receiver "
        "appointed as liquidator.\n",
    ),
]


@pytest.mark.parametrize("kind", ["notice", "article"])
@pytest.mark.parametrize(("language", "title", "text"), RUBRIC_TITLES)
def test_a_notice_rubric_in_the_plural_is_no_review_of_figures(
    registry_enricher: Enricher, language: str, title: str, text: str, kind: str
) -> None:
    events = events_of(registry_enricher, text, language, title, PUBLISHED, kind=kind)
    assert "insolvency" in types(events), events


DIGEST = (
    "SARL TONNELLERIE BRESSANE, 12 rue des Tilleuls, 01000 Bourg-en-Bresse, RCS "
    "Bourg-en-Bresse 917 000 111 : jugement du 1er décembre 2026 prononçant la liquidation "
    "judiciaire. Liquidateur : Me Aline Cordier.\n\n"
    "SAS MIELLERIE DU REVERMONT, 3 chemin des Ruches, 01250 Ceyzériat. RCS Bourg-en-Bresse "
    "917 000 129. Aux termes d'une décision de l'associé unique du 28 novembre 2026, "
    "M. Lucien Favre a été nommé président en remplacement de Mme Odile Favre, "
    "démissionnaire.\n\n"
    "SAS VERRERIE DE LA SEILLE, 8 quai de la Seille, 71500 Louhans. RCS Mâcon 917 000 137. "
    "L'assemblée générale extraordinaire du 27 novembre 2026 a décidé la dissolution "
    "anticipée de la société à compter du même jour. Liquidateur amiable : M. Rémi Jacquet.\n"
)


@pytest.mark.parametrize("kind", ["notice", "article"])
def test_each_notice_of_a_digest_keeps_its_event_below_the_lead(
    registry_enricher: Enricher, kind: str
) -> None:
    title = "Annonces légales – Tribunal de commerce de Bourg-en-Bresse, avis du 1er décembre"
    events = events_of(registry_enricher, DIGEST, "fr", title, PUBLISHED, kind=kind)
    by_type = {e["type"]: e["company"] for e in events}
    assert by_type.get("insolvency") == "TONNELLERIE BRESSANE", events
    assert by_type.get("leadership") == "MIELLERIE DU REVERMONT", events
    assert by_type.get("closure") == "VERRERIE DE LA SEILLE", events
