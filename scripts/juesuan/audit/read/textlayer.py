"""Reader not written yet (issue 15, READ step in progress): reading raises, so the landing
records an unreadable_file problem instead of pretending."""

from __future__ import annotations

from pathlib import Path


def read(path: Path, profile: str | None = None):
    raise NotImplementedError(f"{path}: 此类文档的读取尚未实现")
