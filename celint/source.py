"""Reading a file's bytes into text, remembering what a fix must write back (BOM, encoding)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The bytes are not text celint can read; ``offset`` is the first bad byte."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Source:
    """Decoded text of one input with the BOM and encoding it came with."""

    path: str
    text: str
    bom: bytes = b""
    encoding: str = "utf-8"

    def encode(self, text: str) -> bytes:
        """Bytes for ``text`` in this source's encoding, BOM included, for writing a fix back."""
        return self.bom + text.encode(self.encoding)


def decode(path: str, data: bytes) -> Source:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16/32; anything else raises DecodeError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Source(path, body.decode(encoding), bom, encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"not valid {encoding.upper()} text (byte offset {exc.start + len(bom)})",
                    exc.start + len(bom),
                ) from None
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise DecodeError(f"binary file: NUL byte at byte offset {offset}", offset)
    try:
        return Source(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
            "(save the file as UTF-8)",
            exc.start,
        ) from None
