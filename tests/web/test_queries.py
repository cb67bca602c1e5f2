"""Queries: time series and "same period last year" across a merger, rollups by the aggregation
rule, periods from months, rankings limited to what the user sees."""

from __future__ import annotations

import pytest

from baocao.web.indicators import queries
from baocao.web.indicators.models import Indicator
from baocao.web.indicators.rollup import over_time, rollup
from baocao.web.periods.models import Period
from baocao.web.periods.services import ensure_period
from baocao.web.units.services import import_lineage, import_units
from tests.web.conftest import fact, store, unit, user

pytestmark = pytest.mark.django_db


def ind(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def money(fid: str, indicator: str, value: float, **kw: object) -> object:
    return fact(fid, indicator, value, dimension="money", unit="VND", **kw)


@pytest.fixture
def november(world: dict) -> None:
    """Revenue of the old units in 2024, of the new ward and Đông Kinh in 2025."""
    store("06040", "2024-11", (money("r", "budget.revenue.total", 300),))
    store("06058", "2024-11", (money("r", "budget.revenue.total", 200),))
    store("06042", "2024-11", (money("r", "budget.revenue.total", 50),))
    store("06041", "2025-11", (money("r", "budget.revenue.total", 600),))
    store("06042", "2025-11", (money("r", "budget.revenue.total", 70),))


def test_same_period_last_year_of_a_merged_ward_is_the_sum_of_its_predecessors(november: None) -> None:
    point = queries.same_period_last_year(ind("budget.revenue.total"), unit("06041"), Period.objects.get(
        code="2025-11"))
    assert point is not None
    assert (point.value, point.source, point.complete) == (500, "lineage", True)
    assert {code: value for code, _, value in point.parts} == {"06040": 300, "06058": 200}


def test_lineage_weights_each_predecessor_by_its_share(november: None) -> None:
    import_units("code,name,kind,parent_code,valid_from,valid_to\n06043,Chi Lăng,phường,20,2025-07-01,\n")
    import_lineage("unit_code,predecessor_code,share,kind,date\n06043,06058,0.3,split,2025-07-01\n"
                   "06043,06042,0.5,split,2025-07-01\n")
    point = queries.value_at(ind("budget.revenue.total"), unit("06043"), Period.objects.get(code="2024-11"))
    assert point.value == pytest.approx(0.3 * 200 + 0.5 * 50)


def test_a_series_follows_the_merger_and_marks_missing_months(november: None) -> None:
    store("06041", "2025-10", (money("r", "budget.revenue.total", 550),))
    points = queries.series(ind("budget.revenue.total"), unit("06041"), "2024-11", "2025-11")
    assert [(p.period, p.value, p.source) for p in points] == [
        ("2024-11", 500, "lineage"), ("2025-10", 550, "reported"), ("2025-11", 600, "reported")]
    without = queries.series(ind("budget.revenue.total"), unit("06041"), "2024-11", "2025-11", lineage=False)
    assert without[0].value is None and without[0].source == "missing"


def test_a_series_with_a_missing_predecessor_is_marked_incomplete(world: dict) -> None:
    store("06040", "2024-12", (money("r", "budget.revenue.total", 10),))
    store("06041", "2025-12", (money("r", "budget.revenue.total", 11),))
    point = queries.series(ind("budget.revenue.total"), unit("06041"), "2024-12", "2024-12")[0]
    assert (point.value, point.complete) == (10, False)


def test_province_rollup_sums_the_units_in_force_and_lists_the_missing(november: None) -> None:
    r = rollup(ind("budget.revenue.total"), unit("20"), Period.objects.get(code="2025-11"))
    assert (r.value, r.complete, r.expected, r.present, r.missing) == (670, True, 2, 2, ())
    before = rollup(ind("budget.revenue.total"), unit("20"), Period.objects.get(code="2024-11"))
    # 2024: the district (rolled up from its two communes) and Đông Kinh
    assert (before.value, before.complete) == (550, True)
    assert {p.unit: p.source for p in before.parts} == {"178": "rollup", "06042": "reported"}
    store("06042", "2025-12", (money("r", "budget.revenue.total", 80),))
    partial = rollup(ind("budget.revenue.total"), unit("20"), Period.objects.get(code="2025-12"))
    assert (partial.value, partial.complete, partial.missing) == (80, False, ("06041",))


def test_ratio_indicators_roll_up_as_ratio_of_sums(world: dict) -> None:
    for code, received, resolved in (("06041", 10, 9), ("06042", 90, 45)):
        store(code, "2025-11", (fact("a", "complaints.received", received, unit="đơn"),
                                fact("b", "complaints.resolved", resolved, unit="đơn"),
                                fact("c", "complaints.resolution_rate", resolved / received * 100,
                                     dimension="percent", unit="%")))
    r = rollup(ind("complaints.resolution_rate"), unit("20"), Period.objects.get(code="2025-11"))
    assert r.value == pytest.approx(54 / 100 * 100)  # not the mean of 90 % and 50 %
    assert r.rule == "ratio"


def test_an_indicator_that_does_not_add_up_is_not_rolled_up(world: dict) -> None:
    store("06041", "2025-11", (fact("a", "docs.incoming", 10),))
    store("06042", "2025-11", (fact("a", "docs.incoming", 20),))
    r = rollup(ind("docs.incoming"), unit("20"), Period.objects.get(code="2025-11"))
    assert r.value is None and r.source == "not_aggregable"


def test_a_quarter_from_its_months_by_the_time_rule(world: dict) -> None:
    for month, value in (("2025-07", 10), ("2025-08", 20), ("2025-09", 30)):
        store("06041", month, (money("r", "budget.revenue.total", value),
                               fact("p", "social.poor_households", 100 - value, unit="hộ")))
    q3 = ensure_period("2025-Q3")
    total = over_time(ind("budget.revenue.total"), unit("06041"), q3)
    assert (total.value, total.complete, total.source) == (60, True, "months")
    stock = over_time(ind("social.poor_households"), unit("06041"), q3)
    assert (stock.value, stock.rule) == (70, "last")


def test_months_to_date_fall_back_on_the_cumulative_figure(world: dict) -> None:
    store("06042", "2025-03", (money("c", "budget.revenue.total", 1000, scope="cumulative"),
                               money("m", "budget.revenue.total", 400)))
    r = over_time(ind("budget.revenue.total"), unit("06042"), ensure_period("2025-03-YTD"))
    assert (r.value, r.source) == (1000, "cumulative")


def test_ranking_shows_only_units_the_user_sees(november: None) -> None:
    store("04101", "2025-11", (money("r", "budget.revenue.total", 9999),))
    nov = Period.objects.get(code="2025-11")
    ranked = queries.ranking(ind("budget.revenue.total"), nov, user("bob"))
    assert [(p.unit, p.value) for p in ranked] == [("06041", 600), ("06042", 70)]
    assert [p.unit for p in queries.ranking(ind("budget.revenue.total"), nov, user("charlie"))] == ["04101"]
    assert [p.unit for p in queries.ranking(ind("budget.revenue.total"), nov, user("alice"))] == ["06041"]


def test_children_of_a_unit_in_force_at_the_period(november: None) -> None:
    kids = queries.children_values(ind("budget.revenue.total"), unit("20"), Period.objects.get(code="2024-11"))
    assert [(p.unit, p.value, p.source) for p in kids] == [("06042", 50, "reported"), ("178", 500, "rollup")]
