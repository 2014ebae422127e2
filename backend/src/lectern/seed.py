"""Demo accounts for `make run` (and the end-to-end tests). Safe to run twice."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from lectern.kit.security import hash_password
from lectern.models import Role, User, UserRole
from lectern.models.base import utcnow


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


async def seed_demo(session: AsyncSession) -> list[DemoAccount]:
    for account in DEMO_ACCOUNTS:
        await ensure_account(
            session,
            email=account.email,
            password=account.password,
            display_name=account.display_name,
            roles=account.roles,
            bio=account.bio,
        )
    return list(DEMO_ACCOUNTS)
