"""Mapping a fact to the catalogue: which indicator the words around it name, and how sure.

Every indicator whose phrases stand around the fact gets a score (`_scores`): a phrase right
after the number weighs most, one before it less the farther it stands, the sentence before
and the section title least. The best score wins, after a penalty for a count whose noun is
not the indicator's unit (`_best`).
"""

from __future__ import annotations

from typing import NamedTuple

from baocao.extract.catalogue import Catalogue
from baocao.extract.composition import composed, interrupted, inverted
from baocao.extract.phrases import normalise

_RATE_ROLES = {None, "ratio_percent", "share", "rate"}
_ACHIEVEMENT_ROLES = {"achievement", "ratio_percent"}
_MIN_SCORE = 8.0
# A phrase before the number loses one point per _DISTANCE_STEP characters between it and the
# number (at most _DISTANCE_MAX points: the only phrase of a long sentence still names it), and
# counts its length only up to a cap (catalogue._size).
_DISTANCE_STEP = 3.5
_DISTANCE_MAX = 15.0
# A count whose noun is not the indicator's unit ("481 hộ" for a count of notices) rarely measures it.
_UNIT_PENALTY = 6.0


class Context(NamedTuple):
    """The words around a fact that say what it measures."""

    before: str  # the sentence up to the number (clause words nearest)
    after: str  # the noun phrase right after the number ("văn bản đi", "hồ sơ quá hạn")
    section: str  # the title of the section holding it
    previous: str = ""  # the sentence before, when the fact's own sentence names nothing
    elided: str = ""  # the item of an enumeration with its head put back (context.elided_head)
    elided_item: str = ""  # the item alone: a phrase found in `elided` counts when it is longer
    over: str = ""  # a numerator's noun phrase after its denominator ("64/64 công trình xây dựng")
    recipients: bool = False  # "tặng quà cho 9 hộ nghèo": the noun after the number says who received
    lead: str = ""  # the last words before the number: a phrase may run from them into `after`
    noun: str = ""  # a count's noun as printed


def can_map(catalogue: Catalogue, dimension: str, role: str | None, basis: str | None = None) -> bool:
    """Whether a fact of this dimension and role can measure an indicator at all: a percent of
    plan measures none of its own; a percent change only an indicator printed as a change
    against its `basis` (change_of)."""
    if role == "percent_change":
        return dimension == "percent" and bool(catalogue.change_codes(basis))
    return not ((dimension == "percent" and role not in _RATE_ROLES) or role in ("change", "basis_value"))


def map_indicator(catalogue: Catalogue, dimension: str, unit: str, role: str | None, ctx: Context,
                  basis: str | None = None) -> tuple[str | None, float]:
    """The catalogue indicator a fact measures by its words, with a confidence in [0, 1].

    A phrase right after the number (the count noun phrase) is the strongest clue; a phrase
    before it counts less the farther it stands; the section title counts least.
    """
    if not can_map(catalogue, dimension, role, basis):
        return None, 0.0
    allowed = catalogue.change_codes(basis) if role == "percent_change" else catalogue.codes_of(dimension)
    if role == "percent_change":
        # "IIP tăng 6,05%, trong đó: công nghiệp khai khoáng tăng 14,56%": a part's change is not the whole's
        cut = ctx.before.lower().rfind("trong đó")
        if cut >= 0:
            ctx = ctx._replace(before=ctx.before[cut:], previous="", section="")
    scores = _scores(catalogue, allowed, ctx)
    best = _best(catalogue, scores, dimension, unit)
    if ctx.over and best[1] is not None:
        best = _tie_by_whole(catalogue, scores, best, allowed, ctx, dimension, unit)
    if (best[1] is None or best[0] < _MIN_SCORE) and ctx.over:
        # the words before a numerator name a part ("kết thúc 301/306 cuộc thanh tra"); only
        # when they name nothing is it the set after the denominator
        best = _best(catalogue, _scores(catalogue, allowed, ctx._replace(after=ctx.over)), dimension, unit)
    if (best[1] is None or best[0] < _MIN_SCORE) and dimension == "count" and role is None:
        bare = catalogue.bare_code(unit)  # "toàn xã có 06 trường": what a bare count of its noun is
        if bare is not None and bare in allowed:
            best = (_MIN_SCORE, bare)
    if best[1] is None or best[0] < _MIN_SCORE:
        return None, 0.0
    code = best[1]
    if role == "denominator":
        # "đã giải quyết 09/15 đơn": the words name the numerator; the denominator is what the
        # numerator's rate is a rate of (ratio_of in the data).
        base = base_of(catalogue, code)
        if base is None:
            # no rate links them: the whole is only what the words after it name ("kết thúc
            # 301/306 cuộc thanh tra" — 306 inspections carried out), if anything
            own = ctx._replace(before="", previous="", section="", elided="")
            best = _best(catalogue, _scores(catalogue, allowed, own), dimension, unit)
            if best[1] is None or best[0] < _MIN_SCORE:
                return None, 0.0
            base = best[1]
        code = base
    return code, round(min(1.0, 0.35 + best[0] / 50), 2)


def _scores(catalogue: Catalogue, allowed: frozenset[str], ctx: Context) -> dict[str, float]:
    """The best positive score of every indicator of `dimension` named around a fact.

    A phrase counts once, where it weighs most: after the number, before it (less the
    farther it stands), in the sentence before, in the section title.
    """
    size = catalogue._sizes
    before_len, found_before, clause_at, figure_at = catalogue.find_clauses(ctx.before)
    found_after = catalogue.find(ctx.after)[1]
    found_previous = catalogue.find(ctx.previous)[1]
    found_section = catalogue.find(ctx.section)[1]
    scores: dict[str, float] = {}

    def keep(code: str, score: float) -> None:
        if code in allowed and score > scores.get(code, 0.0):
            scores[code] = score

    for code, phrase in found_after:
        # the recipients of what the words before name weigh like a phrase before the number
        keep(code, size[phrase] if ctx.recipients else size[phrase] * 1.2 + 20)
    # "tổng đàn trâu 312 con, đàn bò 1.146 con": a phrase before an earlier figure is that
    # figure's when a phrase stands between the two
    own_item = figure_at > 0 and any(end - len(phrase) >= figure_at and code in allowed
                                     for (code, phrase), end in found_before.items())
    for (code, phrase), end in found_before.items():
        if (code, phrase) not in found_after:
            if end <= clause_at or (own_item and end <= figure_at):  # in an earlier clause ("…khách quốc tế 8.650 lượt; 10 tháng đón …")
                keep(code, size[phrase] * 0.6)
                continue
            distance = before_len - end
            keep(code, size[phrase] + 10 - min(distance / _DISTANCE_STEP, _DISTANCE_MAX))
    if ctx.lead and not ctx.recipients:
        for code, phrase in interrupted(catalogue, ctx.lead, ctx.after):
            keep(code, size[phrase] * 1.2 + 20)  # as strong as a phrase after the number
        for code, phrase in inverted(catalogue, ctx.lead, ctx.noun):
            keep(code, size[phrase] + 10)
    named = any(score >= _MIN_SCORE for score in scores.values())
    for code, phrase in composed(catalogue, ctx.before, named, allowed):
        keep(code, size[phrase] + 10)  # as if right before the number
    if ctx.elided:
        elided_len, found_elided = catalogue.find(ctx.elided)
        item_len = len(normalise(ctx.elided_item))
        for key, end in found_elided.items():
            if end == elided_len and len(key[1]) > item_len + 1:
                keep(key[0], size[key[1]] + 10)  # as if right before the number
    for key in found_previous:
        if key not in found_after and key not in found_before:
            keep(key[0], size[key[1]] * 0.6)
    for key in found_section:
        if key not in found_after and key not in found_before and key not in found_previous:
            keep(key[0], size[key[1]] * 0.4)
    return scores


def _tie_by_whole(catalogue: Catalogue, scores: dict[str, float], best: tuple[float, str | None],
                  allowed: frozenset[str], ctx: Context, dimension: str, unit: str) -> tuple[float, str | None]:
    """ "đã giải quyết 412/468 vụ việc khiếu nại": when the numerator's words name indicators of
    several sectors alike, the one of the sector its denominator's words name."""
    tied = [code for code, score in scores.items() if score == scores.get(best[1] or "")]
    if len(tied) < 2:
        return best
    whole = _best(catalogue, _scores(catalogue, allowed, Context(before="", after=ctx.over, section="")), dimension, unit)[1]
    same = [code for code in tied if whole and code.rsplit(".", 1)[0] == whole.rsplit(".", 1)[0]]
    return (best[0], same[0]) if len(same) == 1 else best


def _best(catalogue: Catalogue, scores: dict[str, float], dimension: str, unit: str) -> tuple[float, str | None]:
    """The highest score, after the unit penalty for counts; the catalogue order breaks ties."""
    best: tuple[float, str | None] = (0.0, None)
    if not scores:
        return best
    order = catalogue.order()
    unit_f = catalogue.folded_unit(unit) if dimension == "count" else ""
    best_at = len(order)
    for code, score in scores.items():
        at, unit_folded = order[code]
        if dimension == "count" and not _count_unit_ok(unit_folded, unit_f, catalogue.persons):
            score -= _UNIT_PENALTY
        if score > best[0] or (score == best[0] and best[1] is not None and at < best_at):
            best, best_at = (score, code), at
    return best


def base_of(catalogue: Catalogue, numerator: str) -> str | None:
    """The denominator of the rate whose numerator is `numerator` (ratio_of in the data)."""
    for ind in catalogue.by_dimension("percent"):
        if ind.ratio_of and ind.ratio_of[0] == numerator:
            return ind.ratio_of[1]
    return None


def rate_indicator(catalogue: Catalogue, numerator: str | None, basis: str | None) -> str | None:
    """The percent indicator that is the ratio of `numerator` to something (ratio_of in the data).
    With a `basis` that names an estimate ("estimate_local": "dự toán HĐND giao"), only a rate
    against that estimate: "đạt 95% dự toán HĐND giao" is not the rate against the province's."""
    if numerator is None:
        return None
    rates = [ind for ind in catalogue.by_dimension("percent") if ind.ratio_of and ind.ratio_of[0] == numerator]
    if basis and basis.startswith("estimate_") and any("estimate" in ind.ratio_of[1] for ind in rates):
        rates = [ind for ind in rates if ind.ratio_of[1].endswith(basis)]
    return rates[0].code if rates else None


def _count_unit_ok(a: str, b: str, persons: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Folded count units agree: same noun, or one is the other with more words, or a generic
    person noun and a noun of persons (`persons`: the folded generic nouns and all person nouns)."""
    if not a or not b:
        return False
    # "lượt con" counts "con" in turns: a unit that ends with the other's words agrees too
    return (a == b or a.split()[0] == b.split()[0] or a.startswith(b) or b.startswith(a)
            or a.endswith(" " + b) or b.endswith(" " + a)
            or (a in persons[1] and b in persons[0]) or (b in persons[1] and a in persons[0]))


def plan_rate_indicator(catalogue: Catalogue, ctx: Context, basis: str | None) -> str | None:
    """ "giải ngân vốn đầu tư công mới đạt 51,9% kế hoạch", "giao quân đạt 100% chỉ tiêu": a
    percent of a plan printed with no figure of what was reached is the rate (ratio_of) of what
    its words name, when that rate is one against a plan, target or estimate."""
    if "plan_rates" not in catalogue._extra:
        catalogue._extra["plan_rates"] = frozenset(
            i.ratio_of[0] for i in catalogue.by_dimension("percent")
            if i.ratio_of and any(w in i.ratio_of[1].rsplit(".", 1)[-1] for w in ("plan", "target", "estimate")))
    return _rate_named(catalogue, ctx, catalogue._extra["plan_rates"], basis)  # type: ignore[arg-type]

def reached_rate_indicator(catalogue: Catalogue, ctx: Context) -> str | None:
    """ "giải ngân vốn đầu tư công mới đạt 63,7%": a percent reached, printed with no basis and
    no figure of what was reached, is the rate (ratio_of) of what its own sentence names."""
    if "rates" not in catalogue._extra:
        catalogue._extra["rates"] = frozenset(i.ratio_of[0] for i in catalogue.by_dimension("percent") if i.ratio_of)
    return _rate_named(catalogue, ctx, catalogue._extra["rates"], None)  # type: ignore[arg-type]

def named_in_sentence(catalogue: Catalogue, ctx: Context, code: str) -> bool:
    """Whether the words of the fact's own sentence name `code`."""
    return _scores(catalogue, frozenset((code,)), ctx._replace(previous="", section="")).get(code, 0.0) >= _MIN_SCORE

def _rate_named(catalogue: Catalogue, ctx: Context, numerators: frozenset[str], basis: str | None) -> str | None:
    own = ctx._replace(previous="", section="")  # the words of its own sentence only
    score, reached = max(((s, c) for c, s in _scores(catalogue, numerators, own).items()), default=(0.0, None))
    return rate_indicator(catalogue, reached, basis) if score >= _MIN_SCORE else None
