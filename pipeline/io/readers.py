"""Read speeches from .txt (any common Chinese encoding), .docx, directories and stdin.

Text is normalised without moving any character within a line: `\\r\\n` and `\\r` become `\\n`,
full-width and no-break spaces become ASCII spaces (one character for one).
"""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

from ..errors import XiuciError

SUFFIXES = {".txt", ".docx"}
CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be"]
BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
SPACES = str.maketrans({"\u3000": " ", "\u00a0": " ", "\ufeff": " "})


@dataclass
class Speech:
    """One speech as read: its name (file stem), where it came from, the detected encoding and the text."""

    name: str
    source: str
    encoding: str
    text: str


def normalise(text: str) -> str:
    """Unify line endings and spaces; every line keeps its characters at the same offsets."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(SPACES)


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes of a text file; return (text, encoding name)."""
    if not data.strip():
        raise XiuciError(f"{where}: the file is empty")
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    try:
        text, name = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=CANDIDATES).best()
        if best is None:
            raise XiuciError(f"{where}: not a text file (binary, or an encoding other than UTF-8/16, GB18030 and Big5)") from None
        text, name = str(best), best.encoding.replace("_", "-")
    if "\x00" in text or sum(c < " " and c not in "\n\r\t\f" for c in text) > len(text) / 100:
        raise XiuciError(f"{where}: not a text file (binary content)")
    return text, name


def read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise XiuciError(f"{path}: not a readable .docx file ({e})") from None
    return "\n".join(p.text for p in document.paragraphs)


def read_speech(path: str | Path) -> Speech:
    """Read one speech file (or `-` for stdin)."""
    if str(path) == "-":
        text, encoding = decode(sys.stdin.buffer.read(), "stdin")
        return Speech("stdin", "-", encoding, normalise(text))
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise XiuciError(f"{path}: unknown file type '{path.suffix}' (xiuci reads .txt and .docx)")
    try:
        if path.suffix.lower() == ".docx":
            text, encoding = read_docx(path), "docx"
        else:
            text, encoding = decode(path.read_bytes(), str(path))
    except OSError as e:
        raise XiuciError(f"{path}: cannot read ({e.strerror or e})") from None
    if not text.strip():
        raise XiuciError(f"{path}: the file is empty")
    return Speech(path.stem, str(path), encoding, normalise(text))


def expand_inputs(inputs: Iterable[str | Path]) -> list[str]:
    """Files to read: each argument as given, directories searched recursively for .txt/.docx."""
    files: list[str] = []
    for item in inputs:
        if str(item) == "-":
            files.append("-")
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if not found:
                raise XiuciError(f"{path}: no .txt or .docx files in this directory")
            files.extend(found)
        elif not path.exists():
            raise XiuciError(f"{path}: no such file or directory")
        elif path.suffix.lower() not in SUFFIXES:
            raise XiuciError(f"{path}: unknown file type '{path.suffix}' (xiuci reads .txt and .docx)")
        else:
            files.append(str(path))
    return files


def iter_speeches(files: Iterable[str]) -> Iterator[Speech | XiuciError]:
    """Read each file in turn, yielding the Speech or the error that stopped it."""
    for f in files:
        try:
            yield read_speech(f)
        except XiuciError as e:
            yield e
