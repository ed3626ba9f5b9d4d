"""`segment --where`: a small filter language, parsed here and evaluated with vectorised pandas operations.

Nothing the user types is ever handed to ``eval``, ``DataFrame.query`` or
``exec``. The grammar::

    expr    := term ("or" term)*
    term    := factor ("and" factor)*
    factor  := "not" factor | "(" expr ")" | compare
    compare := value OP value | value ["not"] "in" "[" literal ("," literal)* "]"
    value   := column | literal          OP := == = != < <= > >=
    literal := number | 'text' | "text"

A syntax error names its position (1-based character) in the expression.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from ..errors import MessageError, Msg, msg

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<num>-?\d+(?:\.\d+)?)|
    (?P<str>'[^']*'|"[^"]*")|
    (?P<op>==|!=|<=|>=|<|>|=)|
    (?P<punct>[()\[\],])|
    (?P<name>[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*)
    )""",
    re.VERBOSE,
)
_OPS = {
    "==": operator.eq,
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
KEYWORDS = {"and", "or", "not", "in"}


class WhereError(MessageError):
    """A --where expression that does not parse; ``position`` is 1-based."""

    def __init__(self, position: int, template: str, **args: object):
        self.position = position
        super().__init__("at character {position}: {reason}", position=position, reason=Msg(template, args))


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    position: int


@dataclass(frozen=True)
class Node:
    kind: str  # or, and, not, cmp, in, notin, column, literal
    value: object = None
    children: tuple = ()


def tokenize(text: str) -> list[Token]:
    tokens, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            start = pos + len(text[pos:]) - len(text[pos:].lstrip())
            raise WhereError(start + 1, "unexpected {char}", char=repr(text[start]))
        kind = match.lastgroup or ""
        value = match.group(kind)
        start = match.start(kind)
        if kind == "name" and value.lower() in KEYWORDS:
            kind, value = "kw", value.lower()
        tokens.append(Token(kind, value, start + 1))
        pos = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self, kind: str, text: str | None = None) -> Token:
        token = self.peek()
        if token.kind != kind or (text is not None and token.text != text):
            wanted = repr(text) if text else {"end": msg("the end"), "name": msg("a column")}.get(kind, kind)
            found = msg("the end") if token.kind == "end" else repr(token.text)
            raise WhereError(token.position, "expected {wanted}, found {found}", wanted=wanted, found=found)
        self.i += 1
        return token

    def is_(self, kind: str, text: str | None = None) -> bool:
        token = self.peek()
        return token.kind == kind and (text is None or token.text == text)

    def chain(self, keyword: str, operand) -> Node:
        """``operand (keyword operand)*``, grouped from the left."""
        node = operand()
        while self.is_("kw", keyword):
            self.i += 1
            node = Node(keyword, children=(node, operand()))
        return node

    def expr(self) -> Node:
        return self.chain("or", self.term)

    def term(self) -> Node:
        return self.chain("and", self.factor)

    def factor(self) -> Node:
        if self.is_("kw", "not"):
            self.i += 1
            return Node("not", children=(self.factor(),))
        if self.is_("punct", "("):
            self.i += 1
            node = self.expr()
            self.take("punct", ")")
            return node
        return self.compare()

    def value(self) -> Node:
        token = self.peek()
        if token.kind == "name":
            self.i += 1
            return Node("column", token.text, (token.position,))
        return self.literal()

    def literal(self) -> Node:
        token = self.peek()
        if token.kind == "num":
            self.i += 1
            return Node("literal", float(token.text))
        if token.kind == "str":
            self.i += 1
            return Node("literal", token.text[1:-1])
        found = msg("the end") if token.kind == "end" else repr(token.text)
        raise WhereError(token.position, "expected a column, a number or 'text', found {found}", found=found)

    def compare(self) -> Node:
        left = self.value()
        negate = False
        if self.is_("kw", "not"):
            self.i += 1
            negate = True
            if not self.is_("kw", "in"):
                raise WhereError(self.peek().position, "expected 'in' after 'not'")
        if self.is_("kw", "in"):
            self.i += 1
            self.take("punct", "[")
            items = [self.literal().value]
            while self.is_("punct", ","):
                self.i += 1
                items.append(self.literal().value)
            self.take("punct", "]")
            return Node("notin" if negate else "in", tuple(items), (left,))
        token = self.take("op")
        return Node("cmp", token.text, (left, self.value()))


def parse_where(text: str) -> Node:
    """The expression's tree; raises :class:`WhereError` naming the position of the first problem."""
    if len(text) > 2000:
        raise WhereError(2001, "the expression is longer than 2,000 characters")
    parser = _Parser(text)
    node = parser.expr()
    parser.take("end")
    return node


def columns_of(node: Node) -> list[tuple[str, int]]:
    """Every column the expression names, with its position."""
    if node.kind == "column":
        return [(str(node.value), node.children[0])]
    found: list[tuple[str, int]] = []
    for child in node.children:
        if isinstance(child, Node):
            found += columns_of(child)
    return found


def evaluate(node: Node, frame):
    """A boolean Series over ``frame`` (or a scalar for a literal)."""
    kind = node.kind
    if kind == "column":
        return frame[node.value]
    if kind == "literal":
        return node.value
    if kind == "or":
        return evaluate(node.children[0], frame) | evaluate(node.children[1], frame)
    if kind == "and":
        return evaluate(node.children[0], frame) & evaluate(node.children[1], frame)
    if kind == "not":
        return ~evaluate(node.children[0], frame)
    if kind in ("in", "notin"):
        assert isinstance(node.value, tuple)
        hit = evaluate(node.children[0], frame).isin(list(node.value))
        return ~hit if kind == "notin" else hit
    left, right = (evaluate(child, frame) for child in node.children)
    result = _OPS[str(node.value)](left, right)
    if not hasattr(result, "dtype"):
        raise TypeError("a comparison must name at least one column")
    return result
