"""`lectern …`: operate a Lectern installation from the shell."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from lectern import migrate as migrations
from lectern.auth.passwords import check_password_strength
from lectern.config import get_settings
from lectern.errors import Invalid
from lectern.kit.db import create_engine, create_sessionmaker
from lectern.models import Role
from lectern.seed import DemoSeed, ensure_account, seed_demo

cli = typer.Typer(
    help="Lectern: sell and stream video courses.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
T = TypeVar("T")


def _in_transaction(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async def run() -> T:
        settings = get_settings()
        if settings.is_sqlite:
            settings.var_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(settings.effective_database_url)
        try:
            async with create_sessionmaker(engine)() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


@cli.command("migrate")
def migrate_command(revision: str = "head") -> None:
    """Bring the database schema up to date (PostgreSQL or SQLite)."""
    settings = get_settings()
    if settings.is_sqlite:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    migrations.upgrade(revision=revision)
    typer.echo(f"database at {revision}")


@cli.command("seed")
def seed_command() -> None:
    """Create the demo school: accounts, topics and courses (idempotent)."""
    seeded = asyncio.run(_seed())
    for account in seeded.accounts:
        roles = ", ".join(r.value for r in account.roles)
        typer.echo(f"  {account.email:<26} {account.password:<22} {roles}")
    if seeded.school is not None:
        typer.echo(seeded.school.line())
        asyncio.run(_seed_videos())


async def _seed() -> DemoSeed:
    from redis.exceptions import RedisError

    from lectern.app import create_cache  # the API's own cache, so its catalog pages refresh
    from lectern.kit.queue import JobBuffer

    settings = get_settings()
    if settings.is_sqlite:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.effective_database_url)
    cache = create_cache(settings)
    jobs = JobBuffer()
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            seeded = await seed_demo(session, settings=settings, cache=cache, jobs=jobs)
        # Committed: refresh the catalog's cached pages. The seed mails no one.
        jobs.pending.clear()
        try:
            await jobs.dispatch()
        except (OSError, RedisError) as exc:
            typer.echo(f"warning: cached catalog pages not refreshed ({exc})", err=True)
    finally:
        await cache.close()
        await engine.dispose()
    return seeded


async def _seed_videos() -> None:
    """The demo school's lesson videos, through the real transcode (a minute the first time)."""
    from lectern.app import create_cache
    from lectern.demo.videos import seed_videos
    from lectern.kit.storage import create_file_store

    settings = get_settings()
    engine = create_engine(settings.effective_database_url)
    cache = create_cache(settings)
    try:
        typer.echo(
            "Demo videos: checking (the first run draws and transcodes them: about a minute)..."
        )
        made = await seed_videos(
            settings, create_sessionmaker(engine), create_file_store(settings), cache
        )
        typer.echo(f"Demo videos: {made} transcoded." if made else "Demo videos: ready.")
    finally:
        await cache.close()
        await engine.dispose()


@cli.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(prompt=True)],
    name: Annotated[str, typer.Option(prompt=True)] = "Administrator",
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)
    ] = "",
) -> None:
    """Create a verified admin account, or make an existing account an admin."""
    try:
        asyncio.run(check_password_strength(password, user_inputs=[email, name]))
    except Invalid as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc

    async def work(session: AsyncSession) -> bool:
        _, created = await ensure_account(
            session,
            email=email,
            password=password,
            display_name=name,
            roles=(Role.student, Role.instructor, Role.admin),
        )
        return created

    created = _in_transaction(work)
    typer.echo(f"{'created' if created else 'updated'} admin {email.lower()}")


@cli.command("worker")
def worker(
    concurrency: int = 4,
    beat: Annotated[
        bool, typer.Option(help="Also run the scheduler (one per installation).")
    ] = False,
) -> None:
    """Run a background worker: mail, transcoding and the stalled-transcode sweep."""
    from lectern.worker import celery_app, settings

    argv = ["worker", "--loglevel=INFO", "--pool=threads", f"--concurrency={concurrency}"]
    if beat:
        argv += ["--beat", f"--schedule={settings.var_dir / 'celerybeat-schedule'}"]
    celery_app.worker_main(argv)


@cli.command("openapi")
def openapi(output: Path) -> None:
    """Write the OpenAPI schema (the source of the web's generated client)."""
    from lectern.app import create_app

    schema = create_app(configure_logs=False).openapi()
    output.write_text(json.dumps(schema, indent=2, sort_keys=False) + "\n")
    typer.echo(f"wrote {output}")


def main() -> None:
    cli()
