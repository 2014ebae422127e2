"""Where files live: local disk by default (S3 comes with video)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Protocol

import anyio


class FileStore(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...
    async def read(self, key: str) -> bytes | None: ...
    async def delete(self, key: str) -> None: ...


class LocalFileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        relative = PurePosixPath(key)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"unsafe storage key: {key!r}")
        return self.root.joinpath(*relative.parts)

    async def put(self, key: str, data: bytes) -> None:
        path = anyio.Path(self._path(key))
        await path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        await tmp.write_bytes(data)
        await tmp.rename(path)  # readers never see half a file

    async def read(self, key: str) -> bytes | None:
        path = anyio.Path(self._path(key))
        try:
            return await path.read_bytes()
        except FileNotFoundError:
            return None

    async def delete(self, key: str) -> None:
        await anyio.Path(self._path(key)).unlink(missing_ok=True)
