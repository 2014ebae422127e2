"""Delivering one mail: SMTP when configured, else an .eml file in the outbox folder."""

from __future__ import annotations

import logging
import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from lectern.config import Settings

log = logging.getLogger("lectern.mail")


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str
    # The one action the mail asks for; logged in outbox mode so a developer can click it.
    link: str | None = None
    message_id: str = ""


def new_message_id() -> str:
    return make_msgid(domain="lectern.local")


def build_message(settings: Settings, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = mail.message_id or new_message_id()
    # 8bit keeps each line whole (a link stays on one line), UTF-8 names included.
    message.set_content(mail.text, cte="8bit")
    return message


def deliver(settings: Settings, mail: Mail) -> None:
    """Send now (blocking; runs in the worker). Raises OSError/SMTPException to be retried."""
    message = build_message(settings, mail)
    if settings.smtp_host:
        _send_smtp(settings, message)
        log.info("mail sent", extra={"to": mail.to, "subject": mail.subject})
        return
    path = _write_to_outbox(settings, mail, message)
    log.info(
        "mail written to outbox",
        extra={"to": mail.to, "subject": mail.subject, "path": str(path), "link": mail.link},
    )


def _send_smtp(settings: Settings, message: EmailMessage) -> None:
    assert settings.smtp_host is not None
    context = ssl.create_default_context()
    smtp: smtplib.SMTP
    if settings.smtp_ssl:
        smtp = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, context=context, timeout=30)
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30)
    with smtp:
        if settings.smtp_starttls and not settings.smtp_ssl:
            smtp.starttls(context=context)
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password or "")
        smtp.send_message(message)


def _write_to_outbox(settings: Settings, mail: Mail, message: EmailMessage) -> Path:
    settings.outbox_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    slug = re.sub(r"[^a-z0-9]+", "-", f"{mail.to} {mail.subject}".lower()).strip("-")[:80]
    # The Message-ID makes a retried job overwrite its own file instead of adding a second one.
    msgid = re.sub(r"[^a-zA-Z0-9]+", "", mail.message_id.split("@")[0])[-16:]
    existing = list(settings.outbox_dir.glob(f"*-{msgid}.eml")) if msgid else []
    path = existing[0] if existing else settings.outbox_dir / f"{stamp}-{slug}-{msgid}.eml"
    tmp = path.with_suffix(".part")
    tmp.write_bytes(bytes(message))
    tmp.rename(path)
    return path
