"""Reading a team's own ATRS record file (`evidence.atrs_record`): which template fields it
gives, and where.

Markdown: a heading that names a template section ("## Tier 2 - Owner and responsibility")
opens that section; the headings under it name fields ("### Team", "### 2.1.2 - Team"), and
the text below each heading is the field's value. A field heading before any section counts
when only one template field has that name. Front matter keys name fields the same way
(`phase`, `region`). YAML and JSON records: top-level keys name fields, and a key naming a
section holds a mapping of field keys (a list of mappings for the model specifications).
Headings the template does not know, under a known section, are reported, not dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from engine.core.markdown_text import has_real_text, headings, sections
from engine.core.parsing import FrontMatterDocument, YamlDocument, split_front_matter
from engine.records.atrs.record import Candidate
from engine.records.atrs.template import Template, TemplateSection, norm


def _text(value: Any) -> str | None:
    """A record value as text: scalars as written, lists of scalars joined; else None."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text if _says_something(text) else None
    if isinstance(value, list) and value and all(isinstance(v, (str, int, float)) for v in value):
        return _text("; ".join(str(v).strip() for v in value))
    return None


def _says_something(text: str) -> bool:
    """Real text, or the template's own "N/A" answer; not a bare placeholder."""
    return has_real_text(text) or norm(text) in ("n a", "na", "none")


def _prose(body: str) -> str:
    """A Markdown field body as text: comments dropped, soft-wrapped lines joined, paragraphs
    and list items kept on their own lines."""
    body = re.sub(r"<!--.*?(?:-->|\Z)", "", body, flags=re.S)
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", body.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        listed = any(re.match(r"([-*+]|\d+[.)])\s|\|", line) for line in lines)
        if lines:
            paragraphs.append("\n".join(lines) if listed else " ".join(lines))
    return "\n\n".join(paragraphs)


FieldKey = tuple[str, int, str]  # (section id, copy number, attribute)


@dataclass
class RecordFile:
    """The fields found in one ATRS record file, keyed by section, copy and attribute."""

    path: str
    values: dict[FieldKey, Candidate] = field(default_factory=dict)
    copies: dict[str, int] = field(default_factory=dict)  # per-model sections found
    notes: list[str] = field(default_factory=list)


class Matcher:
    """Finds the template section or field a heading or key names."""

    def __init__(self, template: Template) -> None:
        self.template = template
        self.labels = {
            s.id: [(f.attribute, norm(label)) for f in s.fields for label in (f.name, *f.aliases)]
            for s in template.sections
        }

    def section(self, label: str) -> TemplateSection | None:
        text = norm(label)
        return next((s for s in self.template.sections if norm(s.title) in text), None)

    def field(self, section_id: str, label: str) -> str | None:
        """The attribute a label names: the field's name (or alias, or attribute) exactly, or
        at its end after a number ("2.1.2 - Team")."""
        text = norm(label)
        for attribute, name in self.labels[section_id]:
            if text in (name, norm(attribute)) or text.endswith(" " + name):
                return attribute
        return None

    def anywhere(self, label: str) -> list[tuple[str, str]]:
        """Every (section, attribute) a label outside any section could name."""
        return [(s.id, a) for s in self.template.sections if (a := self.field(s.id, label))]


def read_record(item: dict[str, Any], text: str | None, matcher: Matcher) -> RecordFile:
    """Fields from a gathered `atrs_record` item: for Markdown, `text` (the file itself) gives
    the headings, bodies and front matter; for YAML or JSON, the adapter's mapping."""
    record = RecordFile(item["path"])
    if text is None:
        _read_mapping(record, item["facts"].get("front_matter") or {}, matcher, None)
        return record
    document = split_front_matter(text)
    _read_markdown(record, document, matcher)
    front = document.front_matter
    if front is not None and isinstance(front.data, dict):
        _read_mapping(record, front.data, matcher, front)
    return record


def _read_markdown(record: RecordFile, document: FrontMatterDocument, matcher: Matcher) -> None:
    lines = document.body.splitlines()
    bodies = {heading.line: body for heading, body in sections(lines)}
    current: TemplateSection | None = None
    for heading in headings(lines):
        section = matcher.section(heading.title)
        if section is not None:
            current = section
            record.copies[section.id] = record.copies.get(section.id, 0) + 1
            continue
        where = f"{record.path}:{heading.line + document.body_first_line}"
        value = _prose(bodies[heading.line])
        if current is None:
            _read_unplaced(record, heading.title, value, where, matcher)
        else:
            _read_field(record, current, heading.title, value, where, matcher)


def _read_mapping(
    record: RecordFile, mapping: dict[str, Any], matcher: Matcher, yaml: YamlDocument | None
) -> None:
    """Top-level keys naming a field, and section keys holding a mapping (or, for a
    per-model section, a list of mappings) of field keys."""

    def where(*path: str | int) -> str:
        key = ".".join(str(part) for part in path)
        if yaml is None:
            return f"{record.path} (key {key})"
        return f"{record.path}:{yaml.line_of(path)} (front matter {key})"

    for key, value in mapping.items():
        section = matcher.section(str(key))
        if section is None or not isinstance(value, (dict, list)):
            _read_unplaced(record, str(key), _text(value) or "", where(key), matcher)
            continue
        entries = value if isinstance(value, list) else [value]
        for number, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            record.copies[section.id] = record.copies.get(section.id, 0) + 1
            at = (key, number) if isinstance(value, list) else (key,)
            for inner, inner_value in entry.items():
                text = _text(inner_value) or ""
                _read_field(record, section, str(inner), text, where(*at, inner), matcher)


def _read_unplaced(
    record: RecordFile, label: str, value: str, where: str, matcher: Matcher
) -> None:
    """A heading before any section, or a top-level key: the field only if no other field has
    that name ("Sensitive attributes" is in two sections, so it needs its section)."""
    found = matcher.anywhere(label)
    if len(found) == 1:
        _keep(record, (found[0][0], 0, found[0][1]), value, where)
    elif found and value:
        ids = {section_id for section_id, _ in found}
        titles = " and ".join(repr(s.title) for s in matcher.template.sections if s.id in ids)
        record.notes.append(
            f"{where}: {label!r} is a field of {titles}; put it under its section heading"
            " or key; it is not used"
        )


def _read_field(
    record: RecordFile,
    section: TemplateSection,
    label: str,
    value: str,
    where: str,
    matcher: Matcher,
) -> None:
    """A field of `section` (its latest copy, for a per-model section), or a note saying the
    label is not one of the section's fields."""
    attribute = matcher.field(section.id, label)
    if attribute is None:
        record.notes.append(
            f"{where}: {label!r} under {section.title!r} is not an ATRS v4.0 field of that"
            " section; it is not used"
        )
        return
    copy = record.copies.get(section.id, 1) - 1 if section.per_model else 0
    _keep(record, (section.id, copy, attribute), value, where)


def _keep(record: RecordFile, key: FieldKey, text: str, where: str) -> None:
    """The first value found for a field wins (a heading before the front matter)."""
    if text and _says_something(text) and key not in record.values:
        record.values[key] = Candidate(value=text, source=f"atrs_record: {where}")
