"""The scheduler of ``myrtille run``: APScheduler 3.x, jobs kept in the state database."""

from __future__ import annotations

from datetime import datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from myrtille.config.settings import Settings
from myrtille.service import jobs
from myrtille.service.jobs import env_int

JOBS_TABLE = "apscheduler_jobs"
ENV_PREFIX = "MYRTILLESERVICE_"
# Job id -> (default seconds between runs, environment variable that overrides it).
INTERVALS: dict[str, tuple[int, str]] = {
    "crawl": (60, f"{ENV_PREFIX}CRAWL_SECONDS"),
    "process": (20, f"{ENV_PREFIX}PROCESS_SECONDS"),
    "dispatch": (20, f"{ENV_PREFIX}DISPATCH_SECONDS"),
    "digest-daily": (600, f"{ENV_PREFIX}DIGEST_SECONDS"),
    "digest-weekly": (600, f"{ENV_PREFIX}DIGEST_SECONDS"),
    "housekeeping": (86_400, f"{ENV_PREFIX}HOUSEKEEPING_SECONDS"),
}
# A run missed by up to this much (downtime, a long job) still runs, once (coalesce).
MISFIRE_GRACE_SECONDS = 6 * 3600
# Housekeeping runs this long after each start, then daily, so restarts cannot starve it.
HOUSEKEEPING_FIRST_DELAY = timedelta(minutes=2)


def interval_seconds(job_id: str) -> int:
    default, variable = INTERVALS[job_id]
    return env_int(variable, default)


def job_defaults() -> dict[str, object]:
    return {"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_SECONDS}


def build_scheduler(settings: Settings) -> BackgroundScheduler:
    """A scheduler (not started) holding the service's jobs, with stable ids."""
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=settings.state_url, tablename=JOBS_TABLE)},
        executors={"default": ThreadPoolExecutor(max_workers=len(INTERVALS))},
        job_defaults=job_defaults(),
        timezone="UTC",
    )
    payload = settings.model_dump_json()
    plan: list[tuple[str, object, tuple[object, ...]]] = [
        ("crawl", jobs.crawl, (payload,)),
        ("process", jobs.process, (payload,)),
        ("dispatch", jobs.dispatch, (payload,)),
        ("digest-daily", jobs.digest, (payload, "daily")),
        ("digest-weekly", jobs.digest, (payload, "weekly")),
        ("housekeeping", jobs.housekeeping, (payload,)),
    ]
    for job_id, func, args in plan:
        seconds = interval_seconds(job_id)
        trigger = IntervalTrigger(seconds=seconds, jitter=max(1, seconds // 10), timezone="UTC")
        extra: dict[str, object] = {}
        if job_id == "housekeeping":
            extra["next_run_time"] = datetime.now().astimezone() + HOUSEKEEPING_FIRST_DELAY
        scheduler.add_job(
            func,
            trigger,
            args=args,
            id=job_id,
            name=job_id,
            replace_existing=True,
            **extra,
        )
    return scheduler
