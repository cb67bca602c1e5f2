"""Ingest: the original kept byte for byte, the same file twice, versions, inference, findings, values."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.errors import InputError
from baocao.extract.model import Relation
from baocao.web.audit.models import AuditEntry
from baocao.web.findings.models import Finding
from baocao.web.indicators.models import Fact, IndicatorValue, ValueRevision
from baocao.web.reports.ingest import ingest
from baocao.web.reports.models import Report, ReportVersion
from tests.web.conftest import analysis_for, fact, finding, report_text, store, unit

pytestmark = pytest.mark.django_db


def value_of(code: str, indicator: str, period: str, scope: str = "period") -> IndicatorValue:
    return IndicatorValue.objects.get(unit=unit(code), indicator__code=indicator, period__code=period, scope=scope)


def test_the_original_file_is_kept_byte_for_byte(world: dict, baocao_home: Path) -> None:
    text = report_text()
    r = store("06041", "2025-11", text=text)
    kept = baocao_home / "files" / r.version.sha256
    assert kept.read_bytes() == text.encode("utf-8")
    assert r.version.size == len(text.encode("utf-8")) and r.version.number == 1


def test_the_same_file_twice_changes_nothing(world: dict) -> None:
    text = report_text()
    first = store("06041", "2025-11", (fact("f1", "docs.incoming", 120),), text=text)
    counts = (Report.objects.count(), ReportVersion.objects.count(), Fact.objects.count(),
              IndicatorValue.objects.count(), AuditEntry.objects.count())
    again = store("06041", "2025-11", (fact("f1", "docs.incoming", 999),), text=text)
    assert not again.created and again.report.pk == first.report.pk and again.version.pk == first.version.pk
    assert counts == (Report.objects.count(), ReportVersion.objects.count(), Fact.objects.count(),
                      IndicatorValue.objects.count(), AuditEntry.objects.count())
    assert value_of("06041", "docs.incoming", "2025-11").value == 120


def test_a_new_version_supersedes_without_losing_the_old(world: dict) -> None:
    v1 = store("06041", "2025-11", (fact("f1", "docs.incoming", 120), fact("f2", "docs.outgoing", 40)))
    v2 = store("06041", "2025-11", (fact("f1", "docs.incoming", 125),))
    assert v2.created and v2.report.pk == v1.report.pk and v2.version.number == 2 and v2.superseded == 1
    old = ReportVersion.objects.get(pk=v1.version.pk)
    assert old.superseded_at is not None and old.facts.count() == 2  # the old version and its facts stay
    v = value_of("06041", "docs.incoming", "2025-11")
    assert (v.value, v.source_version_id) == (125, v2.version.pk)
    rev = ValueRevision.objects.get(value=v)
    assert (rev.kind, rev.old_value, rev.new_value) == ("new_version", 120, 125)
    assert not IndicatorValue.objects.filter(indicator__code="docs.outgoing", unit=unit("06041")).exists()
    withdrawn = AuditEntry.objects.get(action="value.withdraw")
    assert withdrawn.old["value"] == 40  # a value the new version no longer gives: gone, but in the audit trail
    assert Report.objects.get(pk=v1.report.pk).current_id == v2.version.pk


def test_unit_and_period_are_inferred_from_the_document(world: dict) -> None:
    data, analysis = analysis_for(report_text(), (fact("f1", "docs.incoming", 7),))
    r = ingest(data, "tam-thanh.txt", analysis=analysis)
    assert (r.report.unit.code, r.report.period.code) == ("06041", "2025-11")  # the new ward: in force in Nov
    data, analysis = analysis_for(report_text(title="Tình hình kinh tế - xã hội tháng 5 năm 2025"))
    assert ingest(data, "cu.txt", analysis=analysis).report.unit.code == "06040"  # the old ward in May


@pytest.mark.parametrize(("text", "words"), [
    (report_text(unit_line="PHƯỜNG KHÔNG CÓ"), "Không tìm thấy đơn vị «phường Không Có»"),
    (report_text(title="Tình hình kinh tế - xã hội"), "Không xác định được kỳ báo cáo"),
])
def test_a_report_that_cannot_be_placed_is_refused_in_one_line(world: dict, text: str, words: str) -> None:
    data, analysis = analysis_for(text)
    with pytest.raises(InputError) as err:
        ingest(data, "x.txt", analysis=analysis)
    assert words in err.value.message and "\n" not in err.value.message
    assert Report.objects.count() == 0


def test_core_findings_are_stored_open_with_their_evidence(world: dict) -> None:
    r = store("06041", "2025-11", findings=(finding(),))
    f = Finding.objects.get(version=r.version, code="sum_mismatch")
    assert (f.state, f.severity, f.source, f.expected, f.actual) == ("open", "error", "check", 120.0, 121.0)
    assert f.evidence[0]["raw"] == "120"


def test_an_estimate_restated_by_the_next_report_is_a_revision_not_a_conflict(world: dict) -> None:
    store("06041", "2025-10", (fact("f1", "budget.revenue.total", 5e8, dimension="money", unit="VND",
                                    estimate=True),))
    assert value_of("06041", "budget.revenue.total", "2025-10").estimate
    nov = store("06041", "2025-11", (
        fact("f1", "budget.revenue.total", 7e8, dimension="money", unit="VND"),
        fact("f2", "budget.revenue.total", 5.2e8, dimension="money", unit="VND", as_of="2025-10-14"),
    ))
    october = value_of("06041", "budget.revenue.total", "2025-10")
    assert (october.value, october.estimate, october.source_report_id) == (5.2e8, False, nov.report.pk)
    rev = ValueRevision.objects.get(value=october)
    assert (rev.kind, rev.old_value, rev.new_value, rev.old_estimate) == ("estimate_restated", 5e8, 5.2e8, True)
    assert not Finding.objects.filter(code="value_conflict").exists()
    assert value_of("06041", "budget.revenue.total", "2025-11").value == 7e8


def test_two_reports_disagreeing_on_an_actual_figure_raise_a_conflict(world: dict) -> None:
    store("06041", "2025-10", (fact("f1", "docs.incoming", 300),))
    nov = store("06041", "2025-11", (fact("f9", "docs.incoming", 310, as_of="2025-10-14"),))
    f = Finding.objects.get(code="value_conflict")
    assert f.version_id == nov.version.pk and f.severity == "warning" and "300" in f.message
    assert value_of("06041", "docs.incoming", "2025-10").value == 300  # the October report speaks for October


def test_which_fact_gives_the_value(world: dict) -> None:
    store("06041", "2025-11", (
        fact("total", "budget.spending.total", 9e8, dimension="money", unit="VND", scope="cumulative"),
        fact("part", "budget.spending.total", 4e8, dimension="money", unit="VND", scope="cumulative",
             footnote=1, relations=(Relation("part_of", target="total"),)),
        fact("chg", "docs.incoming", 12.5, dimension="percent", unit="%", role="percent_change"),
        fact("est", "docs.outgoing", 50, estimate=True, start=5),
        fact("act", "docs.outgoing", 45, start=50),
        fact("low", "citizens.visits", 3, confidence=0.2),
    ))
    assert value_of("06041", "budget.spending.total", "2025-11", "cumulative").value == 9e8  # not the part
    assert not IndicatorValue.objects.filter(indicator__code="docs.incoming").exists()  # a change is no value
    assert value_of("06041", "docs.outgoing", "2025-11").value == 45  # the actual beats the estimate
    assert Fact.objects.get(fact_id="low").status == "pending"
    assert not IndicatorValue.objects.filter(indicator__code="citizens.visits").exists()


def test_an_upload_that_lacks_the_role_is_refused(world: dict) -> None:
    from django.http import Http404

    from baocao.web.accounts.access import Denied
    from tests.web.conftest import user

    data, analysis = analysis_for(report_text())
    with pytest.raises(Denied):
        ingest(data, "x.txt", unit_code="20", period_code="2025-11", analysis=analysis, user=user("victor"))
    with pytest.raises(Http404):
        ingest(data, "x.txt", unit_code="06042", period_code="2025-11", analysis=analysis, user=user("alice"))
    assert ReportVersion.objects.count() == 0


def test_a_batch_with_a_bad_file_stores_the_others(world: dict, tmp_path: Path) -> None:
    from baocao.web.reports.batch import Item, ingest_files

    good = [tmp_path / f"r{i}.txt" for i in range(3)]
    for i, path in enumerate(good):
        path.write_text(report_text(body=f"Tiếp nhận {100 + i} văn bản đến."), encoding="utf-8")
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    items = [Item(good[0], "06041", "2025-09"), Item(empty, "06041", "2025-10"), Item(good[1], "06041", "2025-10"),
             Item(good[2], "06042", "2025-10")]
    batch = ingest_files(items, workers=1)
    assert (batch.stored, batch.failed) == (3, 1)
    item, result, error = batch.results[1]
    assert result is None and item.path == empty and "rỗng" in (error or "")
    assert Report.objects.count() == 3


def test_other_apps_hear_of_every_stored_version(world: dict) -> None:
    from baocao.web.reports.signals import version_stored

    heard: list[tuple[int, str]] = []

    def receiver(sender: object, version: ReportVersion, document: object, analysis: object, **kw: object) -> None:
        heard.append((version.number, document.meta.title or ""))  # type: ignore[attr-defined]

    version_stored.connect(receiver)
    try:
        text = report_text()
        store("06041", "2025-11", text=text)
        store("06041", "2025-11", text=text)  # the same file: nothing stored, nothing sent
        store("06041", "2025-11")
    finally:
        version_stored.disconnect(receiver)
    assert [n for n, _ in heard] == [1, 2] and "tháng 11 năm 2025" in heard[0][1]


def test_a_batch_analysed_in_worker_processes_reports_their_errors(world: dict, tmp_path: Path) -> None:
    from baocao.web.reports.batch import MIN_FILES_FOR_WORKERS, Item, ingest_files

    items = []
    for month in range(1, MIN_FILES_FOR_WORKERS + 1):
        path = tmp_path / f"r{month}.txt"
        path.write_text(report_text(body=f"Tiếp nhận {200 + month} văn bản đến."), encoding="utf-8")
        items.append(Item(path, "06042", f"2024-{month:02d}"))
    garbage = tmp_path / "hong.txt"
    garbage.write_bytes(bytes(range(256)) * 20)  # refused by the core's reader, in a worker
    items.insert(3, Item(garbage, "06042", "2024-12"))
    batch = ingest_files(items, workers=2)
    assert (batch.stored, batch.failed) == (MIN_FILES_FOR_WORKERS, 1)
    _, result, error = batch.results[3]
    assert result is None and error and "\n" not in error and not error.startswith("lỗi nội bộ")
