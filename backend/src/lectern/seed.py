"""The demo school for `make run` (and the end-to-end tests): its accounts, topics and
courses. Safe to run twice: the second run adds only what is missing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from lectern.kit.security import hash_password
from lectern.models import Role, User, UserRole
from lectern.models.base import utcnow

if TYPE_CHECKING:
    from lectern.config import Settings
    from lectern.demo.seeding import SchoolSummary
    from lectern.kit.cache import Cache
    from lectern.kit.queue import JobBuffer
    from lectern.kit.storage import FileStore


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    display_name: str
    roles: tuple[Role, ...]
    bio: str


DEMO_ACCOUNTS = (
    DemoAccount(
        "admin@lectern.test",
        "lectern-admin-demo",
        "Ada Admin",
        (Role.student, Role.instructor, Role.admin),
        "Runs the school.",
    ),
    DemoAccount(
        "instructor@lectern.test",
        "lectern-teach-demo",
        "Ines Instructor",
        (Role.student, Role.instructor),
        "Teaches video production and web development.",
    ),
    DemoAccount(
        "student@lectern.test",
        "lectern-learn-demo",
        "Sam Student",
        (Role.student,),
        "Learning on the train.",
    ),
)


async def ensure_account(
    session: AsyncSession,
    *,
    email: str,
    password: str,
    display_name: str,
    roles: tuple[Role, ...],
    bio: str = "",
) -> tuple[User, bool]:
    """Create a verified account with these roles, or add the roles to the existing one."""
    email = email.strip().lower()
    found = await session.execute(
        select(User).where(User.email == email).options(selectinload(User.roles))
    )
    user = found.scalars().first()
    created = user is None
    if user is None:
        user = User(
            email=email,
            password_hash=await hash_password(password),
            display_name=display_name,
            bio=bio,
            email_verified_at=utcnow(),
            roles=[],
        )
        session.add(user)
    for role in roles:
        if not user.has_role(role):
            user.roles.append(UserRole(role=role))
    await session.flush()
    return user, created


@dataclass(frozen=True)
class DemoSeed:
    accounts: list[DemoAccount]
    school: SchoolSummary | None


async def seed_accounts(session: AsyncSession) -> dict[str, User]:
    """The demo accounts by email, created or completed, with their roles loaded."""
    users: dict[str, User] = {}
    for account in DEMO_ACCOUNTS:
        users[account.email], _ = await ensure_account(
            session,
            email=account.email,
            password=account.password,
            display_name=account.display_name,
            roles=account.roles,
            bio=account.bio,
        )
    return users


async def seed_demo(
    session: AsyncSession,
    *,
    school: bool = True,
    settings: Settings | None = None,
    store: FileStore | None = None,
    cache: Cache | None = None,
    jobs: JobBuffer | None = None,
) -> DemoSeed:
    """The demo accounts and, unless `school` is False, the demo school's topics and courses.

    The school is built through the catalog's services, with `store` for the covers (the
    app's file store by default). Nothing is mailed. `jobs` collects what should follow the
    commit (fresh catalog pages in `cache`): pass both and dispatch `jobs` after committing,
    as `lectern seed` does; left out, there is nothing to refresh."""
    # The school needs the catalog (and its imports); the account commands don't.
    from lectern.catalog.context import CatalogContext
    from lectern.config import get_settings
    from lectern.demo.content import Person
    from lectern.demo.seeding import seed_school
    from lectern.kit.cache import MemoryCache
    from lectern.kit.queue import JobBuffer
    from lectern.kit.storage import create_file_store

    users = await seed_accounts(session)
    summary = None
    if school:
        settings = settings or get_settings()
        ctx = CatalogContext(
            session=session,
            settings=settings,
            cache=cache if cache is not None else MemoryCache(),
            jobs=jobs if jobs is not None else JobBuffer(),
            store=store if store is not None else create_file_store(settings),
        )
        summary = await seed_school(ctx, {p: users[p.value] for p in Person})
    return DemoSeed(accounts=list(DEMO_ACCOUNTS), school=summary)
