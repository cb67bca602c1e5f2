"""From accepted facts to indicator values, one report version at a time.

Which fact gives the value of (unit, period, indicator, scope) — see docs/store.md:

1. Only accepted facts with a catalogue indicator whose dimension matches the fact's; a
   percent change (`role = "percent_change"`) is a comparison, never the indicator's value.
2. A fact that is a part of another fact of the same indicator (`part_of`, `carried_over_of`,
   `new_of` — the spending of each former commune of a merged ward) is not the value.
3. Several candidates for one key: an actual figure beats an estimate, the body beats a
   footnote, higher indicator confidence wins, then the first printed.

How a new source meets a stored value of another report:

- stored estimate, new actual → replaced, kept as a revision `estimate_restated`;
- stored estimate, new estimate of a later report → replaced (`estimate_updated`);
- stored actual, new estimate → the actual stays;
- two actuals that differ → the report *of that period* wins over one quoting it, else the
  stored one stays; either way a `value_conflict` warning goes to the new report;
- a new version of the same report replaces its own values (`new_version` revisions) and
  withdraws the values it no longer gives (in the audit trail).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from baocao.web.audit.services import record
from baocao.web.dbutil import fast_insert
from baocao.web.indicators.models import Fact, Indicator, IndicatorValue, ValueRevision

NON_VALUE_ROLES = {"percent_change", "change", "points"}
PART_RELATIONS = {"part_of", "carried_over_of", "new_of"}
REL_TOLERANCE = 0.0005  # two printed figures closer than 0.05 % are the same figure

Key = tuple[int, int, str]  # (period_id, indicator_id, scope)
ROW_FIELDS = ("pk", "fact_id", "period_id", "indicator_id", "value", "dimension", "role", "scope", "estimate",
              "footnote", "start", "end", "indicator_confidence", "status", "relations", "sentence", "paragraph", "raw")


@dataclass(slots=True)
class FactRow:
    """What deriving needs of a stored fact (lighter than a model instance)."""

    pk: int
    fact_id: str
    period_id: int
    indicator_id: int | None
    value: float
    dimension: str
    role: str
    scope: str
    estimate: bool
    footnote: int | None
    start: int
    end: int
    indicator_confidence: float
    status: str
    relations: list[dict[str, Any]]
    sentence: str
    paragraph: str
    raw: str


def load_rows(version: Any) -> list[FactRow]:
    return [FactRow(*row) for row in Fact.objects.filter(version=version).order_by("start", "id")
            .values_list(*ROW_FIELDS)]


def same_figure(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(1e-9, REL_TOLERANCE * max(abs(a), abs(b)))


def yields_value(fact: FactRow, indicator: Indicator | None, by_fact_id: dict[str, FactRow]) -> bool:
    if fact.status != "accepted" or indicator is None or not indicator.active:
        return False
    if fact.dimension != indicator.dimension or fact.role in NON_VALUE_ROLES:
        return False
    for rel in fact.relations or []:
        if rel.get("kind") in PART_RELATIONS:
            target = by_fact_id.get(rel.get("target") or "")
            if target is not None and target.indicator_id == fact.indicator_id:
                return False
    return True


def choose(facts: list[FactRow], indicators: dict[int, Indicator]) -> dict[Key, FactRow]:
    """The fact that gives each (period, indicator, scope) value of one report version."""
    by_fact_id = {f.fact_id: f for f in facts}
    best: dict[Key, FactRow] = {}

    def rank(f: FactRow) -> tuple[int, int, float, int]:
        return (1 if f.estimate else 0, 1 if f.footnote is not None else 0, -f.indicator_confidence, f.start)

    for f in facts:
        if f.indicator_id is None or not yields_value(f, indicators.get(f.indicator_id), by_fact_id):
            continue
        key = (f.period_id, f.indicator_id, f.scope)
        if key not in best or rank(f) < rank(best[key]):
            best[key] = f
    return best


@dataclass
class Outcome:
    created: int = 0
    replaced: int = 0
    revised: int = 0
    withdrawn: int = 0
    conflicts: int = 0
    kept: int = 0

    @property
    def touched(self) -> int:
        return self.created + self.replaced + self.revised


def _is_later(version: Any, other_version: Any) -> bool:
    """Whether `version` (its report's period, then upload time) comes after `other_version`."""
    if other_version is None:
        return True
    a, b = version.report.period, other_version.report.period
    if a.window_end != b.window_end:
        return a.window_end > b.window_end
    return (version.uploaded_at or timezone.now()) >= (other_version.uploaded_at or timezone.now())


def apply_version(version: Any, actor: Any = "cli", facts: list[FactRow] | None = None,
                  indicators: dict[str, Indicator] | None = None) -> tuple[Outcome, list[int]]:
    """Bring the stored values in line with the accepted facts of `version` (idempotent).

    Returns what happened and the ids of the values this version now sources (for the store checks).
    `facts` and `indicators` (by code) save queries when the caller has them at hand.
    """
    from baocao.web.findings.services import upsert_store_finding

    report = version.report
    unit = report.unit
    catalogue = indicators.values() if indicators is not None else Indicator.objects.all()
    by_pk = {i.pk: i for i in catalogue}
    if facts is None:
        facts = load_rows(version)
    chosen = choose(facts, by_pk)
    out = Outcome()

    periods = {k[0] for k in chosen}
    existing = {
        (v.period_id, v.indicator_id, v.scope): v
        for v in IndicatorValue.objects.filter(unit=unit, period_id__in=periods, indicator_id__in={k[1] for k in chosen})
        .select_related("source_version__report__period").defer("source_version__document")
    }
    own = {
        (v.period_id, v.indicator_id, v.scope): v
        for v in IndicatorValue.objects.filter(unit=unit, source_report=report)
    }
    new_rows: list[dict[str, Any]] = []
    revisions: list[ValueRevision] = []
    sourced: list[IndicatorValue] = []
    now = timezone.now()

    for key, fact in chosen.items():
        cur = existing.get(key)
        if cur is None:
            new_rows.append(dict(unit_id=unit.pk, period_id=key[0], indicator_id=key[1], scope=key[2],
                                 value=fact.value, reported_value=fact.value, estimate=fact.estimate,
                                 source_fact_id=fact.pk, source_version_id=version.pk, source_report_id=report.pk,
                                 corrected=False, correction_reason="", updated_at=now))
            continue
        if cur.source_version_id == version.pk:
            if cur.source_fact_id != fact.pk or not same_figure(cur.reported_value, fact.value):
                _replace(cur, fact, version, actor, "value.rederive", None, revisions)
                out.replaced += 1
            sourced.append(cur)
            continue
        if cur.source_report_id == report.pk:
            kind = "new_version" if not same_figure(cur.reported_value, fact.value) else None
            _replace(cur, fact, version, actor, "value.new_version", kind, revisions)
            out.revised += 1 if kind else 0
            out.replaced += 0 if kind else 1
            sourced.append(cur)
            continue
        other = cur.source_version
        if cur.estimate and not fact.estimate:
            _replace(cur, fact, version, actor, "value.restate", "estimate_restated", revisions)
            out.revised += 1
            sourced.append(cur)
        elif cur.estimate and fact.estimate:
            if _is_later(version, other):
                kind = "estimate_updated" if not same_figure(cur.reported_value, fact.value) else None
                _replace(cur, fact, version, actor, "value.restate", kind, revisions)
                out.revised += 1
                sourced.append(cur)
            else:
                out.kept += 1
        elif fact.estimate:
            out.kept += 1  # an actual figure is not replaced by an estimate
        elif same_figure(cur.reported_value, fact.value):
            out.kept += 1
        else:
            new_primary = report.period_id == key[0]
            old_primary = other is not None and other.report.period_id == key[0]
            previous = cur.value
            if new_primary and not old_primary:
                _replace(cur, fact, version, actor, "value.conflict_replace", None, revisions)
                sourced.append(cur)
            ind = by_pk[key[1]]
            where = f"báo cáo {other.report}" if other is not None else "kho số liệu"
            upsert_store_finding(
                cur, version, "value_conflict", "warning",
                f"«{ind.name}» kỳ {cur.period.code}: báo cáo này ghi {fact.value:,.6g}, {where} ghi {previous:,.6g}.",
                expected=previous, actual=fact.value,
                evidence=[{"sentence": fact.sentence, "paragraph": fact.paragraph or None,
                           "footnote": fact.footnote, "start": fact.start, "end": fact.end, "raw": fact.raw,
                           "fact": fact.fact_id}],
            )
            out.conflicts += 1

    fast_insert(IndicatorValue, new_rows)
    out.created = len(new_rows)
    ids = [v.pk for v in sourced]
    if new_rows:
        ids += IndicatorValue.objects.filter(unit=unit, source_version=version).exclude(pk__in=ids).values_list(
            "pk", flat=True)
    ValueRevision.objects.bulk_create(revisions, batch_size=500)

    for key, cur in own.items():
        if key in chosen:
            continue
        # given by an earlier version of this report (or by a fact since rejected), not any more
        record(actor, "value.withdraw", cur, old={"value": cur.value, "reported_value": cur.reported_value,
                                                   "version": cur.source_version_id},
               reason="không còn trong phiên bản hiện hành của báo cáo", unit=unit)
        cur.delete()
        out.withdrawn += 1
    return out, ids


def _replace(cur: IndicatorValue, fact: FactRow, version: Any, actor: Any, action: str, kind: str | None,
             revisions: list[ValueRevision]) -> None:
    unit = version.report.unit
    old = {"value": cur.value, "reported_value": cur.reported_value, "estimate": cur.estimate,
           "corrected": cur.corrected, "version": cur.source_version_id}
    if kind:
        revisions.append(ValueRevision(value=cur, kind=kind, old_value=cur.reported_value, new_value=fact.value,
                                       old_estimate=cur.estimate, old_version_id=cur.source_version_id,
                                       new_version=version))
    cur.value = fact.value
    cur.reported_value = fact.value
    cur.estimate = fact.estimate
    cur.source_fact_id = fact.pk
    cur.source_version = version
    cur.source_report = version.report
    cur.corrected = False
    cur.corrected_by = None
    cur.corrected_at = None
    cur.correction_reason = ""
    cur.save()
    if old["value"] != fact.value or old["corrected"]:
        record(actor, action, cur, old=old, new={"value": fact.value, "estimate": fact.estimate,
                                                  "version": version.pk}, unit=unit)
