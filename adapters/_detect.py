"""Detection by evidence kind, file name and content together.

An adapter that reads several formats (`FormatAdapter`) asks each of its readers whether it
recognises the file. Exactly one must: none is an evidence error that says what the file
looks like (the formats the other kinds read, else its shape), two or more is an evidence
error naming the candidates. Evidence is never read as a format it is not.
"""

from __future__ import annotations

from typing import Any

from adapters.interface import Adapter, EvidenceFile, Parsed, Reader
from engine.core.markdown_text import headings


class FormatAdapter(Adapter):
    """An adapter that reads one kind of evidence in several formats, one `Reader` each."""

    #: the formats this kind is read in, in the order `docs/evidence.md` lists them
    readers: tuple[Reader, ...] = ()
    #: what this kind of evidence is, in words ("an evaluation report")
    what: str = "evidence"

    def empty_facts(self) -> dict[str, Any]:
        """Every fact key of the kind, each empty (an unreadable file still has them)."""
        raise NotImplementedError

    def parse(self, name: str, content: bytes) -> Parsed:
        file = EvidenceFile(name, content)
        claims = [reader for reader in self.readers if _recognises(reader, file)]
        if len(claims) == 1:
            parsed = claims[0].read(file)
            facts = {**self.empty_facts(), **parsed.facts}
            return Parsed(parsed.format, facts, parsed.errors, parsed.warnings)
        if claims:
            titles = " and ".join(reader.title for reader in claims)
            error = f"ambiguous: the file is recognised as {titles}; it must be exactly one"
        else:
            error = self.unrecognised(file)
        return Parsed(None, self.empty_facts(), [error])

    def unrecognised(self, file: EvidenceFile) -> str:
        """Why no reader claimed the file: it is not text, not valid JSON, or it is some
        other format, named."""
        if file.text_error and not file.is_zip:
            return file.text_error
        if file.starts_like_json and file.json_error and not file.has_suffix(".jsonl"):
            return file.json_error
        expected = ", ".join(reader.title for reader in self.readers)
        return (
            f"not {self.what} in a format ai-assure reads ({expected}): "
            f"it looks like {looks_like(file, self)}"
        )


def _recognises(reader: Reader, file: EvidenceFile) -> bool:
    """A recogniser is a guess about hostile bytes: a crash in one is a 'no'."""
    try:
        return reader.recognises(file)
    except Exception:  # a recogniser bug must not stop the run: it does not claim the file
        return False


def looks_like(file: EvidenceFile, adapter: FormatAdapter) -> str:
    """What the file is, in words: a format another kind reads, else its shape."""
    from adapters import REGISTRY, get_adapter  # every adapter: only on this error path

    others: dict[str, list[str]] = {}
    own = {type(reader) for reader in adapter.readers}
    for kind in REGISTRY:
        readers = getattr(get_adapter(kind), "readers", ())
        for reader in readers:
            if type(reader) not in own and _recognises(reader, file):
                others.setdefault(reader.title, []).append(f"evidence.{kind}")
    if others:
        return "; ".join(
            f"{title} (read as {' or '.join(kinds)})" for title, kinds in sorted(others.items())
        )
    return shape(file)


def shape(file: EvidenceFile) -> str:
    """The file's shape, when no format recognises it."""
    if file.is_zip:
        return "a ZIP archive of no known format"
    if file.json is not None:
        return _structure("JSON", file.json)
    text = file.text or ""
    if file.has_suffix(".yaml", ".yml"):
        return _structure("YAML", _yaml(text))
    if text.lstrip().startswith("---") or headings(text.splitlines()[:400]):
        return "a Markdown document"
    return "text of no known format"


def _structure(language: str, data: Any) -> str:
    """A parsed document's shape: an object with its top-level keys, a list, or neither."""
    if isinstance(data, dict):
        keys = sorted(str(key) for key in data)
        shown = ", ".join(keys[:8]) + (", ..." if len(keys) > 8 else "")
        kind = "object" if language == "JSON" else "mapping"
        return f"a {language} {kind} of no known format (top-level keys: {shown or 'none'})"
    if isinstance(data, list):
        return f"a {language} list of no known format"
    return f"a {language} document of no known format"


def _yaml(text: str) -> Any:
    """The YAML document, or None when it cannot be parsed (only on this error path)."""
    from engine.core.parsing import ParseError, load_yaml

    try:
        return load_yaml(text).data
    except ParseError:
        return None
