"""What a path holds and which reader reads it.

- a ``.pdf`` → one document (kind pdf); ``.txt`` → one (text, a PDF's text layer);
  ``.xlsx``/``.xls`` → one (workbook); ``.html`` → one (html, e.g. our 决算公开.html);
- a transcription folder (``tables/t0?.csv``) → one document (transcription);
- a folder of the project's per-table CSV exports (``<table label>.csv``) → one document (csv),
  and the workbook/PDF published beside them (``make run``'s output folder) one document each;
- any other folder → every document found in it (recursively), in name order.
"""

from __future__ import annotations

from pathlib import Path

from juesuan.audit.read.document import Document

SUFFIXES = {
    ".pdf": "pdf",
    ".txt": "text",
    ".xlsx": "workbook",
    ".xls": "workbook",
    ".html": "html",
    ".htm": "html",
}


def kind_of(path: Path) -> str | None:
    from juesuan.audit.read import exports, transcription

    if path.is_dir():
        if transcription.is_transcription(path):
            return "transcription"
        if exports.is_export_folder(path):
            return "csv"
        return None
    return SUFFIXES.get(path.suffix.lower())


def documents_in(path: Path) -> list[tuple[Path, str]]:
    """(path, kind) of every document under ``path``; a path that is none is returned as
    kind ``unknown`` so the landing reports it instead of skipping it."""
    kind = kind_of(path)
    if kind == "csv":
        # `make run`'s folder: the CSV exports are one document, the workbook and PDF beside
        # them are documents of their own.
        return [(path, kind)] + [
            (child, kind_of(child)) for child in sorted(path.iterdir()) if child.is_file() and kind_of(child)
        ]
    if kind:
        return [(path, kind)]
    if path.is_dir():
        found: list[tuple[Path, str]] = []
        for child in sorted(path.iterdir()):
            if child.name.startswith("."):
                continue
            if child.is_dir() or kind_of(child):
                found.extend(item for item in documents_in(child) if item[1] != "unknown" or child.is_file())
        return found
    return [(path, "unknown")]


def read(path: Path, kind: str, profile: str | None) -> Document:
    from juesuan.audit.read import exports, html, pdf, textlayer, transcription, workbook

    readers = {
        "html": html.read,
        "pdf": pdf.read,
        "text": textlayer.read,
        "workbook": workbook.read,
        "csv": exports.read,
        "transcription": transcription.read,
    }
    if kind not in readers:
        raise ValueError(f"{path}: 不是可读取的公开文档（PDF、文本层 .txt、工作簿、CSV 导出目录或转录目录）")
    return readers[kind](path, profile)
