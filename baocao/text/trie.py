"""A regex for many literal strings at once: a character trie that matches the longest string
at a position (what an alternation ordered longest first matches), many times faster."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]  # a trie node: next character → node ("" marks an end)


def trie_pattern(strings: Iterable[str]) -> str:
    """A regex body matching the longest of `strings` at a position: shared prefixes are tried
    once, and a longer continuation before the end of a shorter string (so backtracking over a
    failed boundary after it gives the next longest). "" when there are no strings."""
    root: _Node = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a string ends here: longer ones first, then this one
            return f"(?:{body})?" if len(alts) == 1 else body + "?"
        return body

    return emit(root)
