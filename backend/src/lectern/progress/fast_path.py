"""Steady heartbeats answered ahead of FastAPI: the outermost layer of the ASGI app.

Thousands of viewers send a heartbeat every ~15 s (10,000 send ~700 a second). After a
viewer's first, each needs a body check and a push into the buffer, and nothing else. Through
FastAPI that costs several times the work itself (the middleware chain, routing across every
route, solving the dependency tree, the request's unit of work, three Redis round trips), so
``LecternAPI`` puts this layer in front of its whole middleware stack, and it answers
``POST /api/lessons/{id}/heartbeat`` itself when:

- the request comes from our own origin (Origin, else Referer: the CSRF rule of
  ``OriginCheckMiddleware``) and carries no bearer token;
- the body is JSON of at most ``MAX_BODY_BYTES`` (Content-Length) and a valid ``Heartbeat``;
- the session cookie's session is cached and live (with Redis, a last-seen write that is due
  is queued with the heartbeat and written by the flusher: ``SessionTouch``);
- the viewer's access to that lesson, a video lesson with a ready video, is cached (in its
  last minute it is renewed in the background, in batches: ``_refresh_access``).

Its 204 carries what the middleware would add (X-Request-ID, the security headers) and is
written to the access log. Anything else, including every error, goes on to the full stack
with the body it was sent, and the endpoint in ``progress/endpoints.py`` decides as it
always does, caches what it found, and documents the route in the OpenAPI schema. Both paths
build the record with ``heartbeat_record``, so what is credited is the same.

Round trips are what a heartbeat costs (a loopback send is most of a Redis command's price),
so the layer also remembers what it read: a session entry (by token hash) and an access
answer (for as long as the shared cache would keep it), as the bytes the cache holds, which
the garbage collector never walks. A remembered session still has to be
in the shared cache at the moment of the push: with Redis, the push checks it in the same
command (``push_while_cached``); signing out, or any other end of the session, deletes it,
so the next heartbeat takes the full path and gets its 401. A steady viewer's heartbeat is
then one Redis command. docs/performance.md ("Heartbeats") has the figures.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid

from pydantic import ValidationError
from starlette.datastructures import State
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lectern.auth.dependencies import SESSION_COOKIE
from lectern.auth.service import CachedSession, session_cache_key
from lectern.config import Settings
from lectern.errors import Conflict
from lectern.kit.cache import Cache
from lectern.kit.middleware import (
    API_CSP,
    log_request,
    request_id_of,
    request_id_var,
    request_origin,
    security_headers,
)
from lectern.kit.security import token_hash
from lectern.models.base import utcnow
from lectern.progress.access_cache import Watchable, access_key, remember_access
from lectern.progress.buffer import (
    HeartbeatBuffer,
    HeartbeatRecord,
    RedisHeartbeatBuffer,
    SessionTouch,
)
from lectern.progress.heartbeats import heartbeat_record, renew_watchables
from lectern.progress.schemas import Heartbeat

log = logging.getLogger("lectern.progress")
_PATH = re.compile(r"^/api/lessons/([0-9A-Fa-f-]{32,36})/heartbeat$")
# Two hundred played ranges (the most a heartbeat may carry) fit in well under this.
MAX_BODY_BYTES = 32 * 1024
# Entries each memo holds before it starts over (some 300 bytes each).
MEMO_SIZE = 100_000
# An access answer with less than this share of LECTERN_HEARTBEAT_ACCESS_CACHE_SECONDS left
# is decided again in the background (a minute of the default five: four heartbeats' time),
# so a steady viewer's heartbeat never waits for the database.
REFRESH_AHEAD = 0.2
# Renewals are decided in batches (a handful of queries each, whatever their size): the ones
# wanted within this long of each other, at most this many at once.
RENEWAL_WAIT_SECONDS = 0.25
RENEWAL_BATCH = 500
# After a failed batch, the next waits this long (renewals come back with the viewers' beats).
RENEWAL_RETRY_SECONDS = 5.0


class HeartbeatFastPath:
    def __init__(self, app: ASGIApp, memo_size: int = MEMO_SIZE) -> None:
        self.app = app
        self.memo_size = memo_size
        # Cache key -> the entry as last read, kept as the bytes the cache holds: strings and
        # bytes are outside the garbage collector's sight, so 100,000 viewers' entries don't
        # make every full collection (a pause of the whole process) walk them.
        self._sessions: dict[str, bytes] = {}
        self._access: dict[str, bytes] = {}
        self._headers: list[tuple[bytes, bytes]] | None = None
        # (viewer, lesson) access answers to decide again, and the task deciding them.
        self._renewing: set[tuple[uuid.UUID, uuid.UUID]] = set()
        self._renewer: asyncio.Task[None] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = (
            _PATH.match(scope["path"])
            if scope["type"] == "http" and scope["method"] == "POST"
            else None
        )
        if match is None:
            await self.app(scope, receive, send)
            return
        settings: Settings = scope["app"].state.settings
        request = _steady_candidate(scope, settings.allowed_origins)
        if request is None:
            await self.app(scope, receive, send)
            return
        cookie, incoming_id = request
        started = time.perf_counter()
        body = await _read_body(receive)
        if body is None:  # the client went away mid-body: nobody to answer
            return
        try:
            answered = await self._answered(scope, settings, match.group(1), cookie, body)
        except Exception:
            # Out here no error handler answers: the full stack does, the same way as for any
            # request (a heartbeat pushed twice adds nothing: it claims no time since the first).
            log.exception("the heartbeat fast path failed; the full stack takes the request")
            answered = False
        if not answered:
            await self.app(scope, _replay(body, receive), send)
            return
        if self._headers is None:
            self._headers = [*security_headers(hsts=settings.serves_https), API_CSP]
        request_id = request_id_of(incoming_id)
        headers = [(b"x-request-id", request_id.encode()), *self._headers]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        token = request_id_var.set(request_id)
        log_request(scope, 204, started, settings.trusted_proxies)
        request_id_var.reset(token)

    async def _answered(
        self, scope: Scope, settings: Settings, lesson: str, cookie: str, body: bytes
    ) -> bool:
        """Queue the heartbeat if it is a steady viewer's; False to leave it to the endpoint."""
        state = scope["app"].state
        cache: Cache = state.cache
        buffer: HeartbeatBuffer = state.heartbeats
        ttl = settings.heartbeat_access_cache_seconds
        if not ttl:
            return False
        try:
            lesson_id = uuid.UUID(lesson)
            beat = Heartbeat.model_validate_json(body)
        except (ValueError, ValidationError):
            return False
        key = session_cache_key(token_hash(cookie))
        raw = self._sessions.get(key)
        confirmed = raw is None  # read now: no need to ask again at the push
        if raw is None:
            raw = await cache.get(key)
            if raw is None:
                return False
            self._remember(self._sessions, key, raw)
        session = CachedSession.load(raw)
        now = utcnow()
        if not confirmed and session.state(now, settings) != "live":
            # Another process may have written last-seen since: ask the cache again first.
            self._sessions.pop(key, None)
            raw = await cache.get(key)
            if raw is None:
                return False
            self._remember(self._sessions, key, raw)
            session, confirmed = CachedSession.load(raw), True
        touch = None
        match session.state(now, settings):
            case "ended":
                self._sessions.pop(key, None)
                return False
            case "touch":
                # Due a last-seen write. With Redis: queued with the heartbeat (the flusher
                # writes it), and the session cached again with the new time, both by the
                # push below, which checks that the entry is still there. Without, the full
                # path writes it.
                if not _queues_touches(buffer, cache):
                    return False
                session = CachedSession(
                    session.session_id, session.user_id, session.expires_at, now
                )
                ttl_seconds = int(settings.session_cache_ttl.total_seconds())
                touch = SessionTouch(session.session_id, now, session.dump(), ttl_seconds)
                confirmed = False
        target_key = access_key(session.user_id, lesson_id)
        found = self._access.get(target_key)
        target = Watchable.load(found) if found is not None else None
        clock = time.time()
        if target is None or target.expires_at <= clock:
            found = await cache.get(target_key)
            if found is None:
                return False
            target = Watchable.load(found)
            self._remember(self._access, target_key, found)
        if target.expires_at - clock < ttl * REFRESH_AHEAD:
            self._refresh_access(state, ttl, session.user_id, lesson_id)
        try:
            record = heartbeat_record(session.user_id, lesson_id, target, beat, buffer.clock())
        except Conflict:  # not a video lesson, or no ready video: the endpoint's 409
            return False
        if await _push(buffer, cache, record, None if confirmed else key, touch):
            if touch is not None:
                self._remember(self._sessions, key, touch.entry)
            return True
        self._sessions.pop(key, None)  # ended since it was read
        return False

    def _refresh_access(
        self, state: State, ttl: float, user_id: uuid.UUID, lesson_id: uuid.UUID
    ) -> None:
        """Have the viewer's access decided again, in the background, while the answer in
        hand still holds: the renewals wanted in the same moment are decided together."""
        self._renewing.add((user_id, lesson_id))
        if self._renewer is None or self._renewer.done():
            self._renewer = asyncio.create_task(self._renew_all(state, ttl))

    async def _renew_all(self, state: State, ttl: float) -> None:
        while self._renewing:
            await asyncio.sleep(RENEWAL_WAIT_SECONDS)  # let a batch gather
            pairs = list(self._renewing)[:RENEWAL_BATCH]
            try:
                await self._renew(state, ttl, pairs)
            except Exception:
                log.exception("renewing viewers' access failed; each is asked again at expiry")
                await asyncio.sleep(RENEWAL_RETRY_SECONDS)  # the database may be away
            finally:
                self._renewing.difference_update(pairs)

    async def _renew(
        self, state: State, ttl: float, pairs: list[tuple[uuid.UUID, uuid.UUID]]
    ) -> None:
        async with state.sessionmaker() as db:
            renewed = await renew_watchables(db, pairs, ttl)
        cache: Cache = state.cache
        for user_id, lesson_id in pairs:
            key = access_key(user_id, lesson_id)
            found = renewed.get((user_id, lesson_id))
            if found is None:
                # No longer: the answer goes, and the viewer's next heartbeat takes the full
                # path (which says why).
                self._access.pop(key, None)
                await cache.delete(key)
            else:
                await remember_access(cache, user_id, lesson_id, found)
                self._remember(self._access, key, found.dump())

    async def settled(self) -> None:
        """Wait for the renewals under way (tests)."""
        while self._renewer is not None and not self._renewer.done():
            await self._renewer

    def _remember(self, memo: dict[str, bytes], key: str, value: bytes) -> None:
        if len(memo) >= self.memo_size:
            memo.clear()
        memo[key] = value


def _queues_touches(buffer: HeartbeatBuffer, cache: Cache) -> bool:
    return isinstance(buffer, RedisHeartbeatBuffer) and buffer.shares(cache)


async def _push(
    buffer: HeartbeatBuffer,
    cache: Cache,
    record: HeartbeatRecord,
    session_key: str | None,
    touch: SessionTouch | None,
) -> bool:
    """Queue the record (with ``touch``, the session's last-seen write too), if
    ``session_key`` is given only while the cache still holds it."""
    if session_key is None:
        await buffer.push(record)
        return True
    if _queues_touches(buffer, cache):
        assert isinstance(buffer, RedisHeartbeatBuffer)
        return await buffer.push_while_cached(record, session_key, touch)
    # In-process stores (or a cache elsewhere): two steps, nothing in between to race with.
    if await cache.get(session_key) is None:
        return False
    await buffer.push(record)
    return True


def _steady_candidate(scope: Scope, allowed_origins: set[str]) -> tuple[str, str] | None:
    """(session cookie, X-Request-ID) of a small JSON request from our own origin with no
    bearer token; None for anything else."""
    cookie = content_type = length = origin = referer = None
    request_id = b""
    for name, value in scope["headers"]:
        if name == b"cookie":
            cookie = value
        elif name == b"content-type":
            content_type = value
        elif name == b"content-length":
            length = value
        elif name == b"origin":
            origin = value
        elif name == b"referer":
            referer = value
        elif name == b"x-request-id":
            request_id = value
        elif name == b"authorization":
            return None
    if cookie is None or content_type is None or length is None:
        return None
    if content_type.split(b";", 1)[0].strip().lower() != b"application/json":
        return None
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return None
    said = request_origin(
        origin.decode("latin-1") if origin else None,
        referer.decode("latin-1") if referer else None,
    )
    if said not in allowed_origins:
        return None
    session = cookie_parser(cookie.decode("latin-1")).get(SESSION_COOKIE)
    return (session, request_id.decode("latin-1")) if session else None


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The request's receive, with the body already read handed out again first."""
    pending = True

    async def replayed() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
