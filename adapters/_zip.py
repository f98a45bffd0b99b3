"""Reading members of a ZIP archive from a repository the gate does not trust.

Inspect AI's `.eval` logs and `.docx` documents are ZIP archives. Nothing is ever extracted
to disk; members are read into memory, by name, within limits: how many members the archive
may list, how large a member may be once inflated (checked while reading, since the sizes an
archive declares can lie), how much it may inflate relative to its compressed size (zip
bombs), and member names that could not name a file inside a folder (absolute, `..`,
backslashes, drive letters) make the whole archive refused.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import PurePosixPath

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one member, inflated
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # every member together, as declared
MAX_RATIO = 200  # inflated / compressed, for members over 1 MiB
_RATIO_FROM = 1024 * 1024
ZIP_ZSTANDARD = 93  # the method Inspect AI writes its logs with; stdlib zipfile has it from 3.14
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra field length


class ArchiveError(Exception):
    """The archive is not one we read: the message says why."""


class Archive:
    """A ZIP archive checked against the limits above, read member by member."""

    def __init__(self, content: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(content))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise ArchiveError(f"not a readable ZIP archive ({exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise ArchiveError(
                f"the archive lists {len(infos)} members; the limit is {MAX_MEMBERS}"
            )
        total = 0
        for info in infos:
            _check_name(info.filename)
            _check_size(info)
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ArchiveError(
                f"the archive inflates to {total} bytes; the limit is {MAX_TOTAL_BYTES}"
            )
        self._content = content
        self._infos = {info.filename: info for info in infos if not info.is_dir()}
        self.names = list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """One member's bytes, never more than `MAX_MEMBER_BYTES` whatever it declares."""
        info = self._infos.get(name)
        if info is None:
            raise ArchiveError(f"{name}: not in the archive")
        if info.compress_type == ZIP_ZSTANDARD and not _stdlib_zstd():
            data = self._zstd(info)
        else:
            data = self._stdlib(name)
        if len(data) > MAX_MEMBER_BYTES:
            raise ArchiveError(f"{name}: inflates past {MAX_MEMBER_BYTES} bytes")
        return data

    def _stdlib(self, name: str) -> bytes:
        try:
            with self._zip.open(name) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise ArchiveError(f"{name}: cannot be read ({exc})") from None
        except NotImplementedError as exc:  # an unsupported compression method
            raise ArchiveError(f"{name}: {exc}") from None
        return data

    def _zstd(self, info: zipfile.ZipInfo) -> bytes:
        """A Zstandard member (Python < 3.14), inflated within the limit, its CRC checked."""
        import zstandard  # only for Zstandard members

        start = info.header_offset
        header = self._content[start : start + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size:
            raise ArchiveError(f"{info.filename}: truncated archive")
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != b"PK\x03\x04":
            raise ArchiveError(f"{info.filename}: bad local header")
        begin = start + _LOCAL_HEADER.size + name_length + extra_length
        raw = self._content[begin : begin + info.compress_size]
        try:
            reader = zstandard.ZstdDecompressor().stream_reader(
                io.BytesIO(raw), read_across_frames=True
            )
            chunks, size = [], 0
            while size <= MAX_MEMBER_BYTES:
                chunk = reader.read(1024 * 1024)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            data = b"".join(chunks)
        except zstandard.ZstdError as exc:
            raise ArchiveError(f"{info.filename}: cannot be inflated ({exc})") from None
        if len(data) <= MAX_MEMBER_BYTES and zlib.crc32(data) != info.CRC:
            raise ArchiveError(f"{info.filename}: CRC mismatch (a corrupt or altered archive)")
        return data


def _stdlib_zstd() -> bool:
    return getattr(zipfile, "ZIP_ZSTANDARD", None) == ZIP_ZSTANDARD


def _check_name(name: str) -> None:
    posix = PurePosixPath(name)
    if (
        "\\" in name
        or "\x00" in name
        or posix.is_absolute()
        or ".." in posix.parts
        or (posix.parts and ":" in posix.parts[0])
    ):
        raise ArchiveError(f"member name {name!r} leaves the archive (path traversal)")


def _check_size(info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise ArchiveError(
            f"{info.filename}: {info.file_size} bytes inflated; the limit is {MAX_MEMBER_BYTES}"
        )
    if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ArchiveError(
            f"{info.filename}: inflates {info.file_size // max(info.compress_size, 1)} times "
            f"(zip bomb?); the limit is {MAX_RATIO}"
        )
