"""A worker's claim, made in a child process that the test then kills with SIGKILL
(``tests/service/test_dead_claims.py``): ``intake URL`` claims two documents as a
processing worker does, prints their ids and waits; ``dispatch URL DATA_DIR PORT`` runs a
dispatcher against the SMTP server on PORT (which holds the conversation)."""

from __future__ import annotations

import sys
import time

from myrtille.store.database import Database


def main(what: str, url: str, *rest: str) -> None:
    database = Database(url)
    if what == "intake":
        from myrtille.pipeline.intake import Intake

        claimed = Intake(database).claim(2, stage="process")
        print(" ".join(d.id for d in claimed), flush=True)
        time.sleep(600)
        return
    from myrtille.alerts.channels import CHANNELS
    from myrtille.alerts.dispatcher import Dispatcher
    from myrtille.config.loading import load_settings

    data_dir, port = rest
    settings = load_settings(
        None,
        env={},
        overrides={
            "data_dir": data_dir,
            "email": {"smtp_host": "127.0.0.1", "smtp_port": int(port), "timeout": "300s"},
        },
    )
    Dispatcher(settings, database, None, CHANNELS.build(settings)).run()


if __name__ == "__main__":
    main(*sys.argv[1:])
