"""Integer ids in URL paths: ``{name:row_id}`` matches 1 to 19 digits, no more.

So a word where an id goes (``DELETE /api/v1/subscriptions/preview``) matches no id
route and the router answers 405 with ``Allow`` for the route that path does have, and
an absurdly long number is a 404 rather than a ValueError from ``int()``. Routes still
check ``is_row_id``: 19 digits may exceed what the database holds.
"""

from __future__ import annotations

from starlette.convertors import Convertor, register_url_convertor

ROW_ID = "row_id"


class RowIdConvertor(Convertor[int]):
    regex = "[0-9]{1,19}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor(ROW_ID, RowIdConvertor())


def id_path(prefix: str, name: str, suffix: str = "") -> str:
    """``prefix/{name:row_id}suffix``: importing this module registered the convertor."""
    return f"{prefix}/{{{name}:{ROW_ID}}}{suffix}"
