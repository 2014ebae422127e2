"""Mail leaves through the real path: Redis broker -> Celery worker -> SMTP server."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default as default_policy

import httpx
import pytest
from aiosmtpd.controller import Controller
from celery.contrib.testing.worker import start_worker

from lectern.config import Settings, get_settings
from lectern.kit.queue import celery_app, configure_queue
from tests.auth.test_registration import register
from tests.fixtures.accounts import unique_email


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
        self.messages.append(envelope.content)  # type: ignore[attr-defined]
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_worker(settings: Settings) -> Iterator[Inbox]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    os.environ.update(
        {
            "LECTERN_SMTP_HOST": "127.0.0.1",
            "LECTERN_SMTP_PORT": str(port),
            "LECTERN_SMTP_STARTTLS": "false",
            "LECTERN_JOBS_RUN_INLINE": "false",
        }
    )
    get_settings.cache_clear()
    configure_queue(get_settings())
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield inbox
    finally:
        for key in ("LECTERN_SMTP_HOST", "LECTERN_SMTP_PORT", "LECTERN_SMTP_STARTTLS"):
            os.environ.pop(key)
        os.environ["LECTERN_JOBS_RUN_INLINE"] = "true"
        get_settings.cache_clear()
        configure_queue(get_settings())
        controller.stop()


async def test_registration_mail_is_delivered_by_the_worker_over_smtp(
    client: httpx.AsyncClient, smtp_worker: Inbox
) -> None:
    email = unique_email("smtp")
    assert (await register(client, email)).status_code == 202
    for _ in range(100):
        if smtp_worker.messages:
            break
        await asyncio.sleep(0.1)
    assert len(smtp_worker.messages) == 1, "the worker did not deliver the mail within 10 s"
    message = message_from_bytes(smtp_worker.messages[0], policy=default_policy)
    assert message["To"] == email
    assert message["Subject"] == "Confirm your email for Lectern"
    assert "/verify-email?token=" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
