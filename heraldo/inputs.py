"""Readers for what users feed heraldo: JSON lines, plain text, HTML, folders of those.

Each reader yields `(line_number, record_or_error)`; a line that cannot be read becomes an
InputError in that slot and reading goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from heraldo.errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def parse_line(raw: bytes) -> Any:
    """One JSON-lines input line -> record, or raise InputError."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("encoding", "line is UTF-16 (byte-order mark); re-encode the file as UTF-8")
    if b"\x00" in raw:
        raise InputError("binary", "line holds NUL bytes: binary data, not a JSON record")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            "encoding", f"line is not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors put on the first line
    if not text.strip():
        raise InputError("invalid_json", "empty line")
    if "\x00" in text:
        raise InputError("binary", "line holds NUL bytes: binary data, not a JSON record")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("invalid_json", f"not JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise InputError("invalid_json", "JSON nested too deeply") from None


def read_jsonl(fh: BinaryIO) -> Iterator[tuple[int, Any]]:
    for n, raw in enumerate(fh, 1):
        raw = raw.rstrip(b"\r\n")
        try:
            yield n, parse_line(raw)
        except InputError as exc:
            yield n, exc


def _file_record(path: Path) -> Any:
    try:
        body = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return InputError("encoding", f"{path} is not UTF-8")
    record: dict[str, Any] = {"id": path.stem}
    record["html" if path.suffix.lower() in HTML_SUFFIXES else "text"] = body
    meta = path.with_name(path.stem + ".meta.json")
    if meta.exists():
        try:
            extra = json.loads(meta.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            return InputError("invalid_json", f"{meta.name} is not a JSON object: {exc}")
        if not isinstance(extra, dict):
            return InputError("not_an_object", f"{meta.name} must hold a JSON object")
        record.update(extra)
    return record


def iter_paths(paths: list[str]) -> Iterator[tuple[str, int, Any]]:
    """(origin, line, record-or-error) for files and folders (sorted, recursive)."""
    for p in paths:
        if p == "-":
            for n, rec in read_jsonl(sys.stdin.buffer):
                yield "-", n, rec
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            suffix = f.suffix.lower()
            if f.name.endswith(".meta.json"):
                continue
            if suffix in JSONL_SUFFIXES:
                with f.open("rb") as fh:
                    for n, rec in read_jsonl(fh):
                        yield str(f), n, rec
            elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
                yield str(f), 1, _file_record(f)
