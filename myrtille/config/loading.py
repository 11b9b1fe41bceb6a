"""Load settings: package defaults < YAML file < ``MYRTILLE_…`` environment < flags.

Every problem is reported with the file, the line, the key and a fix, all at once,
so an operator corrects the file in one pass.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from myrtille.config.service import LEGACY_SERVICE_ENV
from myrtille.config.settings import Settings
from myrtille.config.sources import (
    SOURCE_KINDS,
    FeedSource,
    OpenDataSource,
    SitemapSource,
    SiteSource,
)
from myrtille.config.suggestions import closest
from myrtille.exceptions import ConfigError, ConfigProblem

ENV_PREFIX = "MYRTILLE_"
# Environment variables with a meaning of their own; any other MYRTILLE_A__B sets key a.b.
ENV_CONFIG = "MYRTILLE_CONFIG"
ENV_DATA_DIR = "MYRTILLE_DATA_DIR"
ENV_DATABASE_URL = "MYRTILLE_DATABASE_URL"
ENV_INDEX_URL = "MYRTILLE_INDEX_URL"
SMTP_ENV = {
    "MYRTILLE_SMTP_HOST": "smtp_host",
    "MYRTILLE_SMTP_PORT": "smtp_port",
    "MYRTILLE_SMTP_USER": "username",
    "MYRTILLE_SMTP_PASSWORD": "password",
}
RESERVED_ENV = {ENV_CONFIG}


def default_data_dir(env: Mapping[str, str] = os.environ) -> Path:
    """Per-user data directory (XDG) used when neither the file nor the env names one."""
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "myrtille"


def config_path_from(
    explicit: str | os.PathLike[str] | None, env: Mapping[str, str] = os.environ
) -> Path | None:
    if explicit:
        return Path(explicit)
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    return None


def read_yaml(path: Path) -> CommentedMap:
    """Parse the file keeping line numbers; syntax errors become a ConfigError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            "file not found",
            path=str(path),
            hint="create one with 'myrtille init' or fix --config / MYRTILLE_CONFIG",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read: {exc}", path=str(path)) from None
    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(
            f"not valid YAML: {exc.problem}",
            path=str(path),
            line=line,
            hint="check indentation and quoting near that line",
        ) from None
    if data is None:
        return CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ConfigError(
            "the top level must be a mapping of settings (key: value)", path=str(path), line=1
        )
    return data


def env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    """Nested settings from ``MYRTILLE_SECTION__KEY=value`` variables."""
    overrides: dict[str, Any] = {}
    for name, value in env.items():
        if name in LEGACY_SERVICE_ENV:
            _legacy_service(name, value, env, overrides)
            continue
        if not name.startswith(ENV_PREFIX) or name in RESERVED_ENV:
            continue
        if name == ENV_INDEX_URL:
            overrides.setdefault("index", {})["url"] = value
            continue
        if name in SMTP_ENV:
            overrides.setdefault("email", {})[SMTP_ENV[name]] = value
            continue
        keys = name[len(ENV_PREFIX) :].lower().split("__")
        target = overrides
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        target[keys[-1]] = value
    return overrides


def _legacy_env_name(key: str) -> str:
    return f"{ENV_PREFIX}SERVICE__{key.upper()}"


def _legacy_service(
    name: str, value: str, env: Mapping[str, str], overrides: dict[str, Any]
) -> None:
    """A ``MYRTILLESERVICE_*`` variable, read for one more release as the key it became
    (unless that key's own variable is set too), with a warning naming the key."""
    key = LEGACY_SERVICE_ENV[name]
    replacement = _legacy_env_name(key)
    warnings.warn(
        f"{name} is deprecated and will not be read after this release; set service.{key} "
        f"in the configuration file or {replacement} instead",
        FutureWarning,
        stacklevel=4,
    )
    if replacement not in env:
        overrides.setdefault("service", {})[key] = value


def _legacy_source(loc: tuple[int | str, ...], env: Mapping[str, str]) -> str | None:
    """The deprecated variable a bad ``service`` value came from, if it did."""
    if len(loc) != 2 or loc[0] != "service" or _legacy_env_name(str(loc[1])) in env:
        return None
    return next((n for n, k in LEGACY_SERVICE_ENV.items() if k == loc[1] and n in env), None)


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def load_settings(
    config: str | os.PathLike[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build the validated settings; raises ConfigError naming every problem."""
    env = os.environ if env is None else env
    path = config_path_from(config, env)
    raw: CommentedMap = read_yaml(path) if path else CommentedMap()
    data = _merge(_plain(raw), env_overrides(env))
    if overrides:
        data = _merge(data, overrides)
    if not data.get("data_dir"):
        data["data_dir"] = str(default_data_dir(env))
    elif path and not Path(str(data["data_dir"])).expanduser().is_absolute():
        # A relative data_dir in a file is relative to that file, not to the cwd.
        data["data_dir"] = str(path.parent / str(data["data_dir"]))
    data["data_dir"] = str(Path(str(data["data_dir"])).expanduser())
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(problems=_problems(exc, raw, path, env)) from None
    return settings.model_copy(update={"config_path": path})


def _plain(node: Any) -> Any:
    if isinstance(node, CommentedMap):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [_plain(v) for v in node]
    return node


def _line_of(raw: Any, loc: tuple[int | str, ...]) -> int | None:
    """1-based line of the deepest node of ``loc`` that exists in the file."""
    node, line = raw, None
    for part in loc:
        try:
            if isinstance(node, CommentedMap) and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    return line


def _key_path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _model_at(loc: tuple[int | str, ...], raw: Any) -> type[BaseModel] | None:
    """The settings model that owns the key at ``loc``, to suggest known keys."""
    model: type[BaseModel] | None = Settings
    node = _plain(raw)
    for part in loc[:-1]:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            continue
        node = node.get(part) if isinstance(node, dict) else None
        if model is None:
            return None
        if part == "sources":
            model = None
            continue
        field = model.model_fields.get(str(part))
        annotation = getattr(field, "annotation", None) if field else None
        model = (
            annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel)
            else None
        )
    if model is None and isinstance(node, dict):
        kind = node.get("kind")
        model = {
            "feed": FeedSource,
            "site": SiteSource,
            "sitemap": SitemapSource,
            "opendata": OpenDataSource,
        }.get(kind)
    return model


def _problems(
    exc: ValidationError, raw: Any, path: Path | None, env: Mapping[str, str]
) -> list[ConfigProblem]:
    where = str(path) if path else "configuration"
    problems: list[ConfigProblem] = []
    for error in exc.errors():
        # Discriminated unions add the kind to the location: sources.0.feed.url -> sources[0].url
        loc = tuple(
            p
            for i, p in enumerate(error["loc"])
            if not (i == 2 and error["loc"][0] == "sources" and p in SOURCE_KINDS)
        )
        key = _key_path(loc)
        message = str(error["msg"]).removeprefix("Value error, ")
        hint: str | None = None
        kind = error["type"]
        if kind == "missing":
            message = "this key is required"
            hint = f"add '{loc[-1]}:' here"
        elif kind == "extra_forbidden":
            message = "unknown key"
            model = _model_at(loc, raw)
            if model is not None:
                close = closest(str(loc[-1]), model.model_fields)
                known = ", ".join(f for f in model.model_fields if f != "config_path")
                hint = f"did you mean '{close}'?" if close else f"known keys: {known}"
        elif kind in ("union_tag_invalid", "union_tag_not_found"):
            message = "kind must be one of " + ", ".join(SOURCE_KINDS)
            hint = "e.g. kind: feed"
            loc = (*loc, "kind") if loc[-1:] != ("kind",) else loc
            key = _key_path(loc)
        env_name = _legacy_source(loc, env) or ENV_PREFIX + "__".join(str(p).upper() for p in loc)
        source = f"environment variable {env_name}" if env_name in env else where
        problems.append(
            ConfigProblem(
                message,
                path=source,
                key=key or None,
                line=_line_of(raw, loc) if source == where else None,
                hint=hint,
            )
        )
    return problems
