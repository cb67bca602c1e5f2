"""Options of the pages' select boxes, under the access rules: units as a tree, periods, indicators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from baocao.web.accounts import access
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.periods.models import Period
from baocao.web.ui.labels import sector
from baocao.web.units.models import Unit


@dataclass(frozen=True)
class UnitOption:
    id: int
    code: str
    label: str  # "phường Tam Thanh", with "(đến 30/06/2025)" for a unit that no longer exists
    depth: int
    level: str
    current: bool

    @property
    def indented(self) -> str:
        return "\u2003" * self.depth + self.label


def unit_label(unit: Any) -> str:
    name = f"{unit.kind} {unit.name}"
    if unit.valid_to is not None and unit.valid_to < date.today():
        return name + " " + _("(đến %(day)s)") % {"day": date_format(unit.valid_to, "d/m/Y")}
    return name


def unit_tree(units: list[Unit]) -> list[UnitOption]:
    """Units in tree order (each under its parent, siblings by code), with their depth."""
    ids = {u.pk for u in units}
    children: dict[int | None, list[Unit]] = {}
    for u in units:
        children.setdefault(u.parent_id if u.parent_id in ids else None, []).append(u)
    out: list[UnitOption] = []

    def walk(parent: int | None, depth: int) -> None:
        for u in sorted(children.get(parent, []), key=lambda x: (x.code, x.valid_from or date.min)):
            out.append(UnitOption(u.pk, u.code, unit_label(u), depth, u.level, u.valid_to is None))
            walk(u.pk, depth + 1)

    walk(None, 0)
    return out


def visible_unit_options(user: Any, with_reports: bool = False) -> list[UnitOption]:
    qs = access.visible_units(user)
    if with_reports and user.is_superuser:
        # a superuser sees every province of the country: offer those that hold reports, and their units
        from baocao.web.reports.models import Report

        roots = {path.strip("/").split("/")[0] for path in
                 Report.objects.values_list("unit__path", flat=True).distinct()}
        qs = qs.filter(path__regex=r"^/(" + "|".join(sorted(roots)) + r")/") if roots else qs.none()
    return unit_tree(list(qs.only("id", "code", "name", "kind", "level", "parent_id", "valid_from", "valid_to")))


def month_periods(user: Any) -> list[Period]:
    """The months that hold a report the user may see, newest first."""
    from baocao.web.reports.models import Report

    has_report = Exists(access.filter_visible(Report.objects.filter(period=OuterRef("pk")), user))
    return list(Period.objects.filter(has_report, kind="month").order_by("-window_end"))


def indicator_groups(only_with_values: bool = True) -> list[tuple[str, list[Indicator]]]:
    """Active indicators grouped by sector (sector name, indicators), key indicators first in each."""
    qs = Indicator.objects.filter(active=True)
    if only_with_values:
        qs = qs.filter(Exists(IndicatorValue.objects.filter(indicator=OuterRef("pk"))))
    groups: dict[str, list[Indicator]] = {}
    for ind in qs.order_by("sector", "-key", "name"):
        groups.setdefault(ind.sector, []).append(ind)
    return [(sector(code), items) for code, items in groups.items()]
