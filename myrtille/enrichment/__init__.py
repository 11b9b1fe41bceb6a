"""Enrichment: spaCy models per language, entities, companies, sectors, events, places."""
