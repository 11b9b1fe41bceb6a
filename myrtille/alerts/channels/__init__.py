"""Delivery channels, one module each behind ``base.Channel``: email, webhook, stream,
apprise."""
