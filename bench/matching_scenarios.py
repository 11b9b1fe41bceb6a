"""The subscriptions ``bench/matching.py`` matches against.

Two scenarios: ``random`` (today's: sector + region, a company, or two or three random
words) and ``agencies`` — subscriptions as economic-development agencies and chambers of
commerce set them: sector × region × event combinations (many subscribers share each),
departments, events of a kind in a region, companies (the corpus' often, the registry's
rarely), portfolios of 20 to 200 companies, a sector with a keyword or a phrase, and some
exclusions (``-rumeur``)."""

from __future__ import annotations

import random

from myrtille.alerts.matcher import CompiledSubscription, required_keys
from myrtille.demo.corpus import load_corpus
from myrtille.index.query import And, Members, Node, Not, Text, parse
from myrtille.index.resolver import CodeResolver
from myrtille.pipeline.normalise import words_of

SECTORS = [
    "aeronautics",
    "automotive",
    "defence",
    "agrifood",
    "energy",
    "chemicals",
    "construction",
    "digital",
    "health",
    "transport",
    "textile_luxury",
    "tourism",
]
REGIONS = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]
EVENTS = [
    "acquisition",
    "closure",
    "contract",
    "export",
    "fundraising",
    "hiring",
    "innovation",
    "insolvency",
    "investment",
    "leadership",
    "partnership",
]
DEPARTMENTS = ["06", "08", "14", "25", "29", "31", "33", "35", "44", "59", "69", "76", "83"]
KEYWORDS = ["hydrogene", "usine", "export", "robotique", "recrutement", "batterie", "drone"]
PHRASES = ['"levee de fonds"', '"plan social"', '"appel d offres"', '"nouvelle usine"']


def _sirens(rng: random.Random) -> tuple[list[str], list[str]]:
    """The corpus' companies (in the documents) and registry-like ones (never there)."""
    corpus = [str(c["siren"]) for c in load_corpus().companies]
    registry = [f"9{n:08d}" for n in range(100_000)]
    rng.shuffle(registry)
    return corpus, registry


def random_scenario(count: int, rng: random.Random) -> list[CompiledSubscription]:
    corpus = load_corpus()
    sirens = [c["siren"] for c in corpus.companies] + [f"9{n:08d}" for n in range(5000)]
    vocabulary = sorted({w for a in corpus.articles for w in words_of(a.body) if len(w) > 5})
    resolver = CodeResolver()
    out = []
    for n in range(count):
        shape = rng.random()
        if shape < 0.4:
            text = f"sector:{rng.choice(SECTORS)} region:{rng.choice(REGIONS)}"
        elif shape < 0.7:
            text = f"company:{rng.choice(sirens)}"
        else:
            text = " ".join(rng.sample(vocabulary, rng.choice([2, 3])))
        out.append(_compiled(n, parse(text, resolver)))
    return out


def agencies_scenario(count: int, rng: random.Random) -> list[CompiledSubscription]:
    resolver = CodeResolver()
    corpus, registry = _sirens(rng)
    out = []
    for n in range(count):
        shape = rng.random()
        sector, region, event = rng.choice(SECTORS), rng.choice(REGIONS), rng.choice(EVENTS)
        if shape < 0.2:
            text = f"sector:{sector} region:{region}"
        elif shape < 0.35:
            text = f"sector:{sector} region:{region} event:{event}"
        elif shape < 0.45:
            text = f"sector:{sector} event:{event}"
        elif shape < 0.52:
            text = f"region:{region} (event:closure OR event:insolvency)"
        elif shape < 0.57:
            text = f"dept:{rng.choice(DEPARTMENTS)} event:{event} -rumeur"
        elif shape < 0.62:
            text = f"sector:{sector} {rng.choice(KEYWORDS + PHRASES)}"
        elif shape < 0.82:
            # One company in ten is one the documents name; the others stay quiet.
            siren = rng.choice(corpus) if rng.random() < 0.1 else rng.choice(registry)
            text = f"company:{siren}"
        else:
            members = rng.sample(registry, rng.randint(20, 200)) + rng.sample(corpus, 2)
            node: Node = Members(f"portfolio{n % 500}", frozenset(members))
            if rng.random() < 0.3:
                node = And((node, Not(Text(("rumeur",)))))
            out.append(_compiled(n, node))
            continue
        out.append(_compiled(n, parse(text, resolver)))
    return out


SCENARIOS = {"random": random_scenario, "agencies": agencies_scenario}


def _compiled(number: int, node: Node) -> CompiledSubscription:
    return CompiledSubscription(number, node, required_keys(node), ("email",))
