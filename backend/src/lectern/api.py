"""Every domain's router, under /api."""

from fastapi import APIRouter

from lectern.assessments.endpoints import router as assessments_router
from lectern.assessments.endpoints import studio_router as assessments_studio_router
from lectern.audit.endpoints import router as audit_router
from lectern.auth.endpoints import router as auth_router
from lectern.catalog.endpoints import admin_router as catalog_admin_router
from lectern.catalog.endpoints import public_router as catalog_router
from lectern.catalog.endpoints import studio_router
from lectern.certificates.endpoints import router as certificates_router
from lectern.commerce.endpoints import admin_router as commerce_admin_router
from lectern.commerce.endpoints import router as commerce_router
from lectern.commerce.endpoints import webhook_router as commerce_webhook_router
from lectern.learning.endpoints import admin_router as learning_admin_router
from lectern.learning.endpoints import router as learning_router
from lectern.media.endpoints import lessons_router, media_router, uploads_router
from lectern.media.endpoints import studio_router as media_studio_router
from lectern.notes.endpoints import router as notes_router
from lectern.progress.endpoints import router as progress_router
from lectern.reviews.endpoints import router as reviews_router
from lectern.users.endpoints import admin_router as users_admin_router
from lectern.users.endpoints import router as users_router

api_router = APIRouter(prefix="/api")
# A request is matched against the routes in this order, one by one: the paths every viewer
# calls every few seconds (video segments, heartbeats) come first, so they don't pay for trying
# the ~200 others (that was a third of a heartbeat's CPU). Their paths share no pattern with
# the routes after them.
api_router.include_router(media_router)
api_router.include_router(progress_router)
api_router.include_router(auth_router)
api_router.include_router(users_router)
api_router.include_router(users_admin_router)
api_router.include_router(catalog_router)
api_router.include_router(studio_router)
api_router.include_router(catalog_admin_router)
api_router.include_router(audit_router)
api_router.include_router(media_studio_router)
api_router.include_router(uploads_router)
api_router.include_router(lessons_router)
api_router.include_router(learning_admin_router)
api_router.include_router(learning_router)
api_router.include_router(notes_router)
api_router.include_router(certificates_router)
api_router.include_router(reviews_router)
api_router.include_router(commerce_router)
api_router.include_router(commerce_admin_router)
api_router.include_router(commerce_webhook_router)
api_router.include_router(assessments_studio_router)
api_router.include_router(assessments_router)
