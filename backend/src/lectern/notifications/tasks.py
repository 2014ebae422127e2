from __future__ import annotations

import smtplib

from lectern.config import get_settings
from lectern.kit.queue import celery_app
from lectern.notifications.mail import Mail, deliver


@celery_app.task(
    name="notifications.send_email",
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
)
def send_email(to: str, subject: str, text: str, link: str | None, message_id: str) -> None:
    """Deliver one mail. Retried with back-off while the mail server is unreachable."""
    deliver(
        get_settings(), Mail(to=to, subject=subject, text=text, link=link, message_id=message_id)
    )
