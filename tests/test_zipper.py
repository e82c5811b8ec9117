"""engine/zipper.py: archives Python's zipfile accepts, and archives it made read back safely."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from questionnaire.engine import zipper

ENTRIES = [("mimetype", b"text/plain"), ("a/b.xml", "<x>é “quoted”</x>".encode()), ("empty", b"")]


def _made_by_zipfile(method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("x.json", b'{"a": 1}' * 500)
        archive.writestr("y", b"y")
    return buffer.getvalue()


def test_written_archives_pass_zipfiles_integrity_test() -> None:
    archive = zipfile.ZipFile(io.BytesIO(zipper.write(ENTRIES)))
    assert archive.testzip() is None
    assert [(info.filename, info.compress_type) for info in archive.infolist()] == [
        (name, zipfile.ZIP_STORED) for name, _ in ENTRIES
    ]
    assert [archive.read(name) for name, _ in ENTRIES] == [body for _, body in ENTRIES]


def test_writing_is_reproducible() -> None:
    assert zipper.write(ENTRIES) == zipper.write(ENTRIES)


def test_own_archives_read_back_entry_by_entry() -> None:
    data = zipper.write(ENTRIES)
    assert zipper.is_zip(data)
    assert zipper.names(data) == [name for name, _ in ENTRIES]
    assert [zipper.read(data, name, 100) for name, _ in ENTRIES] == [body for _, body in ENTRIES]
    assert zipper.read(data, "missing", 100) is None


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED], ids=["deflated", "stored"])
def test_archives_zipfile_made_are_read(method: int) -> None:
    data = _made_by_zipfile(method)
    assert zipper.names(data) == ["x.json", "y"]
    assert zipper.read(data, "x.json", 10_000) == b'{"a": 1}' * 500


def _code(data: bytes, name: str = "x.json", limit: int = 10_000) -> str:
    with pytest.raises(zipper.ZipError) as raised:
        zipper.read(data, name, limit)
    return raised.value.code


def test_an_entry_larger_than_the_limit_is_refused_before_it_is_unpacked() -> None:
    assert _code(_made_by_zipfile(), limit=100) == "zip-entry-too-large"


def test_an_entry_that_unpacks_to_more_than_it_claims_is_refused() -> None:
    data = bytearray(_made_by_zipfile())
    # Lower the size the central directory claims for x.json: the unpacked data no longer fits it.
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, at + 24, 10)
    assert _code(bytes(data)) == "zip-damaged"


def test_a_changed_byte_fails_the_crc() -> None:
    data = bytearray(zipper.write([("x.json", b"0123456789")]))
    data[data.find(b"0123456789")] = ord("X")
    assert _code(bytes(data)) == "zip-damaged"


def test_encrypted_and_unknown_methods_are_refused() -> None:
    data = bytearray(_made_by_zipfile())
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, at + 8, 1)  # the "encrypted" flag
    assert _code(bytes(data)) == "zip-encrypted"
    data = bytearray(_made_by_zipfile())
    struct.pack_into("<H", data, data.find(b"PK\x01\x02") + 10, 12)  # bzip2
    assert _code(bytes(data)) == "zip-method"


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04", b"not a zip at all", _made_by_zipfile()[:-30], _made_by_zipfile()[:40]],
    ids=["empty", "header-only", "text", "no-end-record", "truncated"],
)
def test_truncated_or_foreign_bytes_are_refused_with_a_code(data: bytes) -> None:
    with pytest.raises(zipper.ZipError) as raised:
        zipper.names(data)
    assert raised.value.code in ("not-a-zip", "zip-damaged")


def test_a_directory_pointing_past_the_file_is_refused() -> None:
    data = bytearray(zipper.write(ENTRIES))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 16, len(data) + 1000)  # directory offset
    with pytest.raises(zipper.ZipError) as raised:
        zipper.names(bytes(data))
    assert raised.value.code == "zip-damaged"


def test_a_local_header_pointing_past_the_file_is_refused() -> None:
    data = bytearray(zipper.write([("x.json", b"{}")]))
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 42, 10**6)  # local header offset
    assert _code(bytes(data)) == "zip-damaged"
