"""Docs that tests keep honest: every setting, source option and command is documented."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import click
from pydantic import BaseModel

from myrtille.cli import main
from myrtille.config.service import ServiceSettings
from myrtille.config.settings import Settings
from myrtille.config.sources import (
    FeedSource,
    LinkRules,
    OpenDataSource,
    SitemapSource,
    SiteSource,
    SourceBase,
)
from myrtille.config.web import SignInSettings

DOCS = Path(__file__).resolve().parent.parent / "docs"


def keys(model: type[BaseModel]) -> set[str]:
    return {name for name in model.model_fields if name != "config_path"}


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """``model`` and every settings model reachable from its fields (list and dict items
    included), sources excepted: their options are sources.md's."""
    found = [model]
    for field in model.model_fields.values():
        for inner in (field.annotation, *get_args(field.annotation)):
            nested = isinstance(inner, type) and issubclass(inner, BaseModel)
            if nested and inner not in found and not issubclass(inner, SourceBase):
                found += [m for m in nested_models(inner) if m not in found]
    return found


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    walked = nested_models(Settings)
    assert SignInSettings in walked and ServiceSettings in walked
    for model in walked:
        for key in keys(model):
            # A nested key may be written with its section: `signin.window`.
            assert re.search(rf"[`.]{key}`", text), (
                f"{model.__name__}.{key} missing from configuration.md"
            )


def test_every_source_option_is_documented() -> None:
    text = (DOCS / "sources.md").read_text(encoding="utf-8")
    for model in (
        FeedSource,
        SiteSource,
        SitemapSource,
        OpenDataSource,
        LinkRules,
    ):
        for key in keys(model):
            assert f"{key}" in text and (f"`{key}`" in text or f"{key}:" in text), (
                f"{model.__name__}.{key} missing from sources.md"
            )


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")

    def walk(group: click.Group, prefix: str) -> None:
        for name, command in group.commands.items():
            assert f"myrtille {prefix}{name}" in text, f"myrtille {prefix}{name} undocumented"
            for param in command.params:
                if isinstance(param, click.Option):
                    assert any(opt in text for opt in param.opts), (
                        f"option {param.opts} of {prefix}{name} undocumented"
                    )
            if isinstance(command, click.Group):
                walk(command, f"{prefix}{name} ")

    walk(main, "")
