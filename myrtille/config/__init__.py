"""Settings: the model (``settings.py``), YAML + environment loading (``loading.py``), and
default package data."""
