"""Task inputs prepared in a batch's worker processes (`baocao.tasks.prepare`) give the store exactly
the planned tasks, late units and matches it computes itself when ingesting file by file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from baocao.config import Config
from baocao.pipeline import analyze_bytes
from baocao.tasks import follow
from baocao.tasks.match import candidates, match_tasks, stop_words
from baocao.tasks.prepare import prepare
from baocao.web.reports.models import Report
from baocao.web.reports.signals import version_stored
from baocao.web.tasks.models import LateUnit, PlannedTask, TaskMatch
from tests.web.test_tasks_store import synth

pytestmark = pytest.mark.django_db

# (unit of the test world, synthetic commune, month): the two communes merged into ward 06041 in July
# 2025, then the ward; in an order where some reports arrive before the one whose tasks they answer.
FILES = [("06040", "55001", 3), ("06058", "55002", 4), ("06040", "55001", 5), ("06058", "55002", 3),
         ("06041", "55501", 8), ("06040", "55001", 6), ("06041", "55501", 7), ("06058", "55002", 6),
         ("06040", "55001", 4), ("06041", "55501", 9), ("06058", "55002", 5)]


def _items(tmp_path: Path) -> list[Any]:
    from baocao.web.reports.batch import Item

    items = []
    for unit_code, code, month in FILES:
        path = tmp_path / f"{unit_code}_2025-{month:02d}.txt"
        path.write_text(synth(month, code).text, encoding="utf-8")
        items.append(Item(path, unit_code, f"2025-{month:02d}"))
    return items


def _report(r: Report) -> tuple[str, str, str]:
    return (r.unit.code, r.period.code, r.doc_type)


def _rows() -> dict[str, list[tuple[Any, ...]]]:
    """The task rows of the store, without ids or times."""
    tasks = sorted((_report(t.source_report), t.source_version.number, t.unit.code, t.key, t.position, t.period_code,
                    str(t.period_end), t.number, t.number_printed, t.kind, t.text, t.sector, t.heading, t.paragraph,
                    tuple(t.paragraphs), tuple(t.responsible), str(t.meetings), t.meeting_kind, str(t.meeting_date))
                   for t in PlannedTask.objects.select_related("source_report__unit", "source_report__period",
                                                               "source_version", "unit"))
    late = sorted((_report(r.report), r.version.number, r.unit.code, r.period.code, r.name, r.kind, r.topic,
                   r.sentence, r.paragraph)
                  for r in LateUnit.objects.select_related("report__unit", "report__period", "version", "unit",
                                                           "period"))
    matches = sorted((_report(m.task.source_report), m.task.key, _report(m.report), m.version.number, m.status,
                      m.confidence, m.evidence_paragraph, m.evidence_text, m.evidence_section, m.evidence_score,
                      m.cue, m.source, str(m.alternatives))
                     for m in TaskMatch.objects.select_related("task__source_report__unit",
                                                               "task__source_report__period", "report__unit",
                                                               "report__period", "version"))
    return {"tasks": tasks, "late_units": late, "matches": matches}


def test_a_batch_with_worker_prepared_inputs_stores_the_same_rows_as_without(world: dict, tmp_path: Path) -> None:
    from baocao.web.reports.batch import MIN_FILES_FOR_WORKERS, ingest_files

    items = _items(tmp_path)
    assert len(items) >= MIN_FILES_FOR_WORKERS
    heard: list[bool] = []

    def receiver(sender: Any, prepared: Any = None, **kwargs: Any) -> None:
        heard.append(prepared is not None)

    version_stored.connect(receiver, dispatch_uid="test.prepared")
    try:
        batch = ingest_files(items, workers=2, store_checks=False)
        assert batch.failed == 0 and heard == [True] * len(items)
        with_workers = _rows()
        Report.objects.all().delete()  # versions, tasks, late units and matches go with them
        assert not PlannedTask.objects.exists() and not TaskMatch.objects.exists()
        heard.clear()
        batch = ingest_files(items, workers=1, store_checks=False)
        assert batch.failed == 0 and heard == [False] * len(items)
    finally:
        version_stored.disconnect(dispatch_uid="test.prepared")
    alone = _rows()
    assert len(with_workers["tasks"]) > 30 and len(with_workers["matches"]) > 20, {
        k: len(v) for k, v in with_workers.items()}
    assert {m[0][0] for m in with_workers["matches"]} >= {"06040", "06058", "06041"}  # merged units followed too
    for kind in ("tasks", "late_units", "matches"):
        assert with_workers[kind] == alone[kind], kind


def test_precomputed_candidates_give_the_matchers_own_result() -> None:
    config = Config()
    june, july = (analyze_bytes(synth(m, c).text.encode(), f"{m}.txt", config).document
                  for m, c in ((6, "55001"), (7, "55501")))
    prepared = prepare(july)
    assert prepared.candidates == tuple(candidates(july, None, stop_words(july)))
    tasks = [t for t in prepare(june).tasks if t.kind == "task"]
    assert tasks
    assert match_tasks(tasks, july, cands=prepared.candidates) == follow(june, july)


def test_the_worker_module_imports_no_django() -> None:
    code = ("import pickle, sys; import baocao.web.reports.work as w; pickle.dumps(w.analyse_and_prepare); "
            "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
