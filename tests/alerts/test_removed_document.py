"""An alert whose document was removed before it went out (retention) says so in the
subscriber's language, read from the .eml file the email channel writes; webhooks and the
stream keep the English marker for the machines that read them."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest

from myrtille.alerts.channels.email import EmailChannel
from myrtille.alerts.dispatcher import alert_document
from myrtille.config.loading import load_settings
from myrtille.store.database import open_database
from tests.alerts.test_email import make_alert


@pytest.mark.parametrize(
    ("lang", "said"), [("fr", "(document supprimé)"), ("en", "(document removed)")]
)
def test_a_removed_document_is_said_in_the_subscribers_language(
    tmp_path: Path, lang: str, said: str
) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'state.db'}")
    with database.session() as session:
        removed = alert_document(session, None, "gone")
    assert removed.title == "(document removed)"  # what webhooks and the stream carry
    settings = load_settings(None, env={}, overrides={"data_dir": str(tmp_path / "data")})
    alert = make_alert(language=lang)
    EmailChannel(settings, b"k" * 32).send(
        type(alert)(**{**alert.__dict__, "document": removed, "also_reported_by": []})
    )
    [written] = (tmp_path / "data" / "mail").glob("*.eml")
    message = message_from_bytes(written.read_bytes(), policy=policy.default)
    for part in ("plain", "html"):
        body = message.get_body((part,))
        assert body is not None and said in str(body.get_content())
    assert said in str(message["Subject"])
