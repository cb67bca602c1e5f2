"""Run a search under the access rules: the page of sentences, the total, the mode used."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from baocao.web.accounts.access import filter_visible
from baocao.web.search.backends import match_condition
from baocao.web.search.models import Sentence
from baocao.web.search.query import Query, highlighted

PER_PAGE = 20
MAX_COUNT = 1000  # counted exactly up to here ("more than 1 000"); a common word matches tens of thousands


@dataclass
class Hit:
    sentence: Sentence
    html: str


@dataclass
class Results:
    query: Query
    total: int
    page: int
    per_page: int
    words_mode: bool  # the words were found, but not next to each other
    hits: list[Hit] = field(default_factory=list)

    @property
    def more(self) -> bool:
        return self.total > MAX_COUNT

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, MAX_COUNT) // self.per_page))

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return self.first + len(self.hits) - 1


def base_queryset(user: Any, unit: Any = None, start: Any = None, end: Any = None) -> Any:
    qs = filter_visible(Sentence.objects.all(), user)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if start is not None:
        qs = qs.filter(period_end__gte=start.window_end)
    if end is not None:
        qs = qs.filter(period_end__lte=end.window_end)
    return qs


def search(user: Any, query: Query, *, unit: Any = None, start: Any = None, end: Any = None, page: int = 1,
           per_page: int = PER_PAGE) -> Results:
    """Sentences matching `query` in the reports `user` may see, newest period first."""
    vendor = connection.vendor
    qs = base_queryset(user, unit, start, end)
    words_mode = False
    matched = qs.filter(match_condition(vendor, list(query.phrases), None))
    total = matched[: MAX_COUNT + 1].count()
    if total == 0 and len(query.words) > 1:
        words_mode = True
        matched = qs.filter(match_condition(vendor, list(query.phrases), query.words))
        total = matched[: MAX_COUNT + 1].count()
    page = max(1, min(page, max(1, -(-min(total, MAX_COUNT) // per_page))))
    # the page's ids first (a narrow sort of the matches), then their rows with what they show
    ids = list(matched.order_by("-period_end", "report_id", "id")
               .values_list("id", flat=True)[(page - 1) * per_page: page * per_page])
    found = Sentence.objects.select_related("report", "unit", "period").in_bulk(ids)
    rows = [found[i] for i in ids]
    hits = [Hit(s, highlighted(s.text, query, words_mode)) for s in rows]
    return Results(query, total, page, per_page, words_mode, hits)
