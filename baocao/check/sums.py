"""Rules: parts against their whole — breakdowns, carried-over + new, shares against 100 %."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from baocao.check.common import Report, finding, half_unit, show, show_percent
from baocao.check.model import Finding
from baocao.extract.model import Fact


def part_whole(report: Report) -> Iterator[Finding]:
    """Breakdowns ("trong đó", parentheses, footnotes) must add up to their total."""
    parts: dict[str, list[Fact]] = defaultdict(list)
    for f in report.facts:
        for rel in f.relations:
            if rel.kind == "part_of" and rel.target in report.by_id:
                parts[rel.target].append(f)
    for total_id, items in parts.items():
        total = report.by_id[total_id]
        tolerance = half_unit(total) + sum(half_unit(p) for p in items) + 1e-9
        if len(items) == 1:
            part = items[0]
            if part.value > total.value + tolerance:
                yield finding(
                    report, "part_exceeds_total", "error",
                    f"Thành phần {part.raw} lớn hơn số tổng {total.raw}.",
                    [total, part], "part_whole",
                )
            continue
        prefixes = [items[: i + 1] for i in range(1, len(items))]
        if any(abs(sum(p.value for p in pre) - total.value) <= tolerance for pre in prefixes):
            continue  # the first parts make the whole; later ones classify it another way
        if prefixes:
            # report the list whose sum comes closest to the total
            chosen = min(prefixes, key=lambda pre: abs(sum(p.value for p in pre) - total.value))
            parts_sum = sum(p.value for p in chosen)
            if abs(parts_sum - total.value) > tolerance:
                items = chosen
                listed = " + ".join(show(p.value, p) for p in items)
                yield finding(
                    report, "sum_mismatch", "error",
                    f"Tổng các thành phần ({listed} = {show(parts_sum, total)}) khác số tổng {total.raw}.",
                    [total, *items], "part_whole",
                    suggestion=f"Nếu các thành phần đúng, số tổng phải là {show(parts_sum, total)}; "
                    f"nếu số tổng đúng, các thành phần đang lệch {show(abs(parts_sum - total.value), total)}.",
                    expected=parts_sum, actual=total.value,
                )


def carried_over(report: Report) -> Iterator[Finding]:
    """Carried over from last period + newly received = total processed."""
    for f in report.facts:
        total = report.target(f, "carried_over_of")
        if total is None:
            continue
        new = next((n for n in report.facts if any(r.kind == "new_of" and r.target == total.id for r in n.relations)), None)
        if new is None:
            continue
        expected = f.value + new.value
        tolerance = half_unit(total) + half_unit(f) + half_unit(new) + 1e-9
        if abs(expected - total.value) > tolerance:
            yield finding(
                report, "carry_over_mismatch", "error",
                f"Số chuyển sang {f.raw} cộng số tiếp nhận mới {new.raw} bằng {show(expected, total)}, "
                f"khác tổng số {total.raw}.",
                [total, f, new], "carried_over",
                suggestion=f"Tổng số phải là {show(expected, total)}.", expected=expected, actual=total.value,
            )


def shares_sum(report: Report) -> Iterator[Finding]:
    """The shares (%) of the parts of one whole, when all parts carry one, add up to 100 %."""
    by_whole: dict[str, list[Fact]] = defaultdict(list)
    parts_of: dict[str, set[str]] = defaultdict(set)
    for f in report.facts:
        for rel in f.relations:
            if rel.kind == "part_of":
                parts_of[rel.target].add(f.id)
    for f in report.facts:
        for rel in f.relations:
            if rel.kind == "share_of" and rel.other:
                by_whole[rel.other].append(f)
    for whole, shares in by_whole.items():
        covered = {report.target(s, "share_of").id for s in shares if report.target(s, "share_of")}  # type: ignore[union-attr]
        if len(shares) < 2 or not parts_of[whole] or not parts_of[whole] <= covered:
            continue
        total = sum(s.value for s in shares)
        tolerance = sum(0.5 * 10 ** (-s.decimals) for s in shares) + 1e-9
        if abs(total - 100) > tolerance:
            yield finding(
                report, "shares_not_100", "warning",
                f"Các tỷ lệ thành phần cộng lại được {show_percent(total, max(s.decimals for s in shares))}, không phải 100%.",
                shares, "shares_sum", expected=100.0, actual=total,
            )
