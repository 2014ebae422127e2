"""What the assessment services need around them, gathered once per request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from lectern.config import Settings
from lectern.kit.dependencies import DbSession, Jobs, SettingsDep, Store
from lectern.kit.queue import JobBuffer
from lectern.kit.storage import FileStore


@dataclass(frozen=True)
class AssessmentContext:
    session: AsyncSession
    settings: Settings
    jobs: JobBuffer
    store: FileStore

    def drop_files_after_commit(self, keys: list[str]) -> None:
        """Delete files from the store once the transaction that forgot them has committed."""
        if not keys:
            return
        store = self.store

        async def drop() -> None:
            for key in keys:
                await store.delete(key)

        self.jobs.after_commit(drop)


async def get_assessment_context(
    session: DbSession, settings: SettingsDep, jobs: Jobs, store: Store
) -> AssessmentContext:
    return AssessmentContext(session=session, settings=settings, jobs=jobs, store=store)


AssessmentCtx = Annotated[AssessmentContext, Depends(get_assessment_context)]
