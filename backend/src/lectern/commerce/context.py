"""What the commerce services need around them, gathered once per request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.catalog.context import bump_catalog_version
from lectern.commerce.providers import provider_for
from lectern.commerce.providers.base import PaymentGateway
from lectern.config import Settings
from lectern.kit.cache import Cache
from lectern.kit.dependencies import CacheDep, DbSession, Jobs, SettingsDep
from lectern.kit.queue import JobBuffer
from lectern.models import PaymentProvider


@dataclass(frozen=True)
class CommerceContext:
    session: AsyncSession
    settings: Settings
    cache: Cache
    jobs: JobBuffer

    def gateway(self, provider: PaymentProvider) -> PaymentGateway:
        return provider_for(self.settings, provider, self.session)

    def enrollments_changed(self) -> None:
        """Catalog cards show enrolment counts: drop the cached pages after the commit."""
        cache = self.cache

        async def bump() -> None:
            await bump_catalog_version(cache)

        self.jobs.after_commit(bump)


async def get_commerce_context(
    session: DbSession, settings: SettingsDep, cache: CacheDep, jobs: Jobs
) -> CommerceContext:
    return CommerceContext(session=session, settings=settings, cache=cache, jobs=jobs)


CommerceCtx = Annotated[CommerceContext, Depends(get_commerce_context)]
