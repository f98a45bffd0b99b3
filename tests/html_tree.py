"""A small HTML tree for tests, built with the standard library's parser.

`parse(page)` fails the test unless every element is closed in the right order (the pages
we write are well-formed HTML: no reliance on implied end tags), then lets a test find
elements by tag and attributes and read their text the way a reader would see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
#: elements a browser lays out apart from their neighbours: their text is kept apart too
BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "td",
        "th",
        "tr",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "caption",
        "section",
        "table",
        "ul",
        "dl",
        "br",
    ]
)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """The text inside, whitespace collapsed."""
        return " ".join("".join(self._texts()).split())

    def _texts(self):
        for child in self.children:
            if isinstance(child, str):
                yield child
            else:
                apart = " " if child.tag in BLOCKS else ""
                yield apart
                yield from child._texts()
                yield apart

    def elements(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.elements()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Descendants with this tag (any, when None) whose attributes include `attrs`
        (`class_` for class; a class matches when it is one of the element's classes)."""
        return [node for node in self.elements() if node._matches(tag, attrs)]

    def find(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'}> with {attrs}"
        return found[0]

    def _matches(self, tag: str | None, attrs: dict[str, str]) -> bool:
        if tag is not None and self.tag != tag:
            return False
        for name, value in attrs.items():
            name = name.rstrip("_").replace("_", "-")
            actual = self.attrs.get(name)
            if name == "class" and actual is not None:
                if value not in actual.split():
                    return False
            elif actual != value:
                return False
        return True


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1].tag}> at {self.getpos()}")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    """The document's tree; fails on a mis-nested or unclosed element."""
    builder = _Builder()
    builder.feed(page)
    builder.close()
    unclosed = [node.tag for node in builder.stack[1:]]
    assert not builder.problems, builder.problems
    assert not unclosed, f"unclosed elements: {unclosed}"
    return builder.root


def external_loads(page: str) -> list[str]:
    """Everything in a page that would make a browser fetch something: scripts, style
    sheets, imports, `url(...)`, and any `src`/`href` except a plain link's `href`."""
    lowered = page.lower()
    found = [
        marker
        for marker in ("<script", "<link", "@import", "url(", "<iframe", "<object", "<embed")
        if marker in lowered
    ]
    for node in parse(page).elements():
        for name, value in node.attrs.items():
            if name in ("src", "srcset", "poster", "data", "action", "formaction"):
                found.append(f"<{node.tag} {name}={value}>")
            if name == "href" and node.tag != "a":
                found.append(f"<{node.tag} href={value}>")
    return found
