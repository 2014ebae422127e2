"""The admin-managed topic tree the catalog is filed under."""

from __future__ import annotations

import uuid

from lectern.audit.service import audit_service
from lectern.auth.permissions import require_role
from lectern.catalog.context import CatalogContext
from lectern.catalog.repository import CategoryRepository
from lectern.catalog.schemas import Topic, TopicCreate, TopicUpdate
from lectern.catalog.slugs import first_free, slugify
from lectern.errors import Conflict, Invalid, NotFound
from lectern.models import Category, Role, User

MAX_DEPTH = 4


class TopicService:
    async def tree(self, ctx: CatalogContext) -> list[Topic]:
        """Every topic, parents before children, with the published courses under each."""
        categories = CategoryRepository(ctx.session)
        everything = list(await categories.everything())
        direct = await categories.public_course_counts()
        children: dict[uuid.UUID | None, list[Category]] = {}
        for c in everything:
            children.setdefault(c.parent_id, []).append(c)

        out: list[Topic] = []

        def walk(category: Category) -> set[uuid.UUID]:
            topic_index = len(out)
            out.append(
                Topic(
                    id=category.id,
                    name=category.name,
                    slug=category.slug,
                    parent_id=category.parent_id,
                    position=category.position,
                    course_count=0,
                )
            )
            courses = set(direct.get(category.id, set()))
            for child in children.get(category.id, []):
                courses |= walk(child)
            out[topic_index].course_count = len(courses)
            return courses

        for root in children.get(None, []):
            walk(root)
        return out

    async def descendants(self, ctx: CatalogContext, slug: str) -> list[uuid.UUID] | None:
        """The topic with this slug and every topic below it; None if there is no such topic."""
        everything = list(await CategoryRepository(ctx.session).everything())
        root = next((c for c in everything if c.slug == slug), None)
        if root is None:
            return None
        found = [root.id]
        frontier = [root.id]
        while frontier:
            frontier = [c.id for c in everything if c.parent_id in frontier]
            found.extend(frontier)
        return found

    async def create(self, ctx: CatalogContext, actor: User, body: TopicCreate) -> Topic:
        require_role(actor, Role.admin)
        categories = CategoryRepository(ctx.session)
        if body.parent_id is not None:
            await self._check_parent(categories, None, body.parent_id)
        stem = slugify(body.name, fallback="topic")
        category = Category(
            name=body.name,
            slug=first_free(stem, await categories.slugs_like(stem)),
            parent_id=body.parent_id,
            position=len(
                [c for c in await categories.everything() if c.parent_id == body.parent_id]
            ),
        )
        await categories.add(category)
        await self._audit(ctx, actor, category, "topic.created")
        ctx.catalog_changed()
        return await self._topic(ctx, category)

    async def update(
        self, ctx: CatalogContext, actor: User, topic_id: uuid.UUID, changes: TopicUpdate
    ) -> Topic:
        require_role(actor, Role.admin)
        categories = CategoryRepository(ctx.session)
        category = await categories.get(topic_id)
        if category is None:
            raise NotFound("No such topic.")
        fields = changes.model_dump(exclude_unset=True)
        if fields.get("name"):
            category.name = fields["name"]
        if "parent_id" in fields:
            await self._check_parent(categories, category.id, fields["parent_id"])
            category.parent_id = fields["parent_id"]
        if fields.get("position") is not None:
            category.position = fields["position"]
        await ctx.session.flush()
        await self._audit(ctx, actor, category, "topic.updated", changed=sorted(fields))
        ctx.catalog_changed()
        return await self._topic(ctx, category)

    async def delete(self, ctx: CatalogContext, actor: User, topic_id: uuid.UUID) -> None:
        require_role(actor, Role.admin)
        categories = CategoryRepository(ctx.session)
        category = await categories.get(topic_id)
        if category is None:
            raise NotFound("No such topic.")
        if await categories.has_children(category.id):
            raise Conflict("Move or delete the topics under it first.", code="topic_has_children")
        if await categories.has_courses(category.id):
            raise Conflict(
                "Courses are filed under this topic: refile them first.", code="topic_in_use"
            )
        await self._audit(ctx, actor, category, "topic.deleted")
        await categories.delete(category)
        ctx.catalog_changed()

    async def _check_parent(
        self,
        categories: CategoryRepository,
        topic_id: uuid.UUID | None,
        parent_id: uuid.UUID | None,
    ) -> None:
        """The new parent exists, is not the topic itself or below it, and the tree (counting
        the moved topic's own subtopics) stays shallow enough to browse."""
        if parent_id is None:
            return
        everything = {c.id: c for c in await categories.everything()}
        if parent_id not in everything:
            raise Invalid("The parent topic doesn't exist.", code="unknown_topic")
        depth = 1
        cursor: uuid.UUID | None = parent_id
        while cursor is not None:
            if cursor == topic_id:
                raise Invalid(
                    "A topic can't be placed under itself or one of its own subtopics.",
                    code="topic_cycle",
                )
            depth += 1
            cursor = everything[cursor].parent_id
        if depth + self._height_below(everything, topic_id) > MAX_DEPTH:
            raise Invalid(f"Topics nest at most {MAX_DEPTH} levels deep.", code="topic_too_deep")

    def _height_below(
        self, everything: dict[uuid.UUID, Category], topic_id: uuid.UUID | None
    ) -> int:
        """How many levels of subtopics hang under the topic (0 for a leaf or a new topic)."""
        if topic_id is None:
            return 0
        children = [c.id for c in everything.values() if c.parent_id == topic_id]
        return 1 + max(self._height_below(everything, c) for c in children) if children else 0

    async def _audit(
        self,
        ctx: CatalogContext,
        actor: User,
        category: Category,
        action: str,
        *,
        changed: list[str] | None = None,
    ) -> None:
        await audit_service.record(
            ctx.session,
            actor=actor,
            action=action,
            subject_type="topic",
            subject_id=category.id,
            subject_label=category.name,
            data={"changed": ", ".join(changed)} if changed else None,
        )

    async def _topic(self, ctx: CatalogContext, category: Category) -> Topic:
        """The topic as the tree shows it, with its course count."""
        return next(t for t in await self.tree(ctx) if t.id == category.id)


topic_service = TopicService()
