"""The Celery application and the per-request job buffer.

Broker: Redis when configured; in the embedded default a SQLite file through kombu's SQLAlchemy
transport, so `make run` has a real worker process and no server to install.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import anyio
from celery import Celery, Task
from kombu.exceptions import KombuError
from redis.exceptions import RedisError

from lectern.config import Settings
from lectern.kit.events import Event, EventBus

log = logging.getLogger("lectern.queue")
celery_app = Celery("lectern")


def configure_queue(settings: Settings) -> Celery:
    """Point the Celery app at the configured broker."""
    if settings.effective_broker_url.startswith("sqla+sqlite"):
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    celery_app.conf.update(
        broker_url=settings.effective_broker_url,
        broker_connection_retry_on_startup=True,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        # A job is acknowledged after it ran, so a worker that dies mid-job hands it back.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        # Keep our JSON log format in the worker too.
        worker_hijack_root_logger=False,
        task_always_eager=settings.jobs_run_inline,
        task_eager_propagates=settings.jobs_run_inline,
        broker_transport_options={"global_keyprefix": settings.redis_key_prefix}
        if settings.effective_broker_url.startswith("redis")
        else {},
    )
    return celery_app


@dataclass
class PendingJob:
    task: Task[Any, Any]
    kwargs: dict[str, Any]


@dataclass
class JobBuffer:
    """What a request wants done once its transaction committed: background jobs, events
    announcing the change, and small follow-ups such as dropping cache entries or files the
    commit made stale."""

    events: EventBus | None = None
    pending: list[PendingJob] = field(default_factory=list)
    callbacks: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    def enqueue(self, task: Task[Any, Any], **kwargs: Any) -> None:
        self.pending.append(PendingJob(task, kwargs))

    def after_commit(self, callback: Callable[[], Awaitable[None]]) -> None:
        self.callbacks.append(callback)

    def announce(self, channel: str, event: Event) -> None:
        """Publish ``event`` on ``channel`` after the commit (so listeners read the new state)."""
        bus = self.events
        if bus is None:
            return

        async def publish() -> None:
            try:
                await bus.publish(channel, event)
            except (OSError, RedisError):
                log.exception("could not publish event", extra={"channel": channel})

        self.callbacks.append(publish)

    def clear(self) -> None:
        self.pending.clear()
        self.callbacks.clear()

    async def dispatch(self) -> None:
        jobs, self.pending = self.pending, []
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            await callback()
        for job in jobs:
            try:
                # Publishing talks to the broker with blocking I/O: keep it off the event loop.
                await anyio.to_thread.run_sync(partial(job.task.apply_async, kwargs=job.kwargs))
            except (KombuError, OSError):
                # The transaction is committed: the request succeeded, only the job is lost.
                # Say so loudly rather than answer 500 for work that was saved.
                log.exception("could not queue job", extra={"task": job.task.name})
