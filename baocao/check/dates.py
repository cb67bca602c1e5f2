"""Rules on dates: as-of dates outside the period, school years, one document cited with two
dates, impossible dates, two as-of dates in one statement, ranges outside the data window."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator

from baocao.check.common import Report
from baocao.check.model import Evidence, Finding
from baocao.parse.model import Period
from baocao.text.dates import find_dates
from baocao.text.periods import months_of

_AS_OF = re.compile(r"(?:tính\s+đến|đến\s+hết|ước\s+đến|đến)\s+(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE)
_SCHOOL = re.compile(r"năm\s+học\s+(mới\s+)?(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
_DOC = re.compile(
    r"(?:số\s+)?(\d{1,5}(?:/\d{4})?[-/][A-ZĐ][\wĐđ]*(?:[-/][\wĐđ]+)*)\s*,?\s*ngày\s+(\d{1,2}/\d{1,2}/\d{4})"
)
_PAST_YEAR = re.compile(r"tổng\s+kết|kết\s+thúc|năm\s+học\s+trước|đã\s+qua|cuối", re.IGNORECASE)
_RANGE = re.compile(r"từ\s+(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})\s+đến\s+(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)


def _texts(report: Report) -> Iterator[tuple[str, str | None, int | None]]:
    for p in report.document.iter_paragraphs():
        yield p.text, p.id, None
    for n in report.document.footnotes:
        yield n.text, n.paragraph, n.number


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    s = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    s = 0 if s < 0 else s + 2
    e = text.find(". ", end)
    e = len(text) if e < 0 else e + 1
    return text[s:e], s


def _ev(text: str, paragraph: str | None, footnote: int | None, start: int, end: int) -> Evidence:
    sentence, _ = _sentence(text, start, end)
    return Evidence(sentence=sentence, paragraph=paragraph, footnote=footnote, start=start, end=end, raw=text[start:end])


def _finding(report: Report, code: str, severity: str, message: str, evidence: list[Evidence], rule: str,
             suggestion: str | None = None) -> Finding:
    section = report.section_of.get(evidence[0].paragraph or "") if evidence else None
    return Finding(code=code, severity=severity, message=message, evidence=tuple(evidence), suggestion=suggestion,
                   section=section, rule=rule)


def data_window(period: Period) -> tuple[dt.date, dt.date]:
    """Decree 09/2019 data window: from the 15th of the month before the period to the 14th of its last month."""
    months = months_of(period)
    (y0, m0), (y1, m1) = months[0], months[-1]
    start = dt.date(y0 - 1, 12, 15) if m0 == 1 else dt.date(y0, m0 - 1, 15)
    if period.kind in ("year", "half_year", "nine_months", "months_to_date") and m0 == 1:
        start = dt.date(y0 - 1, 12, 15)
    return start, dt.date(y1, m1, 14)


def _calendar(period: Period) -> tuple[dt.date, dt.date]:
    months = months_of(period)
    (y0, m0), (y1, m1) = months[0], months[-1]
    import calendar

    return dt.date(y0, m0, 1), dt.date(y1, m1, calendar.monthrange(y1, m1)[1])


def impossible_dates(report: Report) -> Iterator[Finding]:
    for text, pid, fn in _texts(report):
        for d in find_dates(text):
            if d.year is not None and not d.valid:
                yield _finding(report, "impossible_date", "error", f"Ngày {d.raw} không tồn tại.",
                               [_ev(text, pid, fn, d.start, d.end)], "impossible_dates")


def as_of_outside_period(report: Report) -> Iterator[Finding]:
    period = report.document.meta.period
    if period is None:
        return
    lo, hi = _calendar(period)
    lo = lo - dt.timedelta(days=45)
    hi = hi + dt.timedelta(days=45)
    for text, pid, fn in _texts(report):
        for d in find_dates(text):
            if d.iso is None or not _AS_OF.search(text[max(0, d.start - 20) : d.start]):
                continue
            when = dt.date.fromisoformat(d.iso)
            if lo <= when <= hi:
                continue
            severity = "error" if when.year != period.year and abs(when.year - period.year) >= 1 and when < lo else "warning"
            if when.year != period.year:
                severity = "error"
            yield _finding(
                report, "as_of_outside_period", severity,
                f"Mốc «đến {d.raw}» nằm ngoài kỳ báo cáo {period.label or period.code} (năm {period.year}).",
                [_ev(text, pid, fn, d.start, d.end)], "as_of_outside_period",
                suggestion=f"Kiểm tra lại năm: có thể là {d.day:02d}/{d.month:02d}/{period.year}." if when.year != period.year else None,
            )


_DOC_BEFORE = re.compile(r"(?:số\s+)?\d+[/-][A-ZĐ][\wĐđ/-]*\s*,?\s*(?:ngày\s+)?$|ban\s+hành\s+(?:ngày\s+)?$")


def far_years(report: Report) -> Iterator[Finding]:
    """A full date two or more years away from the period, in the body of the report (not a
    document's date, not an anniversary "(07/5/1954 - 07/5/2025)")."""
    period = report.document.meta.period
    if period is None:
        return
    for text, pid, fn in _texts(report):
        dates = find_dates(text)
        for i, d in enumerate(dates):
            if d.year is None or not d.valid or abs(d.year - period.year) < 2:
                continue
            if _DOC_BEFORE.search(text[max(0, d.start - 45) : d.start]):
                continue
            pair = [x for x in dates[max(0, i - 1) : i + 2] if x is not d and x.year is not None]
            if any((x.day, x.month) == (d.day, d.month) for x in pair) or re.search(
                r"(?:kỷ\s+niệm|năm\s+ngày|thành\s+lập|chiến\s+thắng|giải\s+phóng)", text[max(0, d.start - 80) : d.start],
                re.IGNORECASE):
                continue
            yield _finding(report, "date_far_from_period", "error" if d.year < period.year else "warning",
                           f"Ngày {d.raw} cách kỳ báo cáo {period.label or period.code} hơn một năm.",
                           [_ev(text, pid, fn, d.start, d.end)], "far_years",
                           suggestion=f"Kiểm tra lại năm: có thể là {d.day:02d}/{d.month:02d}/{period.year}.")


def two_as_of_dates(report: Report) -> Iterator[Finding]:
    for text, pid, fn in _texts(report):
        stamps: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        for d in find_dates(text):
            if d.iso and _AS_OF.search(text[max(0, d.start - 20) : d.start]):
                _, s0 = _sentence(text, d.start, d.end)
                stamps[s0].append((d.iso, d.start, d.end))
        for items in stamps.values():
            if len({iso for iso, _, _ in items}) > 1:
                yield _finding(report, "two_as_of_dates", "warning",
                               "Một câu dùng hai mốc «tính đến» khác nhau: "
                               + ", ".join(text[s:e] for _, s, e in items) + ".",
                               [_ev(text, pid, fn, s, e) for _, s, e in items], "two_as_of_dates")


def ranges_outside_window(report: Report) -> Iterator[Finding]:
    period = report.document.meta.period
    if period is None or period.kind != "month":
        return
    start, end = data_window(period)
    for text, pid, fn in _texts(report):
        for m in _RANGE.finditer(text):
            dates = find_dates(m.group(0))
            if len(dates) < 2 or not dates[1].iso:
                continue
            last = dt.date.fromisoformat(dates[1].iso)
            if last < start - dt.timedelta(days=3):
                yield _finding(
                    report, "range_outside_period", "warning",
                    f"Khoảng thời gian «{m.group(0)}» kết thúc trước kỳ báo cáo (số liệu tháng tính từ "
                    f"{start:%d/%m/%Y} đến {end:%d/%m/%Y}).",
                    [_ev(text, pid, fn, m.start(), m.end())], "ranges_outside_window",
                    suggestion=f"Số liệu kỳ này nên tính đến ngày {end:%d/%m/%Y}.",
                )


def school_years(report: Report) -> Iterator[Finding]:
    period = report.document.meta.period
    for text, pid, fn in _texts(report):
        for m in _SCHOOL.finditer(text):
            a, b = int(m.group(2)), int(m.group(3))
            ev = [_ev(text, pid, fn, m.start(), m.end())]
            if b != a + 1:
                yield _finding(report, "school_year_invalid", "error", f"Năm học «{a} - {b}» không hợp lệ.", ev, "school_years")
                continue
            if period is None:
                continue
            month = months_of(period)[-1][1]
            year = months_of(period)[-1][0]
            if m.group(1) or re.search(r"khai\s+giảng", text[max(0, m.start() - 60) : m.start()], re.IGNORECASE):
                expected = year if month >= 5 else year - 1
                if a != expected:
                    yield _finding(report, "school_year_mismatch", "error",
                                   f"«Năm học mới {a} - {b}» không khớp kỳ báo cáo {period.label or period.code}: "
                                   f"năm học mới là {expected} - {expected + 1}.", ev, "school_years",
                                   suggestion=f"năm học {expected} - {expected + 1}")
            elif a not in (year - 1, year):
                yield _finding(report, "school_year_mismatch", "warning",
                               f"Năm học {a} - {b} xa kỳ báo cáo {period.label or period.code}.", ev, "school_years")
            elif month >= 9 and a == year - 1 and not _PAST_YEAR.search(text[max(0, m.start() - 80) : m.start()]):
                # from September the current school year is year - year+1, unless the sentence
                # sums up the one that ended ("tổng kết năm học 2024 - 2025")
                yield _finding(report, "school_year_mismatch", "error",
                               f"«Năm học {a} - {b}» không khớp kỳ báo cáo {period.label or period.code}: "
                               f"năm học hiện tại là {year} - {year + 1}.", ev, "school_years",
                               suggestion=f"năm học {year} - {year + 1}")


def document_dates(report: Report) -> Iterator[Finding]:
    cited: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    for text, pid, fn in _texts(report):
        for m in _DOC.finditer(text):
            cited[m.group(1)].append((m.group(2), _ev(text, pid, fn, m.start(), m.end())))
    for number, items in cited.items():
        dates = {d for d, _ in items}
        if len(dates) > 1:
            yield _finding(report, "document_date_conflict", "error",
                           f"Văn bản số {number} được dẫn với các ngày khác nhau: {', '.join(sorted(dates))}.",
                           [ev for _, ev in items], "document_dates",
                           suggestion="Thống nhất ngày ban hành của văn bản này.")
