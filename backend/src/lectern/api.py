"""Every domain's router, under /api."""

from fastapi import APIRouter

from lectern.auth.endpoints import router as auth_router
from lectern.users.endpoints import admin_router as users_admin_router
from lectern.users.endpoints import router as users_router

api_router = APIRouter(prefix="/api")
api_router.include_router(auth_router)
api_router.include_router(users_router)
api_router.include_router(users_admin_router)
