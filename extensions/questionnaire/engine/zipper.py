"""A small zip writer and reader: the container of the .docx and .odt reports.

Runs in CPython and in the browser's MicroPython, which has ``struct``, ``binascii.crc32`` and
``zlib``. The writer stores entries uncompressed: MicroPython's deflate took 383 ms per 100 KB
of report XML (measured in Node), and a stored report is a few hundred kilobytes. The reader
also inflates (Word and LibreOffice deflate what they save), and refuses anything it cannot
read safely as a ``ZipError`` with a code: the caller turns it into a refusal, never a crash.
"""

import binascii
import struct
import zlib

LOCAL = 0x04034B50
CENTRAL = 0x02014B50
END = 0x06054B50
#: Version needed to extract: 2.0 (deflate; stored entries need no more).
VERSION = 20
STORED = 0
DEFLATED = 8
#: 1980-01-01 00:00, the earliest DOS date: entries carry no clock time, so output is reproducible.
DOS_DATE = (1 << 5) | 1
DOS_TIME = 0
#: The end record is 22 bytes and may be followed by a comment of up to 65,535 bytes.
_END_SPAN = 22 + 65535


class ZipError(Exception):
    """A package that cannot be read; ``code`` names why (``not-a-zip``, ``zip-damaged``, ...)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _crc(data: bytes) -> int:
    return binascii.crc32(data) & 0xFFFFFFFF


def write(entries: list) -> bytes:
    """A zip archive of ``entries``, each ``(name, data)`` with an ASCII name and bytes, in order."""
    out = []
    central = []
    offset = 0
    for name, data in entries:
        raw_name = name.encode()
        crc = _crc(data)
        size = len(data)
        header = struct.pack(
            "<IHHHHHIIIHH", LOCAL, VERSION, 0, STORED, DOS_TIME, DOS_DATE, crc, size, size, len(raw_name), 0
        )
        out.append(header + raw_name)
        out.append(data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                CENTRAL,
                VERSION,
                VERSION,
                0,
                STORED,
                DOS_TIME,
                DOS_DATE,
                crc,
                size,
                size,
                len(raw_name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + raw_name
        )
        offset += len(header) + len(raw_name) + size
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", END, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end


def is_zip(data: bytes) -> bool:
    """Whether ``data`` starts like a zip archive (a local file header)."""
    return data[:4] == b"PK\x03\x04"


def _end_record(data: bytes) -> tuple:
    """``(count, directory size, directory offset)`` from the end-of-central-directory record."""
    start = max(0, len(data) - _END_SPAN)
    at = data.rfind(b"PK\x05\x06", start)
    if at < 0 or at + 22 > len(data):
        raise ZipError("not-a-zip")
    fields = struct.unpack("<IHHHHIIH", data[at : at + 22])
    count, size, offset = fields[4], fields[5], fields[6]
    if offset + size > at:
        raise ZipError("zip-damaged")
    return count, size, offset


def _directory(data: bytes) -> list:
    """``(name, method, crc, compressed size, size, header offset)`` for each entry."""
    count, size, offset = _end_record(data)
    found = []
    at = offset
    for _ in range(count):
        if at + 46 > offset + size:
            raise ZipError("zip-damaged")
        fields = struct.unpack("<IHHHHHHIIIHHHHHII", data[at : at + 46])
        if fields[0] != CENTRAL:
            raise ZipError("zip-damaged")
        flags, method, crc, packed, plain = fields[3], fields[4], fields[7], fields[8], fields[9]
        name_len, extra_len, comment_len, local = fields[10], fields[11], fields[12], fields[16]
        if flags & 1:
            raise ZipError("zip-encrypted")
        try:
            name = data[at + 46 : at + 46 + name_len].decode()
        except UnicodeError:
            raise ZipError("zip-damaged") from None
        found.append((name, method, crc, packed, plain, local))
        at += 46 + name_len + extra_len + comment_len
    return found


def _inflate(body: bytes, size: int) -> bytes:
    """Raw deflate data unpacked to at most ``size`` + 1 bytes, so a lying size cannot fill memory."""
    try:
        if hasattr(zlib, "decompressobj"):  # CPython
            return zlib.decompressobj(-15).decompress(body, size + 1)
        import io

        import deflate  # MicroPython: a stream reader, read up to a length

        return deflate.DeflateIO(io.BytesIO(body), deflate.RAW).read(size + 1)
    except Exception:  # zlib.error in CPython, ValueError or OSError in MicroPython
        raise ZipError("zip-damaged") from None


def names(data: bytes) -> list:
    """The entry names of a zip archive, in directory order."""
    return [entry[0] for entry in _directory(data)]


def read(data: bytes, name: str, limit: int) -> bytes | None:
    """One entry's bytes, or None when there is no such entry; ``limit`` caps its unpacked size."""
    for entry_name, method, crc, packed, plain, local in _directory(data):
        if entry_name != name:
            continue
        if plain > limit:
            raise ZipError("zip-entry-too-large")
        if local + 30 > len(data):
            raise ZipError("zip-damaged")
        fields = struct.unpack("<IHHHHHIIIHH", data[local : local + 30])
        if fields[0] != LOCAL:
            raise ZipError("zip-damaged")
        start = local + 30 + fields[9] + fields[10]
        body = data[start : start + packed]
        if len(body) != packed:
            raise ZipError("zip-damaged")
        if method == STORED:
            content = body
        elif method == DEFLATED:
            content = _inflate(body, plain)
        else:
            raise ZipError("zip-method")
        if len(content) != plain or _crc(content) != crc:
            raise ZipError("zip-damaged")
        return content
    return None
