"""What a handed-in file really is, read from its bytes, and whether its name agrees.

Kinds an assignment can accept: pdf, image (PNG, JPEG, GIF, WebP), document (Word, Excel,
PowerPoint, OpenDocument), archive (ZIP) and text (UTF-8 text: .txt, .md, .csv, source code).
A file whose name says one thing and whose content is another ("essay.pdf" holding a PNG),
or whose content is none of these (a program), is refused. No I/O beyond reading the file.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lectern.errors import UnsupportedMediaType

FILE_KINDS = ("pdf", "image", "document", "archive", "text")
DEFAULT_FILE_KINDS = ["pdf", "image", "document", "text"]

_IMAGES = {
    "png": (b"\x89PNG\r\n\x1a\n", "image/png", {".png"}),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg", {".jpg", ".jpeg"}),
    "gif87": (b"GIF87a", "image/gif", {".gif"}),
    "gif89": (b"GIF89a", "image/gif", {".gif"}),
}
_OOXML = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}
_ODF = {
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE2_EXTENSIONS = {".doc": "application/msword", ".xls": "application/vnd.ms-excel",
                    ".ppt": "application/vnd.ms-powerpoint"}  # fmt: skip
TEXT_EXTENSIONS = {
    ".txt", ".md", ".markdown", ".csv", ".tsv", ".json", ".xml", ".yaml", ".yml", ".tex",
    ".py", ".ipynb", ".js", ".ts", ".tsx", ".jsx", ".java", ".kt", ".c", ".h", ".cpp", ".hpp",
    ".cs", ".go", ".rs", ".rb", ".php", ".swift", ".sql", ".sh", ".r", ".m", ".scala",
    ".html", ".css", ".srt", ".vtt",
}  # fmt: skip
KIND_NAMES = {
    "pdf": "a PDF",
    "image": "a picture",
    "document": "an office document",
    "archive": "a ZIP archive",
    "text": "a text file",
}


@dataclass(frozen=True)
class FileType:
    kind: str
    content_type: str
    extensions: frozenset[str]
    description: str


def identify(path: Path) -> FileType | None:
    """What the file's bytes are, or None for anything we don't take."""
    with path.open("rb") as f:
        head = f.read(64 * 1024)
    if head.startswith(b"%PDF-"):
        return FileType("pdf", "application/pdf", frozenset({".pdf"}), "a PDF")
    for signature, content_type, extensions in _IMAGES.values():
        if head.startswith(signature):
            return FileType("image", content_type, frozenset(extensions), "a picture")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileType("image", "image/webp", frozenset({".webp"}), "a picture")
    if head.startswith(_OLE2):
        return FileType(
            "document",
            "application/octet-stream",
            frozenset(_OLE2_EXTENSIONS),
            "an older Office document",
        )
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(path)
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the 64 KiB mark is still text.
            if exc.start < len(head) - 4:
                return None
        return FileType(
            "text", "text/plain; charset=utf-8", frozenset(TEXT_EXTENSIONS), "a text file"
        )
    return None


def _zip_type(path: Path) -> FileType:
    archive = FileType("archive", "application/zip", frozenset({".zip"}), "a ZIP archive")
    try:
        with zipfile.ZipFile(path) as bundle:
            names = bundle.namelist()
            if names and names[0] == "mimetype":
                mimetype = bundle.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in _ODF:
                    return FileType(
                        "document", mimetype, frozenset({_ODF[mimetype]}), "an office document"
                    )
            if "[Content_Types].xml" in names:
                for folder, (content_type, extension) in _OOXML.items():
                    if any(name.startswith(folder) for name in names):
                        return FileType(
                            "document", content_type, frozenset({extension}), "an office document"
                        )
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError):
        pass
    return archive


def extension_of(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def check_file(path: Path, name: str, allowed_kinds: list[str]) -> FileType:
    """The file's type if it is one the assignment takes and its name agrees; else 415 with
    the reason in plain words."""
    allowed = ", ".join(KIND_NAMES[k] for k in allowed_kinds if k in KIND_NAMES)
    found = identify(path)
    if found is None:
        raise UnsupportedMediaType(
            f"“{name}” isn't a file type this assignment takes ({allowed}).",
            code="file_type_not_allowed",
            details={"allowed": allowed_kinds},
        )
    if found.kind not in allowed_kinds:
        raise UnsupportedMediaType(
            f"“{name}” is {found.description}; this assignment takes {allowed}.",
            code="file_type_not_allowed",
            details={"allowed": allowed_kinds, "found": found.kind},
        )
    extension = extension_of(name)
    if extension not in found.extensions:
        shown = extension or "no extension"
        raise UnsupportedMediaType(
            f"“{name}” is named as {shown} but its content is {found.description}. "
            "Rename it or export it again.",
            code="file_type_mismatch",
            details={"found": found.kind},
        )
    if found.content_type == "application/octet-stream":
        found = FileType(
            found.kind, _OLE2_EXTENSIONS[extension], found.extensions, found.description
        )
    return found


def clean_file_name(name: str) -> str:
    """The last part of a path a browser sent, without control characters, at most 200 long."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().strip(".") or "file"
    if len(base) > 200:
        stem, dot, extension = base.rpartition(".")
        base = f"{stem[: 190 - len(extension)]}.{extension}" if dot else base[:200]
    return base
