"""DPIA and FRIA records written as documents, laid out as the ICO's DPIA template lays them
out: headings for the steps (Step 2 "Describe the processing", Step 4 "Assess necessity
and proportionality", Step 5 "Identify and assess risks", Step 6 "Identify measures to
reduce risk", Step 7 "Sign off and record outcomes"), tables for risks, measures and the
sign-off, and labelled lines ("Status: Approved", "Review date: 1 May 2027").

Facts are read from what the document says, never invented: a field that cannot be found
is listed in `missing_fields` and a warning names the headings or labels looked for. Dates
are read as written in UK documents (`2026-05-01`, `1 May 2026`, `01/05/2026`) and given
as `YYYY-MM-DD`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from engine.core.markdown_text import has_real_text, headings, plain, sections

# What says a document is an impact assessment: its name in a heading or the opening lines
# ("Data protection impact assessment: ...", "Sample DPIA template"), or the ICO template's
# step headings. A Markdown file without it (a model card, a README) is not read as one.
_ASSESSMENT = re.compile(
    r"\b(dpia|fria)s?\b|data protection impact|fundamental rights impact|privacy impact"
    r"|identify the need for a|assess necessity and proportionality|sign off and record outcomes",
    re.I,
)
_OPENING_LINES = 12


def is_impact_assessment(text: str) -> bool:
    """True when a heading or one of the first lines names a DPIA/FRIA or an ICO step."""
    lines = text.splitlines()
    opening = [line for line in lines[:200] if line.strip()][:_OPENING_LINES]
    return any(_ASSESSMENT.search(line) for line in opening) or any(
        _ASSESSMENT.search(heading.title) for heading in headings(lines)
    )


# --- where each field is looked for --------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A field read from the body of the section whose heading matches `pattern`."""

    pattern: str
    looked_for: str
    exclude: str = r"(?!)"

    def matches(self, heading: str) -> bool:
        key = re.sub(r"^[\d.()\s]+", "", heading.lower())
        return bool(re.search(self.pattern, key)) and not re.search(self.exclude, key)


@dataclass(frozen=True)
class Label:
    """A field read from a labelled line or table row whose label matches `pattern`."""

    pattern: str
    looked_for: str


TEXT_SECTIONS = {
    "processing": Section(
        r"step 2\b|(describ\w*|description|nature)( of)?( the)? processing"
        r"|processing (description|activities)|^processing$|deployer.s processes"
        r"|process(es)? in which",
        "a heading such as 'Step 2: Describe the processing'",
    ),
    "necessity_and_proportionality": Section(
        r"step 4\b|necessity|proportionality",
        "a heading such as 'Step 4: Assess necessity and proportionality'",
        exclude=r"(dpia|assessment) necessity|screening|need for",  # whether a DPIA is needed
    ),
    "oversight_measures": Section(
        r"human oversight|oversight measures",
        "a heading such as 'Human oversight measures' (EU AI Act Art. 27(1)(e))",
    ),
    "complaint_mechanism": Section(
        r"complain|redress|internal governance",
        "a heading such as 'Complaint mechanism' (EU AI Act Art. 27(1)(f))",
    ),
}
LIST_SECTIONS = {
    "risks": Section(
        r"step 5\b|identify and assess risks|^risks?\b|risk assessment|risks identified",
        "a heading such as 'Step 5: Identify and assess risks'",
        exclude=r"measure|reduce|mitigat|specific risks|risks of harm",
    ),
    "measures": Section(
        r"step 6\b|measures to reduce|^measures\b|mitigations?\b|risk treatment",
        "a heading such as 'Step 6: Identify measures to reduce risk'",
        exclude=r"oversight",
    ),
    "affected_groups": Section(
        r"affected|categories of (natural )?persons|groups likely",
        "a heading such as 'Categories of persons and groups affected' (EU AI Act Art. 27(1)(c))",
    ),
    "specific_risks": Section(
        r"specific risks|risks of harm",
        "a heading such as 'Specific risks of harm' (EU AI Act Art. 27(1)(d))",
    ),
}
LABELS = {
    "status": Label(
        r"^(dpia |fria |document |assessment |approval )?status$",
        "a 'Status' line or table row",
    ),
    "approved_by": Label(
        r"^(residual risks?|measures|dpia|fria)? ?approved by$|^approver$|^signed off by$"
        r"|^sign[- ]off( by)?$|^approval ?/ ?sign[- ]off$|^(management|senior) sign[- ]off$",
        "a 'Residual risks approved by', 'Measures approved by' or 'Approved by' row (Step 7)",
    ),
    "approved_on": Label(
        r"^(date )?approved on$|^(date of )?approval( date)?$|^date approved$"
        r"|^sign[- ]off date$|^date signed( off)?$",
        "an 'Approved on' line, or a date beside the approver (Step 7)",
    ),
    "review_by": Label(
        r"^(next )?review( by| date)?$|^date of (next )?review$|^to be reviewed by$"
        r"|kept under review by$|^review due$",
        "a 'Review by' or 'Review date' line, or a date in the 'kept under review by' row",
    ),
    "dpo_consulted": Label(
        r"^(dpo|data protection officer( dpo)?)( s)? (advice|consult\w*|sign[- ]off)"
        r"|\(dpo\) (advice|consult\w*)|^consulted (the )?(dpo|data protection officer)",
        "a 'DPO advice provided' row (Step 7) or a 'DPO consulted' line",
    ),
}
_APPROVER_ORDER = ("residual risks approved by", "measures approved by")

# --- dates --------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for name in names
}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORDS = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_SLASHES = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def find_date(text: str) -> str | None:
    """The first date written in `text`, as YYYY-MM-DD (day before month, as in the UK)."""
    candidates: list[tuple[int, tuple[int, int, int]]] = []
    for match in _ISO.finditer(text):
        candidates.append((match.start(), (int(match[1]), int(match[2]), int(match[3]))))
    for match in _WORDS.finditer(text):
        month = _MONTHS.get(match[2].lower())
        if month:
            candidates.append((match.start(), (int(match[3]), month, int(match[1]))))
    for match in _SLASHES.finditer(text):
        candidates.append((match.start(), (int(match[3]), int(match[2]), int(match[1]))))
    for _, (year, month, day) in sorted(candidates):
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _without_dates(text: str) -> str:
    """`text` without the dates written in it (an approver cell: "DPO, 24 June 2026")."""
    for pattern in (_ISO, _WORDS, _SLASHES):
        text = pattern.sub("", text)
    return text.strip(" ,;-\u2013")


# --- the document -------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
_PSEUDO_HEADING = re.compile(r"^\s*(?:\*\*|__)\s*(.{3,120}?)\s*:?\s*(?:\*\*|__)\s*:?\s*$")
_STEP_LINE = re.compile(r"^\s*(step\s+\d+\s*[:.\-\u2013].{3,100})$", re.I)
_LABEL_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][\w /'\u2019()-]{1,60}?)(?:\*\*|__)?\s*:"
    r"\s*(?:\*\*|__)?\s*(.+?)\s*$"
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.+?)\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")

# header cell (lower case) -> the key risks and measures use, as in the ICO template
_COLUMN_KEYS = (
    (r"source of risk|describe|description|^risk description", "description"),
    (r"likelihood", "likelihood"),
    (r"severity", "severity"),
    (r"overall", "overall"),
    (r"residual", "residual"),
    (r"effect", "effect"),
    (r"approved", "approved"),
    (r"options|measure|mitigation|action", "measure"),
    (r"^(risk|risk id|id|ref|reference|no\.?|#)$", "risk"),
)


def _normalised_lines(text: str) -> list[str]:
    """Lines with 'Step N:' lines turned into level-2 headings and bold-only lines into
    headings one level below the heading they follow (the ICO template's step titles are
    often bold paragraphs once converted to Markdown; elsewhere a bold line titles a part of
    the section it is in, and must not end that section)."""
    lines = []
    level = 1  # of the last real heading; bold lines before any title sit at level 2
    for line in text.splitlines():
        heading = _ATX.match(line)
        bold = _PSEUDO_HEADING.match(line)
        step = _STEP_LINE.match(line)
        if heading:
            level = len(heading.group(1))
            lines.append(line)
        elif bold and not line.lstrip().startswith("|"):
            lines.append(f"{'#' * min(level + 1, 6)} {bold.group(1)}")
        elif step:
            lines.append(f"## {step.group(1).strip()}")
        else:
            lines.append(line)
    return lines


def _cells(line: str) -> list[str] | None:
    match = _TABLE_ROW.match(line)
    if not match:
        return None
    return [plain(cell.strip()) for cell in re.split(r"(?<!\\)\|", match.group(1))]


def tables(text: str) -> list[list[list[str]]]:
    """Markdown tables (rows of cells), the separator row left out."""
    found: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in text.splitlines():
        cells = _cells(line)
        if cells is None:
            if current:
                found.append(current)
            current = []
        elif not _SEPARATOR.match(line):
            current.append(cells)
    if current:
        found.append(current)
    return found


def labelled(text: str) -> list[tuple[str, list[str]]]:
    """(label, values) from `Label: value` lines and from table rows whose first cell is a
    label and whose other cells hold values, in document order (a document-control table at
    the top comes before a 'Status:' line in a later section)."""
    pairs = []
    for line in text.splitlines():
        cells = _cells(line)
        if cells is not None:
            if len(cells) >= 2 and cells[0] and not _SEPARATOR.match(line):
                pairs.append((_label_key(cells[0]), [c for c in cells[1:] if c]))
            continue
        match = _LABEL_LINE.match(line)
        if match:
            pairs.append((_label_key(match.group(1)), [plain(match.group(2))]))
    return pairs


def _label_key(label: str) -> str:
    return " ".join(re.sub(r"[^\w\s/-]", " ", plain(label).lower().replace("_", " ")).split())


class ImpactDocument:
    """A Markdown (or converted Word) DPIA or FRIA, its sections and labels indexed once."""

    def __init__(self, text: str) -> None:
        lines = _normalised_lines(text)
        self.text = "\n".join(lines)
        self.sections = sections(lines)
        self.labels = labelled(self.text)

    def section(self, spec: Section) -> str | None:
        """The body of the first matching section that says something."""
        for heading, body in self.sections:
            if spec.matches(heading.title) and has_real_text(body):
                return body.strip()
        return None

    def label(self, spec: Label) -> list[str] | None:
        """The values of the first label matching `spec` that has any."""
        return next(iter(self.all_labels(spec)), None)

    def all_labels(self, spec: Label) -> list[list[str]]:
        """The values of every label matching `spec` that has any, approvers first in the
        order of the ICO template's sign-off table, the rest in document order."""
        ordered = sorted(self.labels, key=lambda pair: _approver_rank(pair[0]))
        return [
            values
            for key, values in ordered
            if re.search(spec.pattern, key) and any(has_real_text(v) for v in values)
        ]


def _approver_rank(label: str) -> int:
    return _APPROVER_ORDER.index(label) if label in _APPROVER_ORDER else len(_APPROVER_ORDER)


# --- reading fields -----------------------------------------------------------------------

_STATUSES = ("approved", "rejected", "draft")
_YES = re.compile(r"^(yes|y|true|provided|given|consulted)\b", re.I)
_NO = re.compile(r"^(no|n|false|none|not (yet )?(provided|consulted|given)|n/?a)\b", re.I)


def read_fields(
    document: ImpactDocument, fields: Iterable[str]
) -> tuple[dict[str, Any], list[str]]:
    """The values of `fields` found in the document, and a warning for each not found or
    not understood (naming what was looked for)."""
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for field in fields:
        reader = _READERS.get(field)
        if reader is None:
            continue
        value, problem = reader(document)
        values[field] = value
        if problem:
            warnings.append(f"{field}: {problem}")
    return values, warnings


def _not_found(spec: Section | Label) -> str:
    return f"not found (looked for {spec.looked_for})"


def _status(document: ImpactDocument) -> tuple[Any, str | None]:
    """The first 'Status' that says draft, approved or rejected (a document also has
    statuses of other things: an ICO consultation, an action)."""
    spec = LABELS["status"]
    candidates = document.all_labels(spec)
    if not candidates:
        return None, _not_found(spec)
    for values in candidates:
        text = " ".join(values).lower()
        found = [s for s in _STATUSES if re.search(rf"\b{s}\b", text)]
        if len(found) == 1:
            return found[0], None
    return None, f"{' '.join(candidates[0])!r} is not one of draft, approved, rejected"


def _approved_by(document: ImpactDocument) -> tuple[Any, str | None]:
    spec = LABELS["approved_by"]
    values = document.label(spec)
    if values is None:
        return None, _not_found(spec)
    names = [_without_dates(v) for v in values]
    named = [n for n in names if has_real_text(n)]
    return (named[0] if named else values[0]), None


def _approved_on(document: ImpactDocument) -> tuple[Any, str | None]:
    spec = LABELS["approved_on"]
    for values in (document.label(spec), document.label(LABELS["approved_by"])):
        date = find_date(" ".join(values)) if values else None
        if date:
            return date, None
    return None, _not_found(spec)


def _review_by(document: ImpactDocument) -> tuple[Any, str | None]:
    spec = LABELS["review_by"]
    values = document.label(spec)
    date = find_date(" ".join(values)) if values else None
    return (date, None) if date else (None, _not_found(spec))


def _dpo_consulted(document: ImpactDocument) -> tuple[Any, str | None]:
    """Yes or no, or a date the advice was given; a row that only names the DPO does not
    say they were consulted, so it is not read as yes."""
    spec = LABELS["dpo_consulted"]
    values = document.label(spec)
    if values is None:
        return None, _not_found(spec)
    text = " ".join(values).strip()
    if _NO.match(text):
        return False, None
    if _YES.match(text) or find_date(text):
        return True, None
    return None, f"{text[:80]!r} does not say whether the DPO was consulted (yes or no)"


def _text_section(field: str) -> Callable[[ImpactDocument], tuple[Any, str | None]]:
    spec = TEXT_SECTIONS[field]

    def read(document: ImpactDocument) -> tuple[Any, str | None]:
        body = document.section(spec)
        return (body, None) if body else (None, _not_found(spec))

    return read


def _list_section(field: str) -> Callable[[ImpactDocument], tuple[Any, str | None]]:
    spec = LIST_SECTIONS[field]

    def read(document: ImpactDocument) -> tuple[Any, str | None]:
        body = document.section(spec)
        items = _items(body) if body else []
        if field == "affected_groups":  # a list of text: a table row reads as its cells
            items = [i if isinstance(i, str) else " — ".join(i.values()) for i in items]
        return (items, None) if items else ([], _not_found(spec))

    return read


def _items(body: str) -> list[Any]:
    """A section's table rows as mappings (keyed by the ICO template's columns), else its
    list items as text."""
    for table in tables(body):
        if len(table) < 2:
            continue
        keys = [_column_key(cell, index) for index, cell in enumerate(table[0])]
        rows = []
        for row in table[1:]:
            entry = {k: v for k, v in zip(keys, row, strict=False) if has_real_text(v)}
            if entry:
                rows.append(entry)
        if rows:
            return rows
    return [m.group(1) for line in body.splitlines() if (m := _LIST_ITEM.match(line))]


def _column_key(header: str, index: int) -> str:
    key = _label_key(header)
    for pattern, name in _COLUMN_KEYS:
        if re.search(pattern, key):
            return name
    return key.replace(" ", "_") or f"column_{index + 1}"


_READERS: dict[str, Callable[[ImpactDocument], tuple[Any, str | None]]] = {
    "status": _status,
    "approved_by": _approved_by,
    "approved_on": _approved_on,
    "review_by": _review_by,
    "dpo_consulted": _dpo_consulted,
    **{field: _text_section(field) for field in TEXT_SECTIONS},
    **{field: _list_section(field) for field in LIST_SECTIONS},
}
