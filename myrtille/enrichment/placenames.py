"""Place names found on the text itself, in any language: the gazetteer's regions, departments
and communes matched on accent- and case-folded words, so that "a Toulouse-based maker",
"d'Angers" or "in Normandy" count where the NER tagged nothing.

A name must look like a name (capitalised; an acronym in capitals; a commune whose name has an
article, "Le Havre", with an article before it), must stand alone (not inside a hyphenated compound
such as "Montoir-de-Bretagne" or "Paris-Saclay", a person's name or a linked company's name) and
must not be a venue or a direction ("salon du Bourget", "south of Paris"). Names that are also
common words ("Tours", "Nice", "Lot") or names of people, firms and foreign places ("Laval",
"Orange", "Valence") follow the stricter rules of ``names.csv``: see ``Ambiguity``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from myrtille.enrichment.geography import Gazetteer, Place, PlaceName, place_key
from myrtille.enrichment.placealone import Entry, longest, lowercase_openers, stands_alone
from myrtille.enrichment.placechoice import (
    bracketed_department,
    commune_named_so,
    large_homonym,
    located,
    postcode_place,
    small_commune,
)
from myrtille.enrichment.placecollectivities import collectivity_spans
from myrtille.enrichment.placecontext import namesake_abroad
from myrtille.enrichment.placecues import listed_with, place_cue
from myrtille.enrichment.placedatelines import opens_dateline
from myrtille.enrichment.placelists import Ambiguity, demonyms, extra_names
from myrtille.enrichment.placenamesakes import namesakes
from myrtille.enrichment.placepeople import without_people
from myrtille.enrichment.placespelling import Spellings
from myrtille.enrichment.placewords import (
    Word,
    beside_a_name,
    cut_folded,
    full_name,
    has_article,
    hyphenated_name,
    is_title_case,
    overlap_test,
    overlaps,
    sentence_initial,
)

_ADDRESS = re.compile(r"(?:\d{5}|RCS|R\.C\.S\.)\s")
_NUMBERED = re.compile(r"\s*(?:n[°ºo]\.?\s*)?\d")


class PlaceNameMatcher:
    """Every gazetteer name (and the extra names of ``names.csv``) as folded word tuples."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.entries: dict[tuple[str, ...], Entry] = {}
        self.department_region = gazetteer.department_region
        extra, ambiguity = extra_names(gazetteer)
        for key, place in gazetteer.places.items():
            self._add(key, place, ambiguity.get(key), article=has_article(place))
        for name, (place, rule) in extra.items():
            self._add(place_key(name), place, rule, acronym=name.isupper())
        # A region alias that is also an inhabitants' name ("la région parisienne") is the
        # region only after "région"; alone it is the town's ("la start-up parisienne").
        self.region_demonyms: dict[tuple[str, ...], Place] = {}
        # Inhabitants' names, lowercase adjectives or capitalised nouns: "toulousain",
        # "les Nantais", "a Breton group".
        inhabitants = demonyms(gazetteer)
        # Every name's spellings, accents kept: "Maçon" is no spelling of Mâcon.
        self.spellings = Spellings.of(gazetteer, [*extra, *inhabitants])
        for name, (place, rule) in inhabitants.items():
            self._add(place_key(name), place, rule, adjective=True)
            # "la région parisienne" (an alias of the region) is an adjective too.
            words = tuple(place_key(name).split())
            self.entries[words] = replace(self.entries[words], adjective=True)
            if self.entries[words].place.kind == "region" and place.kind != "region":
                self.region_demonyms[words] = place
        # Small communes: with a cue, a bracket or a neighbour ("à Saint-Vulbas").
        self.small = gazetteer.small
        # Small communes that names.csv lists as names of something else ("Matignon", the
        # Prime Minister's office): a cue alone does not make them places.
        self.small_named = {key for key, rule in ambiguity.items() if rule == "name"}
        # Communes named like a department or a region ("Vienne" in the Isère, "Roussillon"),
        # largest first: the name is theirs when the text puts them in their department.
        self.shadowed: dict[str, list[Place]] = {}
        for place in sorted(gazetteer.codes.values(), key=lambda p: -p.population):
            key = place_key(place.name)
            if place.kind == "commune" and gazetteer.places.get(key, place).kind != "commune":
                self.shadowed.setdefault(key, []).append(place)
        for key, homonyms in gazetteer.small.items():
            biggest = homonyms[0]
            self._add(key, biggest, "small", article=has_article(biggest))
        # The name lengths (in words) starting with each word, longest first: most words
        # start no name and cost one lookup.
        lengths: dict[str, set[int]] = {}
        for words in self.entries:
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
        for key, homonyms in gazetteer.homonyms.items():
            entry = self.entries.get(tuple(key.split()))
            if entry is not None and entry.place == homonyms[0] and entry.ambiguity is None:
                self.entries[tuple(key.split())] = Entry(
                    entry.place, "homonym", entry.article, entry.acronym, False
                )
        for name in gazetteer.acronyms:
            entry = self.entries.get(tuple(place_key(name).split()))
            if entry is not None:
                self.entries[tuple(place_key(name).split())] = Entry(
                    entry.place, entry.ambiguity, False, True, False
                )
        self.lowercase_openers = lowercase_openers(self.entries)

    def _add(
        self,
        key: str,
        place: Place,
        ambiguity: Ambiguity | None,
        *,
        article: bool = False,
        acronym: bool = False,
        adjective: bool = False,
    ) -> None:
        words = tuple(key.split())
        if words and words not in self.entries:
            self.entries[words] = Entry(place, ambiguity, article, acronym, adjective)

    def find(
        self,
        text: str,
        *,
        excluded: Iterable[tuple[int, int]] = (),
        title_end: int = 0,
    ) -> list[PlaceName]:
        """Place names of ``text``, first found first. ``excluded``: character spans that
        hold no place (people, linked companies); ``title_end``: where the title ends."""
        words, folded = cut_folded(text)
        # "21000 Dijon", "RCS Dijon" (an address), "Sotrac\n\nPARIS" (across a line break): the
        # NER's person holds the town. The collectivity "Saint-Pierre and Miquelon" holds none.
        blocked = collectivity_spans(text)
        blocked += (
            s for s in excluded if not _ADDRESS.match(text, s[0]) and text.find("\n", *s) < 0
        )
        blocked = sorted(s for s in blocked if not hyphenated_name(text[s[0] : s[1]], self.entries))
        is_blocked = overlap_test(blocked)
        candidates: list[tuple[PlaceName, Entry, int, int]] = []
        surnames: set[str] = set()  # demonyms seen in people's names ("Sarah Breton")
        people: set[str] = set()  # other names seen ending a person's name
        full_names: set[str] = set()  # people's names holding a place ("Brittany Smith")
        # Only words starting a name are looked at, in order; those inside a found name skipped.
        resume = 0
        starts = map(self.lengths.__contains__, folded)
        openers, lengths = self.lowercase_openers, self.lengths
        for i in itertools.compress(itertools.count(), starts):
            if i < resume:
                continue
            # Most words looked at are lowercase ("la", "son", "by"): a name they open is no
            # place (``lowercase_openers``), and outside a blocked span, whose names count
            # even so, it changes nothing; two thirds of the lookups are saved.
            if text[words[i][1]].islower() and folded[i] not in openers:
                reach = words[min(i + lengths[folded[i]][0], len(words)) - 1][2]
                if not is_blocked(words[i][1], reach):
                    continue
            found = longest(text, words, folded, i, self.lengths, self.entries)
            if found is None:
                continue
            end, entry = found
            start_char, end_char = words[i][1], words[end - 1][2]
            inside = is_blocked(start_char, end_char)
            if not inside and stands_alone(
                text, words, folded, i, end, entry, self.spellings, self._place_named
            ):
                place = entry.place
                town = self.region_demonyms.get(tuple(folded[i:end]))
                if town is not None and not (i and folded[i - 1] == "region"):
                    place = town
                name = PlaceName(text[start_char:end_char], start_char, end_char, place)
                candidates.append((name, entry, i, end))
            elif inside and entry.adjective:
                surnames.add(text[start_char:end_char])
            elif inside:
                person = full_name(text, blocked, start_char)
                if person and person[1] == end_char:
                    people.add(folded[end - 1])  # "Thomas Millau": "Millau said" later
                if person:
                    full_names.add(text[person[0] : person[1]])
            else:  # "the greater Paris area": a shorter name may stand alone
                end = i + 1
            resume = end
        sure = [(n, e) for n, e, _, _ in candidates if e.ambiguity is None]
        departments = {n.place.department for n, _ in sure if n.place.department}
        regions = {n.place.region for n, _ in sure}
        kinds: dict[str, list[tuple[int, int]]] = {}  # the sure places' spans, by kind
        for sure_name, _ in sure:
            kinds.setdefault(sure_name.place.kind, []).append((sure_name.start, sure_name.end))
        named = [
            (m.start(), m.end())
            for person in full_names
            for m in re.finditer(re.escape(person), text)
        ]
        kept = []
        for name, entry, first, end in candidates:
            if named and overlaps(name.start, name.end, named):
                continue  # the same person's name elsewhere (a title the NER did not read)
            # "Sarah Breton", "Norman Foster": a capitalised demonym in a person's name (and
            # that person's "Breton said" further on).
            capitalised = entry.adjective and name.text[0].isupper()
            if capitalised and (name.text in surnames or beside_a_name(text, words, first, end)):
                surnames.add(name.text)
                continue
            # A cue ("à", "in") is read only where a rule asks for it: a name that ends a
            # person's name elsewhere, or an ambiguous one (most names are neither).
            in_people = folded[end - 1] in people
            ambiguous = entry.ambiguity is not None
            cue = (in_people or ambiguous) and place_cue(text, words, first, end)
            if in_people and not cue:
                continue
            key = " ".join(folded[first:end])
            shadowed = self.shadowed.get(key, [])
            coded = postcode_place(text, name.start, key, name.place, self.gazetteer, shadowed)
            if coded is not None:  # "26000 Valence", "93200 Saint-Denis": an address
                kept.append(replace(name, place=coded))
                continue
            if namesake_abroad(key, text):
                others = {n.place.department for n, _ in sure if n.text != name.text}
                if not located(name.place, name.end, others, text, self.gazetteer):
                    continue  # "à Vienne, avec le ministère autrichien": Vienna
            if entry.ambiguity is None:
                kept.append(name)
                continue
            # "Roussillon, en Isère": the Isère commune, not the province (names only: "dans
            # les Landes" near La Rochelle is not the hamlet of Landes).
            town = commune_named_so(
                shadowed if entry.ambiguity == "name" else [], name.place, departments, regions
            )
            if town is not None:
                kept.append(PlaceName(name.text, name.start, name.end, town))
                continue
            in_title = name.start < title_end
            corroborated = (
                name.place.department in departments
                if name.place.kind == "commune"
                else name.place.region in regions
            )
            if entry.ambiguity == "homonym":
                homonyms = self.gazetteer.homonyms[key]
                place = large_homonym(
                    homonyms, text, name.end, departments, regions, self.gazetteer
                )
                if place is not None:
                    kept.append(PlaceName(name.text, name.start, name.end, place))
                continue
            if entry.ambiguity == "small":
                place = self._small_commune(text, words, first, end, departments, cue)
                if place is not None:
                    kept.append(PlaceName(name.text, name.start, name.end, place))
                continue
            if entry.ambiguity in ("word", "product"):
                if _NUMBERED.match(text, name.end):
                    continue  # "Lot 4, menuiseries": a tender's lot
                # An English headline in Title Case capitalises common words too.
                title_case = in_title and is_title_case(text[:title_end])
                initial = title_case or sentence_initial(text, name.start)
                if cue or not initial or corroborated:
                    kept.append(name)
                continue
            # A name shared with people and firms: next to another capitalised word it is
            # part of their name ("Pierre Laval", "Orange Business").
            if beside_a_name(text, words, first, end):
                continue
            bracketed = bracketed_department(text, name.end, name.place, self.gazetteer)
            cue = cue and place_cue(text, words, first, end, elision=False)
            listed = listed_with(text, name.start, name.end, kinds.get(name.place.kind, []))
            if cue or corroborated or bracketed or listed:
                kept.append(name)
        kept = namesakes(kept, text, self.gazetteer, self.shadowed, self.small)
        return without_people(kept, text)

    def _small_commune(
        self,
        text: str,
        words: list[Word],
        first: int,
        end: int,
        departments: set[str | None],
        cue: bool,
    ) -> Place | None:
        start, stop = words[first][1], words[end - 1][2]
        surface = text[start:stop]
        dateline = opens_dateline(text, start, stop)
        if (surface.isupper() and not dateline) or beside_a_name(text, words, first, end):
            return None  # "EU" is not Eu; "Marie Dupont" is not Marie
        key = " ".join(w[0] for w in words[first:end])
        homonyms = self.small.get(key, [])
        cue = (cue or dateline) and key not in self.small_named
        # A one-word hamlet heading a sentence that the text also writes in lowercase ("This
        # is the second option", "Son chiffre d'affaires ... son usine", "By decision of")
        # is that word: its department named elsewhere is no evidence, only a cue, a bracket
        # or an apposition.
        heading = end - first == 1 and not cue and sentence_initial(text, start)
        if heading and re.search(rf"\b{re.escape(surface.lower())}\b", text):
            departments = set()
        return small_commune(
            homonyms,
            text,
            stop,
            departments,
            self.gazetteer,
            cue=cue,
            one_word=end - first == 1 and not dateline,
        )

    def _place_named(self, key: tuple[str, ...]) -> Place | None:
        return getattr(self.entries.get(key), "place", None)


@cache
def default_matcher() -> PlaceNameMatcher:
    return PlaceNameMatcher(Gazetteer.default())
