"""What other domains call to notify someone. Mail always leaves through a job."""

from __future__ import annotations

from lectern.kit.queue import JobBuffer
from lectern.notifications.mail import new_message_id
from lectern.notifications.tasks import send_email


def queue_email(
    jobs: JobBuffer, *, to: str, subject: str, text: str, link: str | None = None
) -> None:
    """Send a mail once the current transaction has committed."""
    jobs.enqueue(
        send_email, to=to, subject=subject, text=text, link=link, message_id=new_message_id()
    )
