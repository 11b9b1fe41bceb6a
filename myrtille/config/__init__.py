"""Settings: the model, YAML + environment loading, and default package data."""

from myrtille.config.loading import load_settings
from myrtille.config.settings import Settings

__all__ = ["Settings", "load_settings"]
