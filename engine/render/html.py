"""The page skeleton, stylesheet and building blocks of both HTML outputs: the assurance report
(`check --format html`) and the portfolio risk register (`register --format html`).

A page is one self-contained file: inline CSS, no script, no font, image or stylesheet from
anywhere, and a Content-Security-Policy that forbids loading anything should a string ever
slip through. Every piece of text is escaped here: callers pass plain strings, and only
values wrapped in `Html` (built by these helpers) are inserted as markup. Control and
invisible characters (ESC, NUL, C1 controls, bidi overrides, U+2028) are shown as visible
escapes (`\\x1b`, `\\u202e`), so no text can reorder or hide what the page says; line feeds
carriage returns and tabs stay (messages keep their lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape

from engine.render.text import inert_lines

#: the likelihood and impact scale of the manifest's risks (1-5 each)
SCALE = (1, 2, 3, 4, 5)

#: risk score bands (likelihood x impact), the usual 5x5 matrix: lowest, highest score, name
BANDS = ((1, 4, "low"), (5, 9, "medium"), (10, 16, "high"), (20, 25, "very high"))

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#0b0c0c;font:16px/1.45 system-ui,-apple-system,"Segoe UI",
Roboto,"Liberation Sans",Arial,sans-serif}
main{max-width:1400px;margin:0 auto;padding:24px}
h1{font-size:1.9rem;margin:0 0 .4rem}
h2{font-size:1.4rem;margin:2rem 0 .6rem;padding-top:.6rem;border-top:2px solid #b1b4b6}
h3{font-size:1.15rem;margin:1.4rem 0 .4rem}
p.lead{color:#505a5f;margin:0 0 1rem}
code{font-family:ui-monospace,"Liberation Mono",Menlo,Consolas,monospace;font-size:.88em}
code.digest{overflow-wrap:anywhere}
a{color:#1d70b8}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}
caption{text-align:left;font-weight:700;padding:.3rem 0}
th,td{border:1px solid #b1b4b6;padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#f3f2f1}
tbody th[scope=rowgroup]{background:#f8f8f8}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
.verdict{display:flex;flex-wrap:wrap;align-items:baseline;gap:.4rem 1rem;padding:.8rem 1rem;
margin:1rem 0;color:#fff;font-size:1.15rem;border-left:10px solid #0b0c0c}
.verdict strong{font-size:1.6rem;letter-spacing:.04em}
.v-pass{background:#00703c}
.v-fail{background:#d4351c}
.v-error{background:#4c2c92}
.badge{display:inline-block;padding:0 .4rem;border:1px solid currentColor;border-radius:3px;
font-size:.8rem;font-weight:700;text-transform:uppercase;white-space:nowrap}
.s-fail{color:#aa2a16}
.s-error{color:#4c2c92}
.s-warn{color:#8a4500}
.s-waived{color:#1d70b8}
.s-pass{color:#00703c}
.s-not_applicable,.s-unapproved{color:#505a5f}
.s-approved{color:#00703c}
.s-expired,.s-invalid,.s-missing{color:#aa2a16}
.s-ok{color:#00703c}
.msg{white-space:pre-line}
.id{white-space:nowrap}
ul.problems{color:#aa2a16}
table.heat{width:auto}
table.heat th[scope=row]{vertical-align:middle}
table.heat td{width:7rem;height:4.2rem;text-align:center;vertical-align:middle}
table.heat .score{display:block;font-size:.75rem;color:#383f43}
table.heat .what{display:block;font-weight:700;overflow-wrap:anywhere}
.heat-maps{display:flex;flex-wrap:wrap;gap:0 2rem}
.b-low{background:#cce2d8}
.b-medium{background:#fff7bf}
.b-high{background:#fcd6c3}
.b-very-high{background:#f6c4bd}
footer{margin-top:2rem;color:#505a5f;font-size:.85rem}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}tr,.verdict{break-inside:avoid}
.verdict,.b-low,.b-medium,.b-high,.b-very-high,thead th{-webkit-print-color-adjust:exact;
print-color-adjust:exact}a{color:inherit}}
"""


class Html(str):
    """Markup built by these helpers: inserted as it is, never escaped again."""

    def __add__(self, other: object) -> Html:
        return Html(str.__add__(self, text(other)))


def text(value: object) -> Html:
    """`value` as escaped text, or unchanged when it is already `Html`."""
    return value if isinstance(value, Html) else Html(_escaped(str(value)))


def _escaped(value: str) -> str:
    """`value` as HTML text: markup characters escaped, each line made inert."""
    return escape("\n".join(inert_lines(value, limit=None)), quote=True)


def join(parts: Iterable[object], separator: str = "") -> Html:
    """The parts (escaped unless `Html`) joined by `separator`, which is markup: a literal."""
    return Html(separator.join(text(part) for part in parts))


def element(tag: str, content: object = "", **attributes: str) -> Html:
    """`<tag attributes>content</tag>`; attribute names use `_` for `-` (and `class_`)."""
    rendered = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{_escaped(value)}"'
        for name, value in attributes.items()
    )
    return Html(f"<{tag}{rendered}>{text(content)}</{tag}>")


def page(title: str, body: Iterable[object], footer: str) -> str:
    """A complete, self-contained HTML document."""
    content = join([*body, element("footer", footer)], "\n")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{element('title', title)}\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<main>\n{content}\n</main>\n</body>\n</html>\n"
    )


def section(anchor: str, title: str, *content: object) -> Html:
    """A titled section of the page, labelled by its heading for screen readers."""
    heading = element("h2", title, id=f"{anchor}-title")
    body = join((heading, *content), "\n")
    return element("section", Html(f"\n{body}\n"), id=anchor, aria_labelledby=f"{anchor}-title")


def facts(items: Iterable[tuple[str, object]]) -> Html:
    """A definition list of label: value pairs."""
    entries = (element("dt", label) + element("dd", value) for label, value in items)
    return element("dl", join(entries), class_="facts")


def bullet_list(items: Iterable[object], class_: str = "") -> Html:
    listed = join(element("li", item) for item in items)
    return element("ul", listed, class_=class_) if class_ else element("ul", listed)


def badge(status: str) -> Html:
    """A status as text in a coloured frame, so colour is never the only signal."""
    return element("span", status.replace("_", " "), class_=f"badge s-{status}")


def code(value: object) -> Html:
    return element("code", value)


def digest(value: str) -> Html:
    """A hash, allowed to wrap anywhere (it has no natural break)."""
    return element("code", value, class_="digest")


def identifier(value: object) -> Html:
    """An id such as `PRA-R-001` or `DPIA-001`, never broken across lines at its hyphens."""
    return element("span", value, class_="id")


def link(label: str, href: str | None) -> Html:
    """A plain link when `href` is an http(s) URL (never `javascript:` and the like)."""
    if href and href.lower().startswith(("https://", "http://")):
        return element("a", label, href=href)
    return text(label)


def table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    numeric: Sequence[int] = (),
) -> Html:
    """A table whose first column heads each row; `numeric` columns are right-aligned."""
    return element("table", _caption(caption) + _head(headers) + _body(rows, numeric))


def grouped_table(
    caption: str,
    headers: Sequence[str],
    groups: Iterable[tuple[object, Iterable[Sequence[object]]]],
) -> Html:
    """A table in row groups, each headed by a full-width `<th scope=rowgroup>` row."""
    bodies = []
    for heading, rows in groups:
        first = element("th", heading, scope="rowgroup", colspan=str(len(headers)))
        bodies.append(Html(f"<tbody><tr>{first}</tr>{_rows(rows, ())}</tbody>"))
    return element("table", _caption(caption) + _head(headers) + join(bodies))


def _caption(caption: str) -> Html:
    return element("caption", caption)


def _head(headers: Sequence[str]) -> Html:
    cells = join(element("th", header, scope="col") for header in headers)
    return Html(f"<thead><tr>{cells}</tr></thead>")


def _body(rows: Iterable[Sequence[object]], numeric: Sequence[int]) -> Html:
    return Html(f"<tbody>{_rows(rows, numeric)}</tbody>")


def _rows(rows: Iterable[Sequence[object]], numeric: Sequence[int]) -> Html:
    rendered = []
    for row in rows:
        cells = [
            element("th" if index == 0 else "td", value, **_cell_attributes(index, numeric))
            for index, value in enumerate(row)
        ]
        rendered.append(Html(f"<tr>{join(cells)}</tr>"))
    return join(rendered)


def _cell_attributes(index: int, numeric: Sequence[int]) -> dict[str, str]:
    attributes = {"scope": "row"} if index == 0 else {}
    if index in numeric:
        attributes["class_"] = "num"
    return attributes


def band(score: int) -> str:
    """The band a likelihood x impact score falls in: low, medium, high or very high."""
    return next(name for _, highest, name in BANDS if score <= highest)


def heat_map(caption: str, cells: Mapping[tuple[int, int], object]) -> Html:
    """A 5x5 likelihood (rows, 5 at the top) by impact (columns) grid.

    `cells[(likelihood, impact)]` is what a cell shows (risk ids, or a count); every cell
    also states its score and band in words, so the colour is never the only signal.
    """
    head = _head(["Likelihood \\ Impact", *(f"Impact {impact}" for impact in SCALE)])
    rows = []
    for likelihood in reversed(SCALE):
        cells_html = join(
            _heat_cell(likelihood, impact, cells.get((likelihood, impact), "")) for impact in SCALE
        )
        row_head = element("th", f"Likelihood {likelihood}", scope="row")
        rows.append(Html(f"<tr>{row_head}{cells_html}</tr>"))
    body = Html(f"<tbody>{join(rows)}</tbody>")
    return element("table", _caption(caption) + head + body, class_="heat")


def _heat_cell(likelihood: int, impact: int, content: object) -> Html:
    score = likelihood * impact
    name = band(score)
    label = element("span", f"{score} {name}", class_="score")
    shown = element("span", content, class_="what") if content not in ("", 0) else ""
    return element("td", join([label, " ", shown]), class_=f"b-{name.replace(' ', '-')}")


def band_legend() -> Html:
    """What the heat map's bands mean."""
    items = [f"{name}: score {lowest}-{highest}" for lowest, highest, name in BANDS]
    return element("p", "Score = likelihood x impact. Bands: " + "; ".join(items) + ".")
