"""What the query language says when it refuses a query, in words of the catalogue.

A problem is a kind and its parameters. ``str(problem)`` is the English sentence the API
and the CLI give (English-speaking interfaces, docs/api.md); ``problem.text(lang)`` is the
same sentence in the reader's language, for pages. Parameters are data (the faulty value,
field names, codes of the query language), never translated.
"""

from __future__ import annotations

from typing import Any

from myrtille.texts import N_, gettext

PROBLEMS = {
    "unbalanced_quote": N_("unbalanced quote: this phrase is never closed"),
    "unknown_field": N_(
        "unknown field '{name}'; fields are {fields} (to search the text, put it in quotes)"
    ),
    "unknown_field_guess": N_(
        "unknown field '{name}'; did you mean '{guess}:'? fields are {fields} "
        "(to search the text, put it in quotes)"
    ),
    "empty_query": N_("the query is empty; type words to find, or a field such as sector:energy"),
    "unmatched_close": N_("unbalanced parenthesis: ')' without a matching '('"),
    "unclosed": N_("unbalanced parenthesis: this '(' is never closed"),
    "unexpected": N_("unexpected '{text}'"),
    "both_sides": N_("{operator} needs something on both sides"),
    "ends_early": N_("the query ends too early"),
    "nothing_to_exclude": N_("'{operator}' must be followed by what to exclude"),
    "empty_parentheses": N_("empty parentheses"),
    "too_many_words": N_("too many words: at most {limit} per query"),
    "too_long": N_("the query is too long: at most {limit} characters"),
    "nothing_to_search": N_("nothing to search for: the query has no words or fields"),
    "needs_value": N_("'{field}:' needs a value right after the colon, e.g. {example}"),
    "not_a_date": N_("'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-01-31"),
    "not_a_value": N_("'{value}' is not a value for {field}:"),
    "not_a_company": N_("'{value}' is not a company name or SIREN"),
    "not_a_sector": N_("'{value}' is not a sector; use one of {codes}"),
    "not_an_event": N_("'{value}' is not an event type; use one of {codes}"),
    "not_a_region": N_(
        "'{value}' is not a French region; use an INSEE code ({codes}) or a name such as occitanie"
    ),
    "not_a_department": N_(
        "'{value}' is not a French department; use a code such as 31 or 2A, or a name such "
        "as haute-garonne"
    ),
    "no_portfolios": N_("no portfolio named '{value}' (portfolios are not available here)"),
    "no_portfolio_yet": N_(
        "no portfolio named '{value}'; none exists yet "
        "(import one with `myrtille portfolios import`)"
    ),
    "no_such_portfolio": N_(
        "no portfolio named '{value}'; portfolios are: {names} "
        "(import one with `myrtille portfolios import`)"
    ),
    "no_such_portfolio_guess": N_(
        "no portfolio named '{value}'; did you mean 'portfolio:{guess}'? portfolios are: "
        "{names} (import one with `myrtille portfolios import`)"
    ),
    # A value refused by a resolver that writes its own sentence (not translated).
    "as_written": "{text}",
}


class QueryProblem(ValueError):
    """A value or a query the language refuses (a ``ValueError``, as resolvers raise)."""

    def __init__(self, kind: str, **params: Any) -> None:
        self.kind = kind
        self.params = params
        super().__init__(PROBLEMS[kind].format(**params))

    def text(self, lang: str) -> str:
        """The sentence in ``lang``, from the catalogue."""
        return gettext(lang, PROBLEMS[self.kind], **self.params)
