"""Alerts: subscribers, subscriptions, the matcher, the outbox, channels and digests."""
