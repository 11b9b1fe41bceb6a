"""``make messages``: extract every translatable string and merge it into the catalogues.

Python code calls ``gettext(lang, msgid)`` / ``ngettext(lang, singular, plural, n)`` (the
text is the second argument; the CLI's ``say``/``say_n`` take it first) and marks
strings translated later with ``N_("…")``; templates use Jinja's ``{% trans %}``,
``_()`` and ``ngettext()`` (the text first). One ``pybabel extract`` cannot read both
signatures, so this runs Babel's extractor once per kind of file and updates each
``.po`` file like ``pybabel update`` (new entries empty, gone ones dropped, changed ones
marked fuzzy with the previous msgid for review).

Run from the repository root: ``python -m myrtille.texts.extract``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent.parent
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# say/say_n: the CLI's shorthands (myrtille/cli/language.py), the text first.
PYTHON_KEYWORDS = {
    "gettext": (2,),
    "ngettext": (2, 3),
    "N_": None,
    "say": None,
    "say_n": (1, 2),
}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}


def template() -> Catalog:
    catalog = Catalog(project="Myrtille", charset="utf-8")
    runs = [
        # The demo newsroom is never imported by the runtime and has its own say().
        ([("demo/**.py", "ignore"), ("**.py", "python")], {}, PYTHON_KEYWORDS),
        (
            [("**/templates/**.html", "jinja2"), ("**/templates/**.txt", "jinja2")],
            {"**/templates/**": JINJA_OPTIONS},
            DEFAULT_KEYWORDS,
        ),
    ]
    for method_map, options_map, keywords in runs:
        found = extract_from_dir(
            str(PACKAGE), method_map, options_map, keywords=keywords, comment_tags=("TRANSLATORS:",)
        )
        for filename, lineno, message, comments, context in found:
            where = f"myrtille/{filename}"
            catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    for where, lineno, singular, plural in marked_plurals():
        for half in (singular, plural):
            # Babel read each half as a singular of its own: take that reading back.
            message = catalog.get(half)
            if message is not None:
                message.locations = [loc for loc in message.locations if loc[0] != where]
                if not message.locations:
                    del catalog[half]
        catalog.add((singular, plural), None, [(where, lineno)])
    return catalog


def marked_plurals() -> list[tuple[str, int, str, str]]:
    """Every ``(N_(singular), N_(plural))`` pair of the Python code (a plural kept in a
    table and counted later, as in ``store/health_texts.py``), with its file and line.
    Babel's extractor sees two unrelated ``N_`` calls there; ``ngettext`` needs one
    plural entry."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "demo":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple) and len(node.elts) == 2:
                texts = [_marked(element) for element in node.elts]
                if texts[0] is not None and texts[1] is not None:
                    found.append((f"myrtille/{relative.as_posix()}", node.lineno, *texts))
    return found  # type: ignore[return-value]


def _marked(node: ast.expr) -> str | None:
    """The text of ``N_("…")``, else None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def update(pot: Catalog) -> list[Path]:
    written = []
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")):
        lang = po_path.parent.parent.name
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        catalog.update(pot, update_header_comment=False)
        with po_path.open("wb") as handle:
            write_po(
                handle,
                catalog,
                width=100,
                sort_output=False,
                include_previous=True,
                ignore_obsolete=True,
            )
        written.append(po_path)
    return written


def main() -> int:
    pot = template()
    for path in update(pot):
        print(f"updated {path.relative_to(PACKAGE.parent)} ({len(pot)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
