"""The sector scoring reads each match once (session 19, speed).

`SectorMatcher.score` drops repeated matches before its per-match filters (the lexicon's
matcher and the terms' forms find most terms two or three times over) and makes a term's
text only where the term is first seen. Both leave every answer as it was because:

- the mentions are a function of the set of matches (`mentions_of`), whatever their order
  and repeats: held here on matches drawn at random (Hypothesis);
- every mention still counts, and a term's evidence keeps the text of its first mention:
  held here on a text that names one term four times, in two forms, matched several
  times over.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from myrtille.enrichment.enricher import TITLE_SEPARATOR, Enricher
from myrtille.enrichment.sector_mentions import mentions_of
from tests.enrichment.enriching import result_of

MATCHES = st.lists(
    st.tuples(
        st.sampled_from(["sector:agrifood", "sector:energy", "sector:transport"]),
        st.integers(0, 12),
        st.integers(1, 4),
    ).map(lambda m: (m[0], m[1], m[1] + m[2])),
    max_size=12,
)


@given(MATCHES, st.randoms(use_true_random=False))
def test_mentions_ignore_the_order_and_repeats_of_matches(
    matches: list[tuple[str, int, int]], random
) -> None:
    repeated = [m for m in matches for _ in range(random.randint(1, 3))]
    random.shuffle(repeated)
    assert mentions_of(repeated) == mentions_of(list(dict.fromkeys(matches)))


TITLE = "Les fromageries du Jura embauchent"
TEXT = (
    "La Fromagerie Vallet affine ses Fromages au lait cru. Le fromage de chèvre se vend "
    "bien, et le fromage reste son métier : elle vend du fromage à Lyon."
)


def test_a_term_matched_several_times_counts_each_mention_from_its_first_text(
    enricher: Enricher,
) -> None:
    sectors = enricher.tools("fr").sectors
    doc = enricher.tools("fr").nlp(TITLE + TITLE_SEPARATOR + TEXT)
    matches = sectors.matcher(doc) + sectors.forms(doc)
    assert len(set(matches)) < len(matches)  # the text's matches come several times over
    [agrifood] = result_of(enricher, TEXT, "fr", TITLE).sectors
    evidence = [e for e in agrifood["evidence"] if e.get("where") == "text"]
    cheese = [e for e in evidence if e["term"] in ("fromage", "fromages")]
    # "Fromages", "fromage", "fromage", "fromage": one term, its first mention's text.
    assert cheese == [{"term": "fromages", "where": "text", "count": 4}]
