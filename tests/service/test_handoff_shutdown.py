"""A wake-up sent while `myrtille run` stops must not hang the stop: APScheduler's
shutdown(wait=True) holds its job stores' lock while it waits for running jobs, and a
running job that announces new work moves another job's next run (found by the live
demo's restart test, which hung for its whole 240 s)."""

from __future__ import annotations

import threading
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED

from myrtille.service.handoff import Handoff
from myrtille.service.scheduler import hand_off


def test_a_job_announcing_work_while_the_scheduler_stops_lets_it_stop() -> None:
    scheduler = BackgroundScheduler()
    handoff = Handoff()
    started, stopping = threading.Event(), threading.Event()

    def process() -> None:
        started.set()
        stopping.wait(30)
        handoff.announce("dispatch")  # queued alerts, as processing announces them

    scheduler.add_job(
        process, "interval", hours=1, id="process", next_run_time=datetime.now().astimezone()
    )
    scheduler.add_job(lambda: None, "interval", hours=1, id="dispatch")
    scheduler.start()
    hand_off(scheduler, handoff)
    assert started.wait(30)

    stopper = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True}, daemon=True)
    stopper.start()
    while scheduler.state != STATE_STOPPED:
        stopper.join(0.01)
    stopping.set()  # the job ends while shutdown holds the lock and waits for it
    stopper.join(60)
    assert not stopper.is_alive(), "shutdown hung on a wake-up sent by a running job"
