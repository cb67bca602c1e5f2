"""Options of the pages' select boxes, under the access rules: units as a tree, periods, indicators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
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


# -- option lists as HTML: a province has hundreds of units, 225 indicators and 120 months, and the
# -- template engine spends tens of microseconds on each <option>; these build them in one pass.
def options_html(items: list[tuple[str, str]], selected: str | set[str] | None = None) -> SafeString:
    """`<option>`s of (value, label) pairs; `selected` is one value or a set of values."""
    chosen = selected if isinstance(selected, set) else {selected or ""}
    return mark_safe("".join(  # values and labels escaped here
        f'<option value="{escape(v)}"{" selected" if v in chosen else ""}>{escape(label)}</option>'
        for v, label in items))


def unit_options_html(units: list[UnitOption], selected: set[int] | int | None = None) -> SafeString:
    chosen = selected if isinstance(selected, set) else ({selected} if selected else set())
    return mark_safe("".join(  # labels escaped here
        f'<option value="{u.id}"{" selected" if u.id in chosen else ""}>{escape(u.indented)}</option>'
        for u in units))


def indicator_options_html(groups: list[tuple[str, list[Indicator]]], selected: str | None = None,
                           with_unit: bool = False) -> SafeString:
    out = []
    for sector_name, inds in groups:
        out.append(f'<optgroup label="{escape(sector_name)}">')
        for ind in inds:
            label = f"{ind.name} ({ind.display_unit})" if with_unit else ind.name
            mark = " selected" if ind.code == selected else ""
            out.append(f'<option value="{escape(ind.code)}"{mark}>{escape(label)}</option>')
        out.append("</optgroup>")
    return mark_safe("".join(out))  # names escaped above


def period_options(periods: list[Period]) -> list[tuple[str, str]]:
    from baocao.web.ui.templatetags.baocao_ui import period_label

    return [(p.code, period_label(p)) for p in periods]
