"""Running Alembic from Lectern (CLI, tests, make run) without a separate config dance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config

BACKEND_DIR = Path(__file__).resolve().parents[2]


def alembic_config(database_url: str | None = None) -> Config:
    config = Config(str(BACKEND_DIR / "alembic.ini"))
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str | None = None, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str | None = None, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)


# Search structures the migrations create by hand, per dialect, that no model describes:
# PostgreSQL's generated tsvector column and SQLite's FTS5 table with its shadow tables.
UNMODELLED_PREFIXES = ("course_search_fts",)
UNMODELLED_COLUMNS = {("course_search_documents", "document")}
UNMODELLED_INDEXES = {"ix_course_search_documents_document", "ix_search_words_trgm"}


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Keep autogenerate (and the migration test) from proposing to drop them."""
    if not reflected or name is None:
        return True
    if type_ == "table":
        return not name.startswith(UNMODELLED_PREFIXES)
    if type_ == "column":
        return (obj.table.name, name) not in UNMODELLED_COLUMNS
    if type_ == "index":
        return name not in UNMODELLED_INDEXES
    return True
