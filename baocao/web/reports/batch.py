"""Ingest many files: the core analyses them in worker processes while this process stores.

A worker returns the file's analysis and the task inputs of its document (`work.py`: planned
tasks, late units, the report's candidate sentences for the task matcher), so the storing
process — one, whatever the cores — only writes rows and matches.

One failing file is reported and the others go in. The store checks run once at the end,
when every peer of the batch is in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from django.conf import settings

from baocao.config import Config
from baocao.errors import InputError
from baocao.read.limits import read_bytes
from baocao.web.reports import storage
from baocao.web.reports.ingest import IngestResult, ingest
from baocao.web.reports.models import ReportVersion
from baocao.web.reports.signals import version_stored
from baocao.web.reports.work import analyse_and_prepare

MIN_FILES_FOR_WORKERS = 8
LOOKAHEAD = 16  # files analysed ahead of the one being stored


@dataclass(frozen=True)
class Item:
    path: Path
    unit: str | None = None
    period: str | None = None


@dataclass
class BatchResult:
    results: list[tuple[Item, IngestResult | None, str | None]] = field(default_factory=list)
    outliers: int = 0

    @property
    def failed(self) -> int:
        return sum(1 for _, r, _ in self.results if r is None)

    @property
    def stored(self) -> int:
        return len(self.results) - self.failed


def _result(pending: Future[Any] | None) -> tuple[Any, Any]:
    """The worker's analysis and prepared task inputs; (None, None) — analyse here instead — when
    there is none or the pool broke."""
    if pending is None:
        return None, None
    try:
        analysis, prepared = pending.result()
    except BrokenProcessPool:
        return None, None
    return analysis, prepared


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


def ingest_files(items: Sequence[Item], *, status: str = "draft", actor: Any = "cli", via: str = "cli",
                 store_checks: bool = True, workers: int | None = None,
                 on_result: Callable[[Item, IngestResult | None, str | None], None] | None = None) -> BatchResult:
    from baocao.web.indicators.catalogue import by_code

    config = Config(max_bytes=settings.BAOCAO_MAX_UPLOAD_BYTES)
    indicators = by_code()
    batch = BatchResult()
    value_ids: list[int] = []
    workers = default_workers() if workers is None else workers
    pool = None
    if workers > 1 and len(items) >= MIN_FILES_FOR_WORKERS:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
    try:
        for item, data, pending in _ahead(items, config, pool):
            try:
                if isinstance(data, InputError):
                    raise data
                analysis, prepared = _result(pending)
                result = ingest(data, str(item.path), unit_code=item.unit, period_code=item.period, actor=actor,
                                via=via, status=status, store_checks=False, config=config, analysis=analysis,
                                prepared=prepared, indicators=indicators)
            except Exception as exc:  # one bad file never stops the batch
                if not isinstance(exc, InputError) and os.environ.get("BAOCAO_DEBUG"):
                    raise
                message = exc.message if isinstance(exc, InputError) else f"lỗi nội bộ ({type(exc).__name__}: {exc})"
                batch.results.append((item, None, message))
                if on_result:
                    on_result(item, None, message)
                continue
            value_ids += result.value_ids
            batch.results.append((item, result, None))
            if on_result:
                on_result(item, result, None)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if store_checks and value_ids:
        from baocao.web.findings.storechecks import StoreChecker

        summary = StoreChecker().run(value_ids)
        batch.outliers = summary.history_flags + summary.peer_flags
    return batch


def _ahead(items: Sequence[Item], config: Config,
           pool: ProcessPoolExecutor | None) -> Iterator[tuple[Item, bytes | InputError, Future[Any] | None]]:
    """Read the files and start their analysis up to LOOKAHEAD files ahead of the consumer."""
    known = set(ReportVersion.objects.values_list("sha256", flat=True)) if pool is not None else set()
    listened = version_stored.has_listeners(ReportVersion)  # else the task inputs would go unused
    queue: list[tuple[Item, bytes | InputError, Future[Any] | None]] = []
    index = 0
    while index < len(items) or queue:
        while index < len(items) and len(queue) < (LOOKAHEAD if pool else 1):
            item = items[index]
            index += 1
            try:
                data: bytes | InputError = read_bytes(item.path, config)
            except InputError as exc:
                data = exc
            future = None
            if pool is not None and isinstance(data, bytes) and storage.sha256_of(data) not in known:
                try:
                    # a Django-free function, so the spawned worker never imports the web part
                    future = pool.submit(analyse_and_prepare, data, str(item.path), config, listened)
                except BrokenProcessPool:
                    pool = None  # analyse the remaining files in this process
            queue.append((item, data, future))
        yield queue.pop(0)
