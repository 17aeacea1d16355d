"""A ruamel.yaml loader with bounded aliases and depth, for every YAML file envsync reads.

ruamel.yaml shares an aliased node instead of copying it, so loading an alias bomb
(``a: &a [x, x]``, ``b: &b [*a, *a]``, … nine levels) is cheap, but anything that walks
the result (turning it into plain data, ``json.dumps`` of a health check body) expands it
to billions of nodes. The composer here counts, at each alias, how many nodes it stands
for, and refuses the file past :data:`MAX_ALIAS_NODES`, naming the alias's line. A
recursive alias (a node that contains itself) is refused too.

Flow nesting (``[[[[…``) is checked on the text before ruamel sees it: its scanner looks
ahead over every open bracket at every token, quadratic in the depth (1,000 brackets take
3 s, a 1 MiB file would take hours).
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.error import MarkedYAMLError, StringMark, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, SequenceNode

__all__ = ["MAX_ALIAS_NODES", "MAX_YAML_DEPTH", "AliasLimitError", "UnloadableYAMLError",
           "bounded_yaml", "check_nesting"]

MAX_ALIAS_NODES = 100_000
"""Nodes that all aliases of one document may stand for, together (a compose file with
anchors merged into 200 services stays far below)."""
MAX_YAML_DEPTH = 100
"""Nesting levels of a YAML document."""


class AliasLimitError(ComposerError):
    """A document whose aliases stand for too many nodes or for themselves, or that nests
    too deep."""


class _BoundedComposer(Composer):
    """ruamel's composer, counting what each alias stands for (see the module docstring)."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        # A reused anchor is valid YAML (the later one wins); ruamel's warning about it is
        # seven lines on stderr, where envsync promises one line.
        self.warn_double_anchors = False
        self._sizes: dict[int, int] = {}
        self._expanded = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.parser.check_event(AliasEvent):
            return super().compose_node(parent, index)
        mark = self.parser.peek_event().start_mark
        node = super().compose_node(parent, index)
        if getattr(node, "end_mark", True) is None:  # an anchor still open: itself inside
            raise AliasLimitError(None, None, "recursive alias (a node that contains itself)",
                                  mark)
        self._expanded += self._size(node)
        if self._expanded > MAX_ALIAS_NODES:
            raise AliasLimitError(
                None, None, f"aliases stand for more than {MAX_ALIAS_NODES:,} nodes "
                "(an alias bomb?); write the values out or use fewer aliases", mark)
        return node

    def _size(self, node: Any) -> int:
        """Nodes ``node`` stands for when expanded (memoised: shared nodes count once
        each time they are reached, computed once)."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, SequenceNode):
            size = 1 + sum(self._size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            size = 1 + sum(self._size(k) + self._size(v) for k, v in node.value)
        else:
            size = 1
        self._sizes[id(node)] = size
        return size


_BRACKET = re.compile(r"[\[\]{}]")


def check_nesting(text: str) -> None:
    """Refuse more than MAX_YAML_DEPTH open brackets. Brackets inside strings and comments
    count too: a file would need a hundred unclosed ones in its text to be refused wrongly."""
    depth = 0
    for match in _BRACKET.finditer(text):
        if match[0] in "[{":
            depth += 1
            if depth > MAX_YAML_DEPTH:
                line = text.count("\n", 0, match.start())
                mark = StringMark(None, match.start(), line, 0, text, match.start())
                raise AliasLimitError(None, None, f"nested deeper than {MAX_YAML_DEPTH} levels",
                                      mark)
        elif depth:
            depth -= 1


class UnloadableYAMLError(MarkedYAMLError):
    """YAML that parses but that ruamel.yaml cannot turn into data (e.g. a mapping used as
    a mapping key: ``? {a: 1} : x``), where ruamel raises a TypeError of its own."""


class _BoundedYAML(YAML):
    def load(self, stream: Any) -> Any:
        if isinstance(stream, str):
            check_nesting(stream)
        try:
            return super().load(stream)
        except YAMLError:
            raise
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
            raise UnloadableYAMLError(
                None, None, f"ruamel.yaml cannot load it ({type(exc).__name__}: {exc}); "
                "is a mapping or a list used as a key?", None) from None


def bounded_yaml(typ: str = "rt") -> YAML:
    """A pure-Python ``YAML(typ=typ)`` whose loads refuse alias bombs, recursive aliases and
    nesting past MAX_YAML_DEPTH with a YAMLError carrying the line (``problem_mark``)."""
    yaml = _BoundedYAML(typ=typ, pure=True)
    yaml.Composer = _BoundedComposer
    yaml.max_depth = MAX_YAML_DEPTH
    return yaml
