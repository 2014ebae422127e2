"""The Celery worker's entry point: `celery -A lectern.worker worker` or `lectern worker`."""

from lectern.assessments import tasks as assessment_tasks
from lectern.commerce import tasks as commerce_tasks
from lectern.config import get_settings
from lectern.kit.logging import configure_logging
from lectern.kit.queue import configure_queue
from lectern.media import tasks as media_tasks
from lectern.notifications import tasks as notification_tasks
from lectern.progress import tasks as progress_tasks

settings = get_settings()
configure_logging(settings.log_level, as_json=settings.log_json)
celery_app = configure_queue(settings)

# Every module that defines tasks is imported above so the worker knows them.
REGISTERED = [
    notification_tasks.send_email.name,
    media_tasks.transcode_video.name,
    media_tasks.requeue_stalled.name,
    media_tasks.expire_uploads_task.name,
    commerce_tasks.process_payment_event.name,
    commerce_tasks.sweep_payments.name,
    assessment_tasks.close_expired_attempts_task.name,
    assessment_tasks.drop_loose_files_task.name,
    progress_tasks.flush_heartbeats_task.name,
    progress_tasks.prune_written_batches_task.name,
]
