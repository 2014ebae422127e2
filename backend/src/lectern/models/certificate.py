from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lectern.models.base import Base, IdMixin, utcnow


class Certificate(IdMixin, Base):
    """Proof that a student completed a course. The names are kept as they were on the day,
    so the certificate reads the same after a rename; the code is what the public page checks."""

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("user_id", "course_id"),)

    code: Mapped[str] = mapped_column(String(20), unique=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    course_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), index=True
    )
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    student_name: Mapped[str] = mapped_column(String(120))
    course_title: Mapped[str] = mapped_column(String(120))
    instructor_names: Mapped[str] = mapped_column(String(300), default="")
    # The rendered PDF in the file store, made on first download.
    pdf_key: Mapped[str | None] = mapped_column(String(200))
