"""Every knob of Lectern, read from the environment (prefix LECTERN_) or a .env file.

The defaults are the embedded mode: SQLite under var/, local disk, an in-process cache and a
task queue that needs no server. Setting LECTERN_DATABASE_URL / LECTERN_REDIS_URL switches to
PostgreSQL / Redis without any other change.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from lectern.kit.rate_limit import Rule

REPO_ROOT = Path(__file__).resolve().parents[3]

# "10/minute", "5/15minutes": parsed once at start-up, so a typo stops the process early.
RateLimit = Annotated[
    Rule, NoDecode, BeforeValidator(lambda v: Rule.parse(v) if isinstance(v, str) else v)
]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="LECTERN_", env_file=".env", extra="ignore", validate_default=True
    )

    var_dir: Path = Field(
        REPO_ROOT / "var",
        description="Where the embedded default keeps its SQLite file, uploads and mail outbox.",
    )
    database_url: str | None = Field(
        None,
        description="postgresql+asyncpg://user@host/db for PostgreSQL; unset: SQLite in var_dir.",
    )
    database_pool_size: int = Field(
        30,
        ge=1,
        description="PostgreSQL connections each API process keeps open. Size it to the "
        "requests one process serves at once: connections beyond it are opened and closed per "
        "use (docs/performance.md).",
    )
    redis_url: str | None = Field(
        None, description="redis://host:6379/0 for cache, rate limits and the job broker."
    )
    redis_key_prefix: str = Field("lectern:", description="Prefix of every Redis key we write.")
    broker_url: str | None = Field(
        None,
        description="Celery broker. Unset: redis_url if set, else a SQLite file in var_dir.",
    )
    jobs_run_inline: bool = Field(
        False,
        description="Run background jobs inside the calling process (the test suite); "
        "never in production, where a worker runs them.",
    )
    public_url: str = Field(
        "http://localhost:3000",
        description="The origin users open; used in mail links and the CSRF origin check.",
    )
    extra_origins: list[str] = Field(
        default_factory=list,
        description="Other origins allowed to send cookie-authenticated writes.",
    )
    trusted_proxies: list[str] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"],
        description="Peers whose X-Forwarded-For is believed (the web server, a load balancer).",
    )
    log_level: str = Field("INFO", description="Python log level.")
    log_json: bool = Field(True, description="One JSON object per log line.")

    session_idle_timeout: timedelta = Field(
        timedelta(days=7), description="A session unused this long is over."
    )
    session_absolute_timeout: timedelta = Field(
        timedelta(days=30), description="A session is over this long after sign-in, used or not."
    )
    session_touch_interval: timedelta = Field(
        timedelta(minutes=5),
        description="How often last-seen is written; between writes a session costs no DB write.",
    )
    session_cache_ttl: timedelta = Field(
        timedelta(minutes=15),
        description="How long a session lookup is cached (ending a session drops it at once). "
        "Keep it longer than the touch interval: each last-seen write caches the session "
        "again, so a session in use stays cached.",
    )
    email_verification_ttl: timedelta = Field(
        timedelta(hours=48), description="How long a verify-email or change-email link works."
    )
    password_reset_ttl: timedelta = Field(
        timedelta(hours=1), description="How long a password-reset link works."
    )

    rate_limit_sign_in_ip: RateLimit = Field(
        Rule.parse("30/minute"), description="Sign-in attempts per client IP."
    )
    rate_limit_sign_in_account: RateLimit = Field(
        Rule.parse("10/15minutes"), description="Sign-in attempts per email address."
    )
    rate_limit_register_ip: RateLimit = Field(
        Rule.parse("20/hour"), description="Registrations per client IP."
    )
    rate_limit_mail_ip: RateLimit = Field(
        Rule.parse("20/hour"), description="Reset / resend-verification requests per client IP."
    )
    rate_limit_mail_account: RateLimit = Field(
        Rule.parse("5/hour"), description="Reset / resend-verification mails per email address."
    )

    smtp_host: str | None = Field(None, description="Unset: mail is written to var_dir/outbox.")
    smtp_port: int = Field(587, description="SMTP port.")
    smtp_username: str | None = Field(None, description="SMTP login, if the server wants one.")
    smtp_password: str | None = Field(None, description="SMTP password.")
    smtp_starttls: bool = Field(True, description="STARTTLS after connecting (port 587).")
    smtp_ssl: bool = Field(False, description="Implicit TLS (port 465).")
    mail_from: str = Field("Lectern <no-reply@lectern.test>", description="From: of every mail.")

    max_body_bytes: int = Field(
        8 * 1024 * 1024,
        description="Largest request body accepted (video uploads stream, with their own limit).",
    )
    avatar_max_bytes: int = Field(5 * 1024 * 1024, description="Largest avatar upload.")
    avatar_size_px: int = Field(256, description="Avatars are stored as a square of this size.")
    cover_max_bytes: int = Field(
        6 * 1024 * 1024, description="Largest course cover upload (stored as a 1280x720 WebP)."
    )
    catalog_cache_seconds: int = Field(
        300,
        ge=0,
        description="How long catalog pages and course landings stay cached (0: not cached); "
        "every edit of a public course drops them at once anyway.",
    )

    secret_key: str | None = Field(
        None,
        description="Signs short-lived media URLs. Set the same value on every API process; "
        "unset: a random key kept in var_dir/secret.key (fine for one machine).",
    )
    upload_max_bytes: int = Field(20 * 1024**3, ge=1, description="Largest video upload, in bytes.")
    upload_part_bytes: int = Field(
        8 * 1024**2,
        ge=5 * 1024**2,
        description="Uploads reach the store in parts of this size (S3 wants at least 5 MiB).",
    )
    upload_expiry: timedelta = Field(
        timedelta(days=7), description="An unfinished upload untouched this long is dropped."
    )
    video_max_duration: timedelta = Field(
        timedelta(hours=6), description="Longest video accepted for transcoding."
    )
    transcode_stall_after: timedelta = Field(
        timedelta(minutes=2),
        description="A transcode whose worker has not reported for this long is started "
        "again by another worker (a worker that died mid-job).",
    )
    media_grant_seconds: int = Field(
        600,
        ge=30,
        le=600,
        description="How long one playback grant (the signed stream URL) works; at most 10 "
        "minutes, so revoked access ends within that.",
    )

    heartbeat_flush_seconds: float = Field(
        1.0,
        ge=0,
        description="How often buffered player heartbeats are written to the database, in one "
        "transaction per batch: by the worker's scheduler with Redis, else by each API process "
        "(0: no background writes; an API process's shutdown still writes its own).",
    )
    heartbeat_flush_in_api: bool = Field(
        False,
        description="With Redis, also write buffered heartbeats from each API process. Off: the "
        "worker does it, so the processes answering players never pause for a batch. Without "
        "Redis each API process always writes its own (the buffer is in its memory).",
    )
    heartbeat_batch_size: int = Field(
        2000, ge=1, le=20_000, description="Heartbeats written per batch (one transaction)."
    )
    heartbeat_access_cache_seconds: int = Field(
        300,
        ge=0,
        description="How long a viewer's access to a lesson is cached for heartbeats (each "
        "answer for a random half to all of it, and renewed in the background in its last "
        "fifth; 0: asked every time); revoked access stops "
        "being credited within this. Keep it well above the 15 s between a player's "
        "heartbeats, or most of them read the database.",
    )
    heartbeat_recover_after_seconds: float = Field(
        30.0,
        gt=0,
        description="A batch of heartbeats taken but not written for this long (its API "
        "process died) is written by another flusher; never twice.",
    )

    submission_file_max_bytes: int = Field(
        25 * 1024 * 1024,
        ge=1,
        description="Largest file a student hands in with an assignment (checked while it "
        "streams in).",
    )
    question_image_max_bytes: int = Field(
        5 * 1024 * 1024, ge=1, description="Largest picture on a quiz question."
    )
    quiz_save_grace_seconds: float = Field(
        2.0,
        ge=0,
        le=30,
        description="Answers that reach the server this long after a quiz attempt's time is "
        "up still count (the network's delay); later ones are refused.",
    )

    s3_bucket: str | None = Field(
        None, description="Keep files in this S3 bucket; unset: on local disk under var_dir."
    )
    s3_endpoint_url: str | None = Field(
        None,
        description="The S3 API address of a non-AWS service (MinIO, DigitalOcean Spaces); "
        "unset: AWS.",
    )
    s3_public_endpoint_url: str | None = Field(
        None,
        description="The store's address as browsers reach it, when not s3_endpoint_url: "
        "signed video URLs point there.",
    )
    s3_region: str = Field("us-east-1", description="The bucket's region.")
    s3_access_key_id: str | None = Field(
        None, description="S3 access key; unset: boto3's usual chain (environment, role)."
    )
    s3_secret_access_key: str | None = Field(None, description="S3 secret key.")
    s3_prefix: str = Field(
        "", description="Folder in the bucket for every key, so installs can share a bucket."
    )

    stripe_secret_key: str | None = Field(
        None,
        description="Stripe secret API key (sk_live_... or sk_test_...); set it to sell through "
        "Stripe Checkout.",
    )
    stripe_webhook_secret: str | None = Field(
        None, description="The signing secret (whsec_...) of the Stripe webhook endpoint."
    )
    stripe_api_base: str = Field(
        "https://api.stripe.com", description="Stripe's API address (tests point it elsewhere)."
    )
    paypal_client_id: str | None = Field(
        None, description="PayPal REST app client id; set it (and the secret) to sell via PayPal."
    )
    paypal_client_secret: str | None = Field(None, description="PayPal REST app secret.")
    paypal_webhook_id: str | None = Field(
        None, description="The id PayPal gave the webhook endpoint (for signature checks)."
    )
    paypal_environment: str = Field(
        "sandbox",
        pattern="^(sandbox|live)$",
        description="sandbox (api-m.sandbox.paypal.com) or live (api-m.paypal.com).",
    )
    paypal_api_base: str | None = Field(
        None,
        description="Override PayPal's API host; only a loopback address (a local stand-in) is "
        "accepted besides PayPal's own hosts.",
    )
    payments_test_provider: bool | None = Field(
        None,
        description="Offer the offline test provider (no real money). Unset: on when neither "
        "Stripe nor PayPal is configured.",
    )
    payments_grace_period: timedelta = Field(
        timedelta(days=7),
        description="How long a subscription whose payment failed keeps access before it is "
        "paused.",
    )
    payments_checkout_hold: timedelta = Field(
        timedelta(hours=2),
        description="An unpaid checkout older than this is closed and its coupon redemption "
        "given back.",
    )
    payments_sweep_seconds: float = Field(
        60.0,
        gt=0,
        description="How often the worker's beat ends subscriptions at their period end, pauses "
        "those past their grace period and closes stale checkouts.",
    )
    payments_test_period: timedelta | None = Field(
        None,
        description="Billing period of the test provider's subscriptions (unset: a real month "
        "or year); a short one lets a demo or a browser test see renewals and period ends.",
    )

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.var_dir / 'lectern.sqlite3'}"

    @property
    def effective_broker_url(self) -> str:
        if self.broker_url:
            return self.broker_url
        if self.redis_url:
            return self.redis_url
        return f"sqla+sqlite:///{self.var_dir / 'queue.sqlite3'}"

    @property
    def stripe_enabled(self) -> bool:
        return bool(self.stripe_secret_key)

    @property
    def paypal_enabled(self) -> bool:
        return bool(self.paypal_client_id and self.paypal_client_secret)

    @property
    def test_payments_enabled(self) -> bool:
        if self.payments_test_provider is not None:
            return self.payments_test_provider
        return not (self.stripe_enabled or self.paypal_enabled)

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite")

    @property
    def secure_cookies(self) -> bool:
        """Secure cookies everywhere but on this machine: browsers treat http://localhost as
        a secure context, any other plain-http origin is a mistake to surface, not paper over."""
        host = urlsplit(self.public_url).hostname or ""
        return host not in {"localhost", "127.0.0.1", "::1"}

    @property
    def serves_https(self) -> bool:
        return self.public_url.startswith("https://")

    @property
    def allowed_origins(self) -> set[str]:
        return {self.public_url.rstrip("/"), *(o.rstrip("/") for o in self.extra_origins)}

    @property
    def outbox_dir(self) -> Path:
        return self.var_dir / "outbox"

    @property
    def files_dir(self) -> Path:
        return self.var_dir / "files"

    @property
    def upload_tmp_dir(self) -> Path:
        """Scratch space for the chunk an upload request is receiving."""
        return self.var_dir / "tmp"

    def signing_key(self) -> bytes:
        """The media-URL key: LECTERN_SECRET_KEY, else one made once and kept in var_dir."""
        if self.secret_key:
            return self.secret_key.encode()
        path = self.var_dir / "secret.key"
        try:
            return path.read_bytes()
        except FileNotFoundError:
            self.var_dir.mkdir(parents=True, exist_ok=True)
            key = secrets.token_bytes(32)
            try:
                with path.open("xb") as f:  # two processes starting at once agree on one key
                    f.write(key)
            except FileExistsError:
                return path.read_bytes()
            path.chmod(0o600)
            return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
