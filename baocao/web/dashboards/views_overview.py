"""The overview of a province (or any unit with units under it).

- a matrix of units × months: sent on time, late, draft, missing, not yet due — judged against
  the due dates the province configured (`periods.services.due_date`), with the date the report
  carries (or, when it prints none, the day it was submitted here);
- a ranking of the units on one indicator for one period, with a bar chart;
- every unit and every cell leads on: to the unit's dashboard, to the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from baocao.web.accounts import access
from baocao.web.dashboards.views import key_indicators, month_label, visible_unit_or_404
from baocao.web.indicators import queries
from baocao.web.indicators.display import to_display
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.periods.models import Period
from baocao.web.periods.services import due_date, due_rules
from baocao.web.reports.models import Report
from baocao.web.ui.choices import indicator_groups, indicator_options_html, unit_label
from baocao.web.units.models import Unit

MONTHS = 12


@dataclass(frozen=True)
class Cell:
    state: str  # on_time | late | draft | missing | pending | na
    report_id: int | None = None
    due: date | None = None
    sent: date | None = None
    days_late: int = 0


class CellText:
    """A cell as HTML, built here rather than in the template: a province has thousands of cells,
    and the template engine spends ~0.2 ms on each (translations looked up once per page here)."""

    def __init__(self) -> None:
        self.late = _("gửi %(d)s, trễ %(n)s ngày (hạn %(due)s)")
        self.sent = _("gửi %(d)s (hạn %(due)s)")
        self.draft = _("bản nháp, chưa gửi")
        self.missing = _("chưa có báo cáo, hạn %(due)s")
        self.pending = _("hạn %(due)s")

    def html(self, c: Cell) -> str:
        due = c.due.strftime("%d/%m/%Y") if c.due else ""
        sent = c.sent.strftime("%d/%m/%Y") if c.sent else "?"
        if c.report_id:
            if c.state == "late":
                title, mark = self.late % {"d": sent, "n": c.days_late, "due": due}, "!"
            elif c.state == "draft":
                title, mark = self.draft, "…"
            else:
                title, mark = self.sent % {"d": sent, "due": due}, "✓"
            inner = f'<a href="/bao-cao/{c.report_id}/" title="{escape(title)}">{mark}</a>'
        elif c.state == "missing":
            inner = f'<span title="{escape(self.missing % {"due": due})}">✗</span>'
        elif c.state == "pending":
            inner = f'<span title="{escape(self.pending % {"due": due})}">○</span>'
        else:
            inner = '<span aria-hidden="true">·</span>'
        return f'<td class="m {c.state}">{inner}</td>'


def month_codes(end_year: int, end_month: int, count: int) -> list[str]:
    y, m = end_year, end_month
    out = []
    for _step in range(count):
        out.append(f"{y}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def window(unit: Unit, end_code: str | None) -> list[Period]:
    """Twelve months ending with `end_code`, or with the latest month holding a report under `unit`."""
    end = Period.objects.filter(kind="month", code=end_code).first() if end_code else None
    if end is None:
        latest = (Report.objects.filter(unit__path__startswith=unit.path, period__kind="month")
                  .select_related("period").order_by("-period__window_end").first())
        end = latest.period if latest else None
    if end is None:
        return []
    codes = month_codes(end.year, end.last_month, MONTHS)
    stored = {p.code: p for p in Period.objects.filter(kind="month", code__in=codes)}
    out = []
    for code in codes:
        if code in stored:
            out.append(stored[code])
        else:  # no report of that month anywhere: the month still has a due date
            y, m = (int(x) for x in code.split("-"))
            out.append(Period(code=code, kind="month", year=y, month=m, first_month=m, last_month=m,
                              window_start=date(y - 1, 12, 15) if m == 1 else date(y, m - 1, 15),
                              window_end=date(y, m, 14), label=""))
    return out


def matrix(user: Any, unit: Unit, periods: list[Period], include_old: bool) -> tuple[list[dict[str, Any]], list[dict[str, int]]]:
    first, last = periods[0].window_start, periods[-1].window_end
    units = [u for u in access.visible_units(user).filter(path__startswith=unit.path)
             if (u.valid_from is None or u.valid_from <= last) and (u.valid_to is None or u.valid_to >= first)
             and (include_old or u.valid_to is None or u.valid_to >= last)]
    units.sort(key=lambda u: (u.pk != unit.pk, u.level != "district", u.code))
    province = unit.province()
    rules = due_rules(province.pk if province else None)
    text = CellText()
    reports = {(r["unit_id"], r["period_id"]): r for r in Report.objects.filter(
        unit__in=units, period__in=[p.pk for p in periods if p.pk], doc_type="report")
        .values("id", "unit_id", "period_id", "status", "issued_on", "submitted_at")}
    today = timezone.localdate()
    dues: dict[tuple[str, str], date] = {}
    rows = []
    totals = [{"on_time": 0, "late": 0, "draft": 0, "missing": 0, "pending": 0, "na": 0} for _ in periods]
    for u in units:
        cells = []
        for i, p in enumerate(periods):
            if not ((u.valid_from is None or u.valid_from <= p.window_end) and
                    (u.valid_to is None or u.valid_to >= p.window_end)):
                cells.append(Cell("na"))
                totals[i]["na"] += 1
                continue
            key = (u.level, p.code)
            if key not in dues:
                dues[key] = due_date(u.level, p, province.pk if province else None, rules)
            due = dues[key]
            r = reports.get((u.pk, p.pk)) if p.pk else None
            if r is None:
                cell = Cell("missing" if today > due else "pending", due=due)
            else:
                sent = r["issued_on"] or (timezone.localtime(r["submitted_at"]).date() if r["submitted_at"] else None)
                if r["status"] == "draft":
                    cell = Cell("draft", r["id"], due, sent)
                elif sent is not None and sent > due:
                    cell = Cell("late", r["id"], due, sent, (sent - due).days)
                else:
                    cell = Cell("on_time", r["id"], due, sent)
            totals[i][cell.state] += 1
            cells.append(cell)
        rows.append({"unit": u, "label": unit_label(u), "cells": cells, "self": u.pk == unit.pk,
                     "html": mark_safe("".join(text.html(c) for c in cells))})  # titles escaped in CellText
    for t in totals:
        t["sent"] = t["on_time"] + t["late"]
        t["expected"] = t["sent"] + t["draft"] + t["missing"]
    return rows, totals


def ranking_context(user: Any, unit: Unit, request: HttpRequest, periods: list[Period]) -> dict[str, Any]:
    stored = [p for p in periods if p.pk]
    period = next((p for p in stored if p.code == request.GET.get("ky")), stored[-1] if stored else None)
    level = request.GET.get("cap", "commune")
    level = level if level in ("commune", "district") else "commune"
    if period is None:
        return {"rank_points": []}
    code = request.GET.get("chi-tieu", "")
    ind = Indicator.objects.filter(code=code, active=True).first() if code else None
    if ind is None:  # the first key indicator the units report for that period
        under = IndicatorValue.objects.filter(period=period, unit__path__startswith=unit.path, unit__level=level)
        ind = next((i for i in key_indicators(level) if under.filter(indicator=i).exists()), None)
    if ind is None:
        return {"rank_points": [], "rank_period": period, "rank_level": level,
                "indicator_options": indicator_options_html(indicator_groups()), "rank_periods": stored[::-1]}
    points = [p for p in queries.ranking(ind, period, user, "period", parent=unit, level=level) if p.unit != unit.code]
    day = period.window_end
    ids = {u.code: u.pk for u in Unit.objects.filter(path__startswith=unit.path, code__in=[p.unit for p in points])
           if u.valid_on(day)}
    rows = [{"pk": ids.get(p.unit), "name": p.unit_name, "value": to_display(p.value, ind.display_unit),
             "estimate": p.estimate} for p in points]
    chart = {"labels": [r["name"] for r in rows], "unit": ind.display_unit, "zero": True,
             "datasets": [{"label": ind.name, "data": [r["value"] for r in rows]}]}
    return {"rank_ind": ind, "rank_period": period, "rank_level": level, "rank_points": rows,
            "rank_chart": chart, "rank_height": 60 + 22 * len(points),
            "indicator_options": indicator_options_html(indicator_groups(), ind.code),
            "rank_periods": stored[::-1]}


@login_required
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    unit = visible_unit_or_404(user, pk)
    periods = window(unit, request.GET.get("den"))
    include_old = request.GET.get("hien-nay") != "1"
    rows, totals = matrix(user, unit, periods, include_old) if periods else ([], [])
    context = {"unit": unit, "periods": periods, "end_period": periods[-1] if periods else None, "labels": [month_label(p) for p in periods], "rows": rows,
               "totals": totals, "include_old": include_old,
               "ancestors": [u for u in unit.ancestors() if access.can_see(user, u)],
               "end_choices": Period.objects.filter(
                   Exists(Report.objects.filter(period=OuterRef("pk"), unit__path__startswith=unit.path)),
                   kind="month").order_by("-window_end")}
    if periods:
        context.update(ranking_context(user, unit, request, periods))
    return render(request, "dashboards/overview.html", context)
