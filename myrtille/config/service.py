"""The service's settings (``myrtille run`` and ``myrtille worker``): how often each job
runs and how much one run takes at most."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field, field_validator

from myrtille.config.durations import parse_duration
from myrtille.config.model import Model

# The variables read before the ``service:`` section existed, with the key each now sets
# (and the unit their integer was in). Read for one more release, with a warning.
LEGACY_SERVICE_ENV = {
    "MYRTILLESERVICE_CRAWL_SECONDS": "crawl_interval",
    "MYRTILLESERVICE_PROCESS_SECONDS": "process_interval",
    "MYRTILLESERVICE_DISPATCH_SECONDS": "dispatch_interval",
    "MYRTILLESERVICE_DIGEST_SECONDS": "digest_interval",
    "MYRTILLESERVICE_HOUSEKEEPING_SECONDS": "housekeeping_interval",
    "MYRTILLESERVICE_STANDBY_SECONDS": "standby_interval",
    "MYRTILLESERVICE_PROCESS_LIMIT": "process_limit",
    "MYRTILLESERVICE_DISPATCH_LIMIT": "dispatch_limit",
}


class ServiceSettings(Model):
    """Job intervals (each run is jittered by ±10 %) and the most one run takes, so that
    a shutdown waits for one bounded run only."""

    crawl_interval: timedelta = timedelta(seconds=60)
    process_interval: timedelta = timedelta(seconds=20)
    dispatch_interval: timedelta = timedelta(seconds=20)
    # Both digest jobs (daily and weekly) look this often for subscribers who are due.
    digest_interval: timedelta = timedelta(minutes=10)
    housekeeping_interval: timedelta = timedelta(days=1)
    # ``myrtille worker``: how often a standby asks for the scheduler lock.
    standby_interval: timedelta = timedelta(seconds=15)
    process_limit: int = Field(default=500, ge=1, description="documents per processing run")
    dispatch_limit: int = Field(default=500, ge=1, description="deliveries per dispatch run")

    @field_validator(
        "crawl_interval",
        "process_interval",
        "dispatch_interval",
        "digest_interval",
        "housekeeping_interval",
        "standby_interval",
        mode="before",
    )
    @classmethod
    def _intervals(cls, value: object) -> timedelta:
        duration = parse_duration(value)
        if duration < timedelta(seconds=1):
            raise ValueError("a job interval is at least 1s")
        return duration

    def interval(self, job_id: str) -> timedelta:
        """The interval of a scheduler job id (``digest-daily`` and ``digest-weekly`` share
        ``digest_interval``)."""
        return getattr(self, job_id.split("-")[0] + "_interval")
