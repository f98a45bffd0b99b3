"""The summary formats' parts of every system, kept on disk rather than in memory: a
thousand systems' SARIF runs are hundreds of megabytes, and a run's memory must not grow
with the portfolio. Read back in order, once per summary written."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from typing import overload


class Spool(Sequence[str]):
    """An append-only list of texts in an anonymous temporary file (gone when closed)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by `close`
        self._spans: list[tuple[int, int]] = []
        self._end = 0

    def append(self, text: str) -> None:
        data = text.encode()
        self._file.seek(self._end)
        self._file.write(data)
        self._spans.append((self._end, len(data)))
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._spans)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        start, size = self._spans[index]
        self._file.seek(start)
        return self._file.read(size).decode()

    def __iter__(self) -> Iterator[str]:
        for index in range(len(self)):
            yield self[index]

    def close(self) -> None:
        self._file.close()
