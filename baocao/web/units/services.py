"""Units: CSV import and export, lineage, resolving a code or a printed name to a unit."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from baocao.errors import InputError
from baocao.text.normalize import fold, nfc
from baocao.web.units.models import LEVEL_RANK, Lineage, Unit

UNIT_COLUMNS = ("code", "name", "kind", "parent_code", "valid_from", "valid_to")
LINEAGE_COLUMNS = ("unit_code", "predecessor_code", "share", "kind", "date")
DISTRICT_KINDS = {"huyen", "thi xa", "quan"}
COMMUNE_KINDS = {"xa", "phuong", "thi tran", "dac khu"}
LEVEL_WORDS = {"province": "province", "tinh": "province", "district": "district", "huyen": "district",
               "commune": "commune", "xa": "commune"}


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int


def parse_date(text: str, where: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{where}: ngày «{text}» không hợp lệ (dạng YYYY-MM-DD, để trống nếu không giới hạn).") from None


def infer_level(kind: str, has_parent: bool) -> str:
    k = fold(kind).strip()
    if not has_parent:
        return "province"
    if k in DISTRICT_KINDS or k == "thanh pho":
        return "district"
    return "commune"


def _rows(text: str, required: tuple[str, ...], what: str) -> list[tuple[int, dict[str, str]]]:
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(
            f"Tệp {what} thiếu cột {', '.join(missing)} (cần tiêu đề: {','.join(required)})."
        )
    reader.fieldnames = header
    return [(n, {k: nfc((v or "").strip()) for k, v in row.items() if k}) for n, row in enumerate(reader, start=2)]


def _overlaps(unit: Unit, start: date | None, end: date | None) -> bool:
    lo = max(unit.valid_from or date.min, start or date.min)
    hi = min(unit.valid_to or date.max, end or date.max)
    return lo <= hi


@transaction.atomic
def import_units(text: str, actor: str = "cli") -> ImportSummary:
    """Create or update units from CSV `code,name,kind,parent_code,valid_from,valid_to[,level]`."""
    from baocao.web.audit.services import record

    rows = _rows(text, UNIT_COLUMNS, "đơn vị")
    parsed = []
    seen: set[tuple[str, date | None]] = set()
    for n, row in rows:
        where = f"Dòng {n}"
        code, name, kind = row["code"], row["name"], row["kind"]
        if not code or not name or not kind:
            raise InputError(f"{where}: cần có mã (code), tên (name) và loại (kind) của đơn vị.")
        start, end = parse_date(row["valid_from"], where), parse_date(row["valid_to"], where)
        if start and end and start > end:
            raise InputError(f"{where}: ngày bắt đầu hiệu lực {start} sau ngày hết hiệu lực {end}.")
        if (code, start) in seen:
            raise InputError(f"{where}: đơn vị mã {code} hiệu lực từ {start or '(không giới hạn)'} bị lặp.")
        seen.add((code, start))
        level_text = fold(row.get("level", "")).strip()
        if level_text and level_text not in LEVEL_WORDS:
            raise InputError(f"{where}: cấp «{row['level']}» không hợp lệ (province, district hoặc commune).")
        level = LEVEL_WORDS[level_text] if level_text else infer_level(kind, bool(row["parent_code"]))
        parsed.append((where, code, name, kind, level, row["parent_code"], start, end))

    existing = {(u.code, u.valid_from): u for u in Unit.objects.all()}
    created = updated = unchanged = 0
    units: list[tuple[Unit, str, str]] = []
    for where, code, name, kind, level, parent_code, start, end in parsed:
        unit = existing.get((code, start))
        if unit is None:
            unit = Unit(code=code, name=name, kind=kind, level=level, valid_from=start, valid_to=end)
            unit.save()
            existing[(code, start)] = unit
            created += 1
            record(actor, "unit.create", unit, new={"name": name, "kind": kind, "level": level}, unit=unit)
        else:
            old = {"name": unit.name, "kind": unit.kind, "level": unit.level, "valid_to": unit.valid_to}
            new = {"name": name, "kind": kind, "level": level, "valid_to": end}
            if old != new:
                for key, value in new.items():
                    setattr(unit, key, value)
                unit.save()
                updated += 1
                record(actor, "unit.update", unit, old=old, new=new, unit=unit)
            else:
                unchanged += 1
        units.append((unit, parent_code, where))

    by_code: dict[str, list[Unit]] = {}
    for unit in existing.values():
        by_code.setdefault(unit.code, []).append(unit)
    for unit, parent_code, where in units:
        parent = None
        if parent_code:
            candidates = [p for p in by_code.get(parent_code, []) if _overlaps(p, unit.valid_from, unit.valid_to)]
            if not candidates:
                raise InputError(f"{where}: không tìm thấy đơn vị cấp trên mã {parent_code} còn hiệu lực cùng thời gian.")
            parent = max(candidates, key=lambda p: p.valid_from or date.min)
            if LEVEL_RANK[parent.level] >= LEVEL_RANK[unit.level]:
                raise InputError(f"{where}: đơn vị cấp trên {parent} không ở cấp cao hơn {unit}.")
        if unit.parent_id != (parent.pk if parent else None):
            if unit.parent_id is not None:
                record(actor, "unit.move", unit, old={"parent": unit.parent.code},
                       new={"parent": parent.code if parent else None}, unit=unit)
            unit.parent = parent
            unit.save()
    rebuild_paths()
    return ImportSummary(created, updated, unchanged)


def resolve(code: str, on: date | None = None) -> Unit:
    """The unit with `code` (valid on `on` when codes were reused); InputError when none or ambiguous."""
    code = code.strip()
    units = list(Unit.objects.filter(code=code))
    if not units:
        raise InputError(f"Không có đơn vị mã «{code}» (nhập danh sách bằng `baocao units import`).")
    if len(units) == 1:
        return units[0]
    if on is not None:
        valid = [u for u in units if u.valid_on(on)]
        if len(valid) == 1:
            return valid[0]
    current = [u for u in units if u.valid_to is None or u.valid_to >= (on or date.today())]
    if len(current) == 1:
        return current[0]
    listing = "; ".join(f"{u} {u.valid_from or '…'}→{u.valid_to or '…'}" for u in units)
    raise InputError(f"Mã «{code}» dùng cho nhiều đơn vị theo thời gian ({listing}); cần kỳ báo cáo để chọn.")


def match_name(kind: str | None, name: str, level: str | None, dates: Iterable[date | None],
               within: Iterable[int] | None = None) -> list[Unit]:
    """Units whose kind and name match what a report prints (diacritics and case folded).

    `dates` are tried in order (issue date, end of the data window, …): the first that
    leaves exactly one candidate decides. `within` limits the search to these unit ids.
    """
    qs = Unit.objects.filter(name_folded=fold(name).strip())
    if kind:
        qs = qs.filter(kind_folded=fold(kind).strip())
    if level:
        qs = qs.filter(level=level)
    if within is not None:
        qs = qs.filter(pk__in=list(within))
    candidates = list(qs)
    if len(candidates) <= 1:
        return candidates
    for day in dates:
        if day is None:
            continue
        valid = [u for u in candidates if u.valid_on(day)]
        if len(valid) == 1:
            return valid
        if valid:
            candidates = valid
    return candidates


def children_on(unit: Unit, day: date) -> list[Unit]:
    return [u for u in unit.children.all() if u.valid_on(day)]


def predecessors(unit: Unit, transitive: bool = False) -> list[tuple[Unit, float, Lineage]]:
    """Units `unit` was formed from, with the share of each (products of shares when transitive)."""
    out: list[tuple[Unit, float, Lineage]] = []
    frontier: list[tuple[Unit, float]] = [(unit, 1.0)]
    seen = {unit.pk}
    while frontier:
        current, weight = frontier.pop()
        for link in Lineage.objects.filter(unit=current).select_related("predecessor"):
            pred = link.predecessor
            out.append((pred, weight * link.share, link))
            if transitive and pred.pk not in seen:
                seen.add(pred.pk)
                frontier.append((pred, weight * link.share))
    return out


def successors(unit: Unit) -> list[tuple[Unit, float, Lineage]]:
    return [(link.unit, link.share, link) for link in Lineage.objects.filter(predecessor=unit).select_related("unit")]


@transaction.atomic
def import_lineage(text: str, actor: str = "cli") -> ImportSummary:
    """Lineage from CSV `unit_code,predecessor_code,share,kind,date` (share 0–1, default 1)."""
    from baocao.web.audit.services import record

    rows = _rows(text, ("unit_code", "predecessor_code"), "kế thừa")
    kinds = {k for k, _ in Lineage._meta.get_field("kind").choices}
    created = updated = unchanged = 0
    for n, row in rows:
        where = f"Dòng {n}"
        day = parse_date(row.get("date", ""), where)
        share_text = row.get("share", "").replace(",", ".") or "1"
        try:
            share = float(share_text)
        except ValueError:
            raise InputError(f"{where}: tỷ lệ «{row.get('share')}» không phải là số (0 < tỷ lệ ≤ 1).") from None
        if not 0 < share <= 1:
            raise InputError(f"{where}: tỷ lệ {share:g} phải lớn hơn 0 và không quá 1.")
        kind = row.get("kind", "") or "merge"
        if kind not in kinds:
            raise InputError(f"{where}: hình thức «{kind}» không hợp lệ ({', '.join(sorted(kinds))}).")
        try:
            unit = resolve(row["unit_code"], day)
            pred = resolve(row["predecessor_code"], day - timedelta(days=1) if day else None)
        except InputError as exc:
            raise InputError(f"{where}: {exc.message}") from None
        if unit.pk == pred.pk:
            raise InputError(f"{where}: một đơn vị không thể kế thừa chính nó ({unit.code}).")
        link, was_created = Lineage.objects.get_or_create(
            unit=unit, predecessor=pred, defaults={"share": share, "kind": kind, "date": day}
        )
        if was_created:
            created += 1
            record(actor, "lineage.create", link, new={"share": share, "kind": kind}, unit=unit)
        elif (link.share, link.kind, link.date) != (share, kind, day):
            old = {"share": link.share, "kind": link.kind, "date": link.date}
            link.share, link.kind, link.date = share, kind, day
            link.save()
            updated += 1
            record(actor, "lineage.update", link, old=old, new={"share": share, "kind": kind, "date": day}, unit=unit)
        else:
            unchanged += 1
    return ImportSummary(created, updated, unchanged)


def export_units(units: Iterable[Unit] | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*UNIT_COLUMNS, "level"])
    qs = units if units is not None else Unit.objects.select_related("parent").order_by("path")
    for u in qs:
        writer.writerow([u.code, u.name, u.kind, u.parent.code if u.parent else "",
                         u.valid_from or "", u.valid_to or "", u.level])
    return out.getvalue()


def export_lineage() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LINEAGE_COLUMNS)
    for link in Lineage.objects.select_related("unit", "predecessor"):
        writer.writerow([link.unit.code, link.predecessor.code, f"{link.share:g}", link.kind, link.date or ""])
    return out.getvalue()


def rebuild_paths() -> int:
    """Recompute every unit's `path` from the parent links; returns how many changed."""
    units = {u.pk: u for u in Unit.objects.only("id", "parent_id", "path")}
    paths: dict[int, str] = {}

    def path_of(pk: int, depth: int = 0) -> str:
        if pk in paths:
            return paths[pk]
        if depth > 20:
            raise InputError("Quan hệ cấp trên của các đơn vị bị vòng lặp.")
        parent = units[pk].parent_id
        paths[pk] = (path_of(parent, depth + 1) if parent else "/") + f"{pk}/"
        return paths[pk]

    changed = []
    for pk, unit in units.items():
        if path_of(pk) != unit.path:
            unit.path = paths[pk]
            changed.append(unit)
    Unit.objects.bulk_update(changed, ["path"], batch_size=500)
    return len(changed)
