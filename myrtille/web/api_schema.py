"""What the OpenAPI schema of /api/v1 says beyond what FastAPI derives from the routes'
signatures: the answers every keyed operation may give (429 with ``Retry-After``), the
formats of the strings the server reads itself (a SIREN, the facets), and optional
parameters as what they are on the wire (left out, never null), so
that a client or a fuzzer reading the schema knows which requests are valid.

The routes keep their own checks and messages (``invalid_siren`` saying why); the schema
only describes them. A query of the query language stays a plain string: its grammar is
no JSON schema, and a query that does not parse is a documented 400 ``invalid_query``.
"""

from __future__ import annotations

from typing import Any

from myrtille.index.base import FACET_FIELDS

SIREN_FORMAT = "siren"  # 9 digits whose Luhn check digit holds
SIREN_PATTERN = r"^\s*([0-9]\s*){9}$"  # spaces allowed, as a SIREN is often printed

# all, or facet names separated by commas (blanks and empty items ignored): web/api.py.
FACETS_PATTERN = rf"^\s*(all|[\s,]*(({'|'.join(FACET_FIELDS)})\s*(,[\s,]*|$))*)\s*$"
ERROR_BODY = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
RATE_LIMITED = {
    "description": "Too many requests for this API key (web.rate_limits.api)",
    "headers": {
        "Retry-After": {
            "description": "Seconds until the key is served again",
            "schema": {"type": "integer", "minimum": 1},
        }
    },
    "content": ERROR_BODY,
}


def complete(schema: dict[str, Any]) -> None:
    """Add to the generated ``schema`` (in place) what the routes' signatures cannot say."""
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.get("responses", {})
            if "401" in responses:  # the operation needs a key: the key's limit applies
                responses.setdefault("429", RATE_LIMITED)
            for parameter in operation.get("parameters", []):
                _not_null(parameter)
                if (path, parameter["name"]) == ("/api/v1/search", "facets"):
                    _strings(parameter["schema"], {"pattern": FACETS_PATTERN})
                elif path == "/api/v1/companies/{siren}" and parameter["name"] == "siren":
                    _strings(
                        parameter["schema"], {"format": SIREN_FORMAT, "pattern": SIREN_PATTERN}
                    )
    models = schema.get("components", {}).get("schemas", {})
    if "SubscriptionChangeIn" in models:
        change = models["SubscriptionChangeIn"]["properties"]
        # Leave the name out to keep it; a blank one is refused (400).
        _strings(change["name"], {"pattern": r"\S"})
        # null, like leaving it out, keeps the frequency.
        if "enum" in change["frequency"]:
            change["frequency"]["enum"] = [*change["frequency"]["enum"], None]


def _not_null(parameter: dict[str, Any]) -> None:
    """A query or header parameter is left out to mean None: there is no null to send."""
    variants = parameter.get("schema", {}).get("anyOf", [])
    others = [v for v in variants if v.get("type") != "null"]
    if len(others) == 1 and len(variants) == 2 and not parameter.get("required"):
        schema = parameter["schema"]
        del schema["anyOf"]
        schema.update(others[0])


def _strings(schema: dict[str, Any], keywords: dict[str, str]) -> None:
    """Add ``keywords`` to the string schemas in ``schema`` (through anyOf and arrays)."""
    if schema.get("type") == "string":
        schema.update(keywords)
    for inner in schema.get("anyOf", []):
        _strings(inner, keywords)
    if isinstance(schema.get("items"), dict):
        _strings(schema["items"], keywords)
