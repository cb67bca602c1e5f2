"""Store checks: modified Z-scores against the unit's own (seasonal) history and against peers."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.web.findings.models import Finding
from baocao.web.findings.storechecks import StoreChecker, clear_seasonal_cache, modified_z, seasonal_factors
from baocao.web.indicators.models import Indicator, IndicatorValue
from baocao.web.periods.services import ensure_period
from baocao.web.units.services import import_units
from tests.web.conftest import fact, store, unit

pytestmark = pytest.mark.django_db
DECEMBER_BOOST = 2.0


def season(month: int) -> float:
    return DECEMBER_BOOST if month == 12 else 1.0


def history(codes: list[str], indicator: str, base: float, until: tuple[int, int]) -> None:
    """Monthly values from 2023-01 to `until` (exclusive), with a December peak and a little noise."""
    ind = Indicator.objects.get(code=indicator)
    rows = []
    y, m = 2023, 1
    while (y, m) < until:
        period = ensure_period(f"{y}-{m:02d}")
        for i, code in enumerate(codes):
            noise = 1 + 0.04 * math.sin(7 * m + 3 * y + i)
            rows.append(IndicatorValue(unit=unit(code), period=period, indicator=ind, scope="period",
                                       value=round(base * (1 + i / 10) * season(m) * noise), reported_value=None))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    IndicatorValue.objects.bulk_create(rows)


@pytest.fixture(autouse=True)
def fresh_seasons() -> None:
    """Seasonal factors are cached for later uploads; other tests' data must not leak in."""
    clear_seasonal_cache()


@pytest.fixture
def wards(world: dict) -> list[str]:
    extra = [f"0605{i}" for i in range(5)]
    import_units("code,name,kind,parent_code,valid_from,valid_to\n"
                 + "".join(f"{c},Phường {i},phường,20,,\n" for i, c in enumerate(extra)))
    return ["06042", *extra]


def check(result: object) -> None:
    StoreChecker().run(result.value_ids)  # type: ignore[attr-defined]


def test_a_december_peak_is_seasonal_not_an_outlier(wards: list[str]) -> None:
    history(wards, "tthc.received", 100, (2025, 12))
    f = seasonal_factors(unit("20").path, "commune", [Indicator.objects.get(code="tthc.received").pk],
                         ensure_period("2025-12").window_end)
    factors = next(iter(f.values()))
    assert factors[11] / factors[0] == pytest.approx(DECEMBER_BOOST, rel=0.1)
    check(store("06042", "2025-12", (fact("f", "tthc.received", 200, unit="hồ sơ"),)))
    assert not Finding.objects.filter(code="outlier_history").exists()


def test_a_value_far_from_the_units_history_is_a_warning(wards: list[str]) -> None:
    history(wards, "tthc.received", 100, (2025, 12))
    check(store("06042", "2025-12", (fact("f", "tthc.received", 620, unit="hồ sơ"),)))
    f = Finding.objects.get(code="outlier_history")
    assert f.severity == "warning" and f.source == "store" and f.actual == 620
    assert f.expected == pytest.approx(200, rel=0.1)  # the December level, not the yearly one
    assert "khác thường so với các kỳ trước" in f.message
    assert f.evidence and f.evidence[0]["raw"] == "620"


def test_a_merged_ward_is_judged_against_its_predecessors_history(world: dict) -> None:
    history(["06040", "06058"], "tthc.received", 100, (2025, 7))
    history(["06041"], "tthc.received", 210, (2025, 7))  # ignored: before the ward existed it has no history
    IndicatorValue.objects.filter(unit=unit("06041")).delete()
    check(store("06041", "2025-08", (fact("f", "tthc.received", 215, unit="hồ sơ"),)))
    assert not Finding.objects.filter(code="outlier_history").exists()  # ≈ 100 + 110: normal for the merged ward
    check(store("06041", "2025-09", (fact("f", "tthc.received", 90, unit="hồ sơ"),)))
    assert Finding.objects.filter(code="outlier_history", value__period__code="2025-09").exists()


def test_a_value_far_from_its_peers_is_a_warning_and_a_fixed_one_clears(wards: list[str]) -> None:
    results = [store(code, "2025-11", (fact("f", "labour.jobs_created", 20 + i, unit="lao động"),))
               for i, code in enumerate(wards[1:])]
    odd = store(wards[0], "2025-11", (fact("f", "labour.jobs_created", 400, unit="lao động"),))
    StoreChecker().run([i for r in [*results, odd] for i in r.value_ids])
    flagged = Finding.objects.get(code="outlier_peers")
    assert flagged.unit.code == wards[0] and "5 đơn vị cùng cấp" in flagged.message
    store(wards[0], "2025-11", (fact("f", "labour.jobs_created", 24, unit="lao động"),))  # a corrected version
    StoreChecker().run(IndicatorValue.objects.filter(period__code="2025-11").values_list("pk", flat=True))
    assert not Finding.objects.filter(code="outlier_peers", state="open").exists()


def test_a_second_run_refreshes_a_flag_and_keeps_its_state(wards: list[str]) -> None:
    results = [store(code, "2025-11", (fact("f", "labour.jobs_created", 20 + i, unit="lao động"),))
               for i, code in enumerate(wards[1:])]
    odd = store(wards[0], "2025-11", (fact("f", "labour.jobs_created", 400, unit="lao động"),))
    ids = [i for r in [*results, odd] for i in r.value_ids]
    StoreChecker().run(ids)
    flagged = Finding.objects.get(code="outlier_peers")
    Finding.objects.filter(pk=flagged.pk).update(state="accepted", comment="Có dự án lớn", message="cũ")
    StoreChecker().run(ids)
    again = Finding.objects.get(code="outlier_peers")
    assert again.pk == flagged.pk and again.state == "accepted" and again.comment == "Có dự án lớn"
    assert "5 đơn vị cùng cấp" in again.message and again.actual == 400 and again.version_id == odd.version.pk


def test_small_counts_are_not_flagged_for_noise(wards: list[str]) -> None:
    history(wards, "traffic.accidents", 1, (2025, 11))
    check(store("06042", "2025-11", (fact("f", "traffic.accidents", 3, unit="vụ"),)))
    assert not Finding.objects.filter(source="store").exists()


@given(st.lists(st.integers(-1000, 1000), min_size=3, max_size=30), st.integers(-5000, 5000),
       st.integers(1, 50))
def test_modified_z_is_shift_and_scale_invariant_and_signed(sample: list[int], x: int, k: int) -> None:
    z = modified_z(x, sample)
    moved = modified_z(k * x + 1000, [k * s + 1000 for s in sample])
    if z is None:
        assert moved is None
        return
    assert moved == pytest.approx(z, rel=1e-9, abs=1e-9)
    median = sorted(sample)[len(sample) // 2]
    if len(sample) % 2 and x != median:
        assert (z > 0) == (x > median)


def test_modified_z_falls_back_on_the_mean_deviation_when_the_mad_is_zero() -> None:
    assert modified_z(10, [1, 1, 1, 1, 5]) == pytest.approx((10 - 1) / (1.253314 * 0.8))
    assert modified_z(1, [1, 1, 1]) is None
