"""Where articles come from: files, folders, standard input and URLs.

``read_sources`` expands the paths given on the command line into a stream of
articles and errors, in a stable order, so a batch always reads the same way.
"""

from __future__ import annotations

import os
import sys
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.formats import ReadResult, read_csv, read_html, read_jsonl, read_plain_text

Reader = Callable[[str, str], Iterator[ReadResult]]
READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
}
BINARY_SNIFF_BYTES = 8192
URL_TIMEOUT_S = 20


def read_sources(sources: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Articles (or errors) from each path, folder (recursively, sorted), ``-`` or URL."""
    for source in sources:
        name = str(source)
        if name == "-":
            yield from _read_stdin()
        elif name.startswith(("http://", "https://")):
            yield from _read_url(name)
        else:
            yield from _read_path(Path(name))


def _read_path(path: Path) -> Iterator[ReadResult]:
    if path.is_dir():
        files, problems = _folder_files(path)
        yield from problems
        if not files and not problems:
            yield InputError(str(path), f"folder holds no readable files ({', '.join(READERS)})")
        for file in files:
            yield from _read_path(file)
        return
    if not path.exists():
        yield InputError(str(path), "no such file or folder")
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield InputError(str(path), f"unknown file type {path.suffix!r}; expected {', '.join(READERS)}")
        return
    try:
        text = decode(path.read_bytes(), str(path))
    except InputError as err:
        yield err
        return
    except OSError as exc:
        yield InputError(str(path), f"cannot read file ({exc.strerror})")
        return
    yield from reader(text, str(path))


def _folder_files(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Readable files under ``folder`` in sorted path order, and an error for each sub-folder
    that cannot be listed (``Path.rglob`` skips those without a word). Links to folders are
    not followed, so a link loop cannot recurse forever."""
    problems: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        problems.append(InputError(str(exc.filename or folder), f"cannot read folder ({exc.strerror})"))

    files = [
        Path(root, name)
        for root, _dirs, names in os.walk(folder, onerror=unreadable)
        for name in names
        if Path(name).suffix.lower() in READERS
    ]
    return sorted(f for f in files if f.is_file()), sorted(problems, key=lambda e: e.origin)


def _read_stdin() -> Iterator[ReadResult]:
    try:
        text = decode(sys.stdin.buffer.read(), "<stdin>")
    except InputError as err:
        yield err
        return
    yield from sniff_reader(text)(text, "<stdin>")


def _read_url(url: str) -> Iterator[ReadResult]:
    request = urllib.request.Request(url, headers={"User-Agent": "eventwire/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_S) as response:  # noqa: S310
            data = response.read()
    except OSError as exc:
        yield InputError(url, f"cannot fetch URL ({exc})")
        return
    try:
        text = decode(data, url)
    except InputError as err:
        yield err
        return
    yield from read_html(text, url)


def sniff_reader(text: str) -> Reader:
    """Guess the format of unnamed input (stdin) from its first characters."""
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return read_jsonl
    if head.startswith(("<!doctype html", "<html", "<")):
        return read_html
    first_line = head.split("\n", 1)[0]
    if "text" in first_line.split(","):
        return read_csv
    return read_plain_text


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text, or an error that says what is wrong and where."""
    if not data.strip():
        raise InputError(origin, "file is empty")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(origin, "binary file, not text (found NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            origin,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line}); "
            "re-encode the file as UTF-8",
        ) from None
