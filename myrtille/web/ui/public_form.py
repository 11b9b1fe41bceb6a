"""The public subscription form's choices: read from the posted (or linked) fields, checked
field by field in the page's language, and made into a query the firm never sees.

The form's interface is documented and stable (docs/web-ui.md): ``email``, ``sectors``,
``regions``, ``departments``, ``companies`` (SIRENs), ``events`` (each repeatable, the
codes the query language uses), ``keywords``, ``frequency``, ``language``.

Within a kind the choices are alternatives (OR); the kinds narrow each other (AND).
Keywords are comma-separated alternatives, each one quoted as a phrase: a firm cannot
write query syntax through them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from myrtille.alerts.subscriptions import FREQUENCIES, SubscriptionError, normalise_email
from myrtille.config.web import PublicSubscribeSettings
from myrtille.enrichment.registry import CompanyRecord, valid_siren
from myrtille.index.query import (
    And,
    Field,
    Node,
    Or,
    QueryError,
    Text,
    ValueResolver,
    parse,
    words_of,
)
from myrtille.texts import LANGUAGES, gettext, labels, ngettext

MAX_KEYWORDS_CHARS = 200
MAX_COMPANIES = 20
LISTS = ("sectors", "regions", "departments", "companies", "events")
# The query language's field for each list of codes.
_FIELDS = {
    "sectors": "sector",
    "regions": "region",
    "departments": "dept",
    "companies": "company",
    "events": "event",
}
_VOCABULARY = {
    "sectors": "sector",
    "regions": "region",
    "departments": "department",
    "events": "event",
}


@dataclass
class Choices:
    email: str = ""
    sectors: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    keywords: str = ""
    frequency: str = "daily"
    language: str = "fr"

    def has_criterion(self) -> bool:
        return any(getattr(self, name) for name in LISTS) or bool(keyword_phrases(self.keywords))

    def fields(self) -> dict[str, Any]:
        """The choices as form fields (for links that prefill the form)."""
        return {
            "email": self.email,
            **{name: list(getattr(self, name)) for name in LISTS},
            "keywords": self.keywords,
            "frequency": self.frequency,
            "language": self.language,
        }


def read_choices(fields: Mapping[str, Sequence[str]], lang: str) -> Choices:
    """The choices from form or query fields (a name may repeat); blank values dropped,
    codes kept as given so that an unknown one can be named in its error."""

    def one(name: str, default: str = "") -> str:
        values = fields.get(name) or []
        return str(values[0]).strip() if values else default

    def many(name: str) -> list[str]:
        found: list[str] = []
        for value in fields.get(name) or []:
            text = str(value).strip()
            if name == "departments":
                text = text.upper()
            elif name == "companies":
                text = "".join(text.split())
            if text and text not in found:
                found.append(text)
        return found

    return Choices(
        email=one("email"),
        **{name: many(name) for name in LISTS},
        keywords=one("keywords"),
        frequency=one("frequency", "daily"),
        language=one("language", lang),
    )


def keyword_phrases(keywords: str) -> list[str]:
    """The keyword alternatives: comma-separated, quotes dropped, those with no word left
    out."""
    phrases = []
    for part in keywords.replace('"', " ").split(","):
        phrase = " ".join(part.split())
        if words_of(phrase) and phrase not in phrases:
            phrases.append(phrase)
    return phrases


def query_of(choices: Choices) -> str:
    """The query the choices mean; values are codes checked by :func:`problems`, keywords
    phrases in quotes (with no quote of their own left inside)."""
    groups: list[list[str]] = []
    groups.append([f"sector:{code}" for code in choices.sectors])
    groups.append(
        [f"region:{code}" for code in choices.regions]
        + [f"dept:{code.lower()}" for code in choices.departments]
    )
    for name in ("companies", "events"):
        groups.append([f"{_FIELDS[name]}:{code}" for code in getattr(choices, name)])
    groups.append([f'"{phrase}"' for phrase in keyword_phrases(choices.keywords)])
    parts = []
    for terms in groups:
        if len(terms) == 1:
            parts.append(terms[0])
        elif terms:
            parts.append("(" + " OR ".join(terms) + ")")
    return " ".join(parts)


def problems(
    choices: Choices,
    lang: str,
    rules: PublicSubscribeSettings,
    registry: Mapping[str, CompanyRecord],
    resolver: ValueResolver | None,
    *,
    need_email: bool = True,
) -> dict[str, str]:
    """What is wrong, by field (``form`` for the whole form), in the page's language;
    ``registry`` holds the registry's companies of the chosen SIRENs."""
    errors: dict[str, str] = {}
    if need_email:
        try:
            address = normalise_email(choices.email)
        except SubscriptionError:
            errors["email"] = gettext(
                lang,
                "“{email}” is not an email address: write it as name@company.fr.",
                email=choices.email[:80],
            )
        else:
            domain = address.rpartition("@")[2]
            if rules.email_domains and domain not in rules.email_domains:
                errors["email"] = gettext(
                    lang,
                    "This page only takes addresses at {domains}: use your address there, "
                    "or ask the agency that runs this watch.",
                    domains=", ".join(rules.email_domains),
                )
    known = labels(lang)
    for name, kind in _VOCABULARY.items():
        unknown = [code for code in getattr(choices, name) if code not in known[kind]]
        if unknown:
            errors[name] = ngettext(
                lang,
                "Unknown code {codes}: choose from the list.",
                "Unknown codes {codes}: choose from the list.",
                len(unknown),
                codes=", ".join(code[:40] for code in unknown[:5]),
            )
    if len(choices.companies) > MAX_COMPANIES:
        errors["companies"] = gettext(
            lang, "At most {n} companies per subscription.", n=MAX_COMPANIES
        )
    else:
        invalid = [siren for siren in choices.companies if not valid_siren(siren)]
        missing = [s for s in choices.companies if valid_siren(s) and s not in registry]
        if invalid:
            errors["companies"] = gettext(
                lang,
                "{sirens}: not a valid SIREN (9 digits with a correct check digit); search "
                "the company by name instead.",
                sirens=", ".join(s[:20] for s in invalid[:5]),
            )
        elif missing:
            errors["companies"] = gettext(
                lang,
                "SIREN {sirens} is not in the company registry: search the company by name.",
                sirens=", ".join(missing[:5]),
            )
    if len(choices.keywords) > MAX_KEYWORDS_CHARS:
        errors["keywords"] = gettext(
            lang,
            "Keywords are too long ({n} characters): at most {limit}, separated by commas.",
            n=len(choices.keywords),
            limit=MAX_KEYWORDS_CHARS,
        )
    if choices.frequency not in FREQUENCIES:
        errors["frequency"] = gettext(lang, "Choose a frequency: immediately, daily or weekly.")
    if choices.language not in LANGUAGES:
        errors["language"] = gettext(lang, "Choose French or English for the emails.")
    if not choices.has_criterion() and not any(k in errors for k in (*LISTS, "keywords")):
        errors["form"] = gettext(
            lang,
            "Choose at least one sector, region, department, company or event type, or "
            "write a keyword: a subscription without any would send everything.",
        )
    if not errors:
        try:
            parse(query_of(choices), resolver)
        except QueryError:
            errors["form"] = gettext(
                lang, "Too many choices for one subscription: choose fewer, or make two."
            )
    return errors


def choices_of_query(node: Node) -> dict[str, Any]:
    """The public form's fields that say what ``node`` says, for "Subscribe to this
    search": sector, region, department, SIREN and event terms (alone or OR-ed within one
    kind) and keywords; anything else the form cannot express is left out, keeping only
    the query's keywords."""
    fields: dict[str, Any] = {name: [] for name in LISTS}
    keywords: list[str] = []
    expressible = True
    items = node.items if isinstance(node, And) else (node,)
    for item in items:
        alternatives = item.items if isinstance(item, Or) else (item,)
        if all(isinstance(a, Text) and a.field == "any" for a in alternatives):
            keywords += [" ".join(a.words) for a in alternatives]  # type: ignore[union-attr]
            continue
        kinds = {_LIST_OF.get(a.name) if isinstance(a, Field) else None for a in alternatives}
        # Regions and departments are one territory: either may be OR-ed with the other.
        if None in kinds or (len(kinds) > 1 and not kinds <= {"regions", "departments"}):
            expressible = False
            continue
        for kind in kinds:
            values = [a.value for a in alternatives if _LIST_OF.get(a.name) == kind]  # type: ignore[union-attr]
            if fields[kind] or (kind == "companies" and not all(map(valid_siren, values))):
                expressible = False
            fields[kind] = [v.upper() if kind == "departments" else v for v in values]
    if not expressible:
        fields = {name: [] for name in LISTS}
        keywords = _words(node)
    fields["keywords"] = ", ".join(keywords)
    return {k: v for k, v in fields.items() if v}


def _words(node: Node) -> list[str]:
    """Every keyword of the query but those it excludes."""
    if isinstance(node, Text):
        return [" ".join(node.words)]
    if isinstance(node, And | Or):
        return [words for item in node.items for words in _words(item)]
    return []


_LIST_OF = {field_name: list_name for list_name, field_name in _FIELDS.items()}
