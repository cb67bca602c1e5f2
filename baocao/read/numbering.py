"""Rendered labels of Word's automatic list numbering ("1.", "1.2.", "a)", "II.")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in node.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl") or 0)
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[ilvl] = _Level(
                    fmt=(fmt.get(f"{W}val") if fmt is not None else None) or "decimal",
                    text=(text.get(f"{W}val") if text is not None else None) or "",
                    start=int((start.get(f"{W}val") if start is not None else None) or 1),
                )
            abstract[node.get(f"{W}abstractNumId") or ""] = levels
        out = cls()
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                out.levels[num.get(f"{W}numId") or ""] = abstract.get(ref.get(f"{W}val") or "", {})
        return out

    def label(self, p: Any) -> str:
        ppr = p.find(f"{W}pPr")
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is None:
            return ""
        num_id_el = numpr.find(f"{W}numId")
        ilvl_el = numpr.find(f"{W}ilvl")
        num_id = num_id_el.get(f"{W}val") if num_id_el is not None else None
        ilvl = int((ilvl_el.get(f"{W}val") if ilvl_el is not None else None) or 0)
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id or "", [0] * 9)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl].start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        text = levels[ilvl].text
        if levels[ilvl].fmt == "bullet":
            return "-"
        for i in range(ilvl + 1):
            level = levels.get(i, _Level())
            value = counters[i] or level.start
            text = text.replace(f"%{i + 1}", format_number(value, level.fmt))
        return text.strip()
