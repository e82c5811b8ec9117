"""A small zip writer and reader: the container of the .docx and .odt reports.

Runs in CPython and in the browser's MicroPython, which has ``struct``, ``binascii.crc32`` and
``zlib``. The writer stores entries uncompressed: MicroPython's deflate took 383 ms per 100 KB
of report XML (measured in Node), and a stored report is a few hundred kilobytes. The reader
also inflates (Word and LibreOffice deflate what they save), and refuses anything it cannot
read safely as a ``ZipError`` with a code: the caller turns it into a refusal, never a crash.

The reader takes a *source* (``size``, ``read(offset, length)``, ``text()``), not the whole
file: in the browser the file stays in JavaScript and only the directory and the one entry
wanted cross into MicroPython, whose heap would not hold a large document (``Bytes`` is the
source for bytes in memory; the glue has one for a browser file).
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


class Bytes:
    """A source over bytes in memory."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.size = len(data)

    def read(self, offset: int, length: int) -> bytes:
        """``length`` bytes from ``offset`` (fewer at the end)."""
        return self.data[offset : offset + length]

    def text(self) -> str | None:
        """The whole source as UTF-8 text, or None when it is not UTF-8."""
        try:
            return self.data.decode()
        except UnicodeError:
            return None


def _source(data):  # bytes or a source -> a source
    return Bytes(data) if isinstance(data, (bytes, bytearray)) else data


#: The most a central directory may hold: far more than any report's, little for memory.
MAX_DIRECTORY = 4000000


def is_zip(data) -> bool:
    """Whether ``data`` (bytes or a source) starts like a zip archive (a local file header)."""
    return _source(data).read(0, 4) == b"PK\x03\x04"


def _end_record(source) -> tuple:
    """``(count, directory size, directory offset)`` from the end-of-central-directory record."""
    start = max(0, source.size - _END_SPAN)
    tail = source.read(start, source.size - start)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        raise ZipError("not-a-zip")
    fields = struct.unpack("<IHHHHIIH", tail[at : at + 22])
    count, size, offset = fields[4], fields[5], fields[6]
    if offset + size > start + at or size > MAX_DIRECTORY:
        raise ZipError("zip-damaged")
    return count, size, offset


def _directory(source) -> list:
    """``(name, method, crc, compressed size, size, header offset)`` for each entry."""
    count, size, offset = _end_record(source)
    data = source.read(offset, size)
    found = []
    at = 0
    for _ in range(count):
        if at + 46 > size:
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


def names(data) -> list:
    """The entry names of a zip archive (bytes or a source), in directory order."""
    return [entry[0] for entry in _directory(_source(data))]


def read(data, name: str, limit: int) -> bytes | None:
    """One entry's bytes, or None when there is no such entry; ``limit`` caps its size, packed
    and unpacked. ``data`` is bytes or a source."""
    source = _source(data)
    for entry_name, method, crc, packed, plain, local in _directory(source):
        if entry_name != name:
            continue
        if plain > limit or packed > limit:
            raise ZipError("zip-entry-too-large")
        header = source.read(local, 30)
        if len(header) != 30:
            raise ZipError("zip-damaged")
        fields = struct.unpack("<IHHHHHIIIHH", header)
        if fields[0] != LOCAL:
            raise ZipError("zip-damaged")
        body = source.read(local + 30 + fields[9] + fields[10], packed)
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
