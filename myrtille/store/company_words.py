"""The words a company is found by, kept in ``company_word`` beside each company row.

A search by name over a million Sirene units must not scan every name: a query word is
matched as the start of a stored word, a range over the ``company_word`` primary key that
both SQLite and PostgreSQL answer from their B-tree. Words are folded (case and accents
removed) the same way on both sides.

Every ORM write of a ``Company`` refreshes its words (the listeners below); the bulk
Sirene import, which writes with Core statements, calls ``refresh_words`` itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, event, insert, select
from sqlalchemy import text as sql_text
from sqlalchemy.sql.elements import ColumnElement

from myrtille.store.companies import Company, CompanyWord

# A longer word is cut: it is still found by its start.
WORD_LENGTH = 64
_WORD = re.compile(r"\w+", re.UNICODE)
_DOTTED = re.compile(r"\b(?:\w\.){2,}", re.UNICODE)


def fold(text: str) -> str:
    folded = text.casefold()
    if folded.isascii():
        # Most names (Sirene's capitals): nothing to decompose, and this is the bulk
        # import's hottest loop.
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    """Folded words, "S.N.C.F." read as one: "Aérovolt S.A.S." -> ["aerovolt", "sas"]."""
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), fold(text))
    return [w[:WORD_LENGTH] for w in _WORD.findall(folded)]


def search_words(name: str, aliases: Iterable[str] = (), acronym: str | None = None) -> set[str]:
    """What a company is found by: the words of its name, its aliases and its acronym."""
    found: set[str] = set()
    for text in (name, *aliases, acronym or ""):
        found.update(words_of(text))
    return found


def starts_with(word: str) -> ColumnElement[bool]:
    """Stored words starting with ``word``, as a range an index serves (LIKE 'x%' is only
    served under some collations, and would read % and _ as wildcards). The range holds in
    byte order: SQLite's BINARY, and the column's "C" collation on PostgreSQL."""
    following = word[:-1] + chr(ord(word[-1]) + 1)
    return (CompanyWord.word >= word) & (CompanyWord.word < following)


def matching_ids(text: str) -> Any | None:
    """The ids of the companies with a word starting with each word of ``text`` (a
    subquery), or None when ``text`` has no word."""
    wanted = list(dict.fromkeys(words_of(text)))[:8]
    if not wanted:
        return None
    query = select(CompanyWord.company_id).where(starts_with(wanted[0]))
    for word in wanted[1:]:
        query = query.where(
            CompanyWord.company_id.in_(select(CompanyWord.company_id).where(starts_with(word)))
        )
    return query


_INSERT_ARRAYS = sql_text(
    "INSERT INTO company_word (word, company_id)"
    " SELECT * FROM unnest(CAST(:words AS text[]), CAST(:ids AS text[]))"
)


def refresh_words(connection: Connection, ids: Sequence[str]) -> None:
    """Rewrite the words of these companies from their stored names."""
    if not ids:
        return
    rows = connection.execute(
        select(Company.id, Company.name, Company.aliases, Company.acronym).where(
            Company.id.in_(ids)
        )
    ).all()
    connection.execute(delete(CompanyWord).where(CompanyWord.company_id.in_(ids)))
    values = [
        {"word": word, "company_id": row.id}
        for row in rows
        for word in sorted(search_words(row.name or "", row.aliases or (), row.acronym))
    ]
    if values and connection.dialect.name == "postgresql":
        # psycopg runs an executemany as one statement a row (~4 words a company, so most
        # of a Sirene batch's statements): one INSERT of two arrays instead.
        connection.execute(
            _INSERT_ARRAYS,
            {"words": [v["word"] for v in values], "ids": [v["company_id"] for v in values]},
        )
    elif values:
        connection.execute(insert(CompanyWord), values)


@event.listens_for(Company, "after_insert")
@event.listens_for(Company, "after_update")
def _company_written(_mapper: Any, connection: Connection, target: Company) -> None:
    refresh_words(connection, [target.id])
