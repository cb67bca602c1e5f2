"""`render_report`: one synthetic monthly report with its truth."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import cast

from baocao.synth import narrative
from baocao.synth import sections_admin as sa
from baocao.synth import sections_commune as sc
from baocao.synth import sections_province as sp
from baocao.synth.compose import FactSpec, NonFactSpec, Para, evaluate
from baocao.synth.ctx import Ctx
from baocao.synth.layout import (
    Line,
    Placed,
    number_footnotes,
    out_offset,
    paginate,
    para_lines,
    render,
    wrap,
)
from baocao.synth.mistakes import apply_mistakes
from baocao.synth.model import (
    MISTAKE_KINDS,
    NonFact,
    ReportMeta,
    SynthReport,
    Task,
    TaskOutcome,
    TruthCheck,
    TruthFact,
    TruthFootnote,
    TruthParagraph,
    TruthSection,
)
from baocao.synth.series import Series
from baocao.synth.world import SynthProvince, SynthUnit

Writer = Callable[[Ctx], None]
Group = tuple[tuple[str, ...], list[tuple[tuple[str, ...] | None, Writer]]]

COMMUNE_GROUPS: list[Group] = [
    (("Lĩnh vực kinh tế", "Về kinh tế"), [
        (("Nông, lâm nghiệp", "Sản xuất nông, lâm nghiệp"), sc.agriculture),
        (("Thương mại, dịch vụ", "Hoạt động thương mại, dịch vụ"), sc.trade),
        (("Tài chính, ngân sách", "Quản lý điều hành ngân sách"), sc.budget),
        (("Đầu tư xây dựng cơ bản",), sc.investment)]),
    (("Quản lý đô thị, đất đai, tài nguyên và môi trường",
      "Công tác quản lý đô thị, đất đai, giải phóng mặt bằng"), [(None, sc.urban_land)]),
    (("Lĩnh vực văn hóa - xã hội", "Văn hoá - Xã hội - Y tế"), [
        (("Giáo dục và đào tạo", "Giáo dục"), sc.education),
        (("Văn hóa, thông tin và thể thao", "Hoạt động văn hoá - thông tin"), sc.culture),
        (("Y tế", "Công tác y tế - dân số"), sc.health),
        (("An sinh xã hội, lao động, việc làm", "Công tác an sinh xã hội"), sc.social)]),
    (("Cải cách hành chính, chuyển đổi số", "Công tác chuyển đổi số, cải cách hành chính"),
     [(None, sa.admin_reform)]),
    (("Thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo",), [(None, sa.inspection)]),
    (("Quốc phòng, an ninh", "Công tác an ninh, quốc phòng"), [(None, sa.security)]),
    (("Nội vụ, tư pháp", "Công tác Nội vụ, tư pháp"), [(None, sa.interior_justice)]),
    (("Dân tộc, tôn giáo", "Công tác Dân tộc – Tôn giáo"), [(None, sa.ethnic_religion)]),
]

PROVINCE_GROUPS: list[Group] = [
    (("Về phát triển kinh tế",), [
        (("Sản xuất nông, lâm nghiệp",), sp.agriculture),
        (("Phát triển kinh tế cửa khẩu",), sp.border),
        (("Sản xuất công nghiệp; thương mại, dịch vụ và du lịch",), sp.industry_trade),
        (("Hoạt động đầu tư xây dựng kết cấu hạ tầng",), sp.investment),
        (("Phát triển doanh nghiệp và thu hút đầu tư",), sp.enterprise),
        (("Quản lý, điều hành ngân sách nhà nước",), sp.budget)]),
    (("Lĩnh vực văn hóa - xã hội",), [(None, sp.social)]),
    (("Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",), [(None, sp.admin_digital)]),
    (("Lĩnh vực tài nguyên và môi trường",), [(None, sp.land)]),
    (("Công tác thanh tra, kiểm tra; giải quyết khiếu nại, tố cáo; chống buôn lậu, gian lận thương mại",),
     [(None, sp.inspection)]),
    (("Lĩnh vực quốc phòng, an ninh; đối ngoại",), [(None, sp.security)]),
]

DOC_TOPICS = ("triển khai các nhiệm vụ trọng tâm phát triển kinh tế - xã hội",
              "đẩy mạnh cải cách hành chính, chuyển đổi số", "thực hiện Chương trình xóa nhà tạm, nhà dột nát",
              "tăng cường công tác phòng, chống dịch bệnh trên đàn vật nuôi")


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _prev_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _committee(unit: SynthUnit) -> str:
    return f"UBND {unit.kind}" if unit.level != "province" else "UBND tỉnh"


def render_report(province: SynthProvince, unit_code: str, year: int, month: int, seed: int,
                  mistakes: Sequence[str] = (), series: Series | None = None) -> SynthReport:
    """The text layer of the monthly report of `unit_code` for (year, month), with its truth."""
    for kind in mistakes:
        if kind not in MISTAKE_KINDS:
            raise ValueError(f"unknown mistake kind {kind!r}")
    unit = province.unit(unit_code)
    c = Ctx(province, series or Series(province), unit, year, month, seed)
    b = c.b
    meta_bits = _meta(c)
    header = _header(c, meta_bits) if meta_bits["has_header"] else _title_only(c)
    outcomes = _previous_outcomes(c)
    doc = _doc_citation(c)
    _section_direction(c, doc)
    _section_results(c)
    _section_assessment(c, doc)
    tasks = _section_tasks(c, meta_bits["assessment_numbered"])
    closing = _closing(c, meta_bits)
    blocks = header + c.blocks + closing
    injected = apply_mistakes(c, blocks, list(mistakes))
    notes = number_footnotes(blocks)

    width = b.rng.randint(77, 84)
    fn_width = b.rng.randint(104, 112)
    rendered: dict[int, object] = {}
    body_lines: list[Line] = []
    for block in blocks:
        r = render(block, _heading_prefix(block))
        rendered[id(block)] = r
        lines = para_lines(block, r, width)
        if block.kind == "body" and lines and b.chance(0.6):
            lines[-1].text += " "
        body_lines.extend(lines)
    note_lines: dict[int, list[Line]] = {}
    for note in notes:
        r = render(note, f"{note.number} ")
        rendered[id(note)] = r
        lines = [Line(r.text[a:bb], note, a) for a, bb in wrap(r.text, fn_width)]
        lines[0].fn_first = int(note.number)
        note_lines[int(note.number)] = lines
    placed = paginate(body_lines, note_lines, b.rng, b.rng.randint(38, 44), b.chance(0.3))
    return _truth(c, blocks, notes, rendered, placed, meta_bits, tasks, outcomes, injected)


# -- meta, header, closing ------------------------------------------------------------------

def _meta(c: Ctx) -> dict[str, object]:
    b = c.b
    unit = c.unit
    if b.chance(0.7):
        issued = date(c.y, c.m, b.rng.randint(15, 25))
    else:
        ny, nm = _next_month(c.y, c.m)
        issued = date(ny, nm, b.rng.randint(1, 5))
    place = unit.name
    day = f"{issued.day:02d}"
    mon = f"{issued.month:02d}" if issued.month < 3 else str(issued.month)
    deputy = b.chance(0.4)
    return {
        "has_header": b.chance(0.5),
        "number": f"{b.rng.randint(5, 480)}/BC-UBND",
        "issued": issued,
        "place": place,
        "date_line": (place, day, mon, str(issued.year)),
        "signer": unit.deputy if deputy else unit.chair,
        "signer_title": "PHÓ CHỦ TỊCH" if deputy else "CHỦ TỊCH",
        "signing_form": "KT." if deputy else "TM.",
        "assessment_numbered": b.chance(0.5) if unit.level != "province" else False,
        "timestamps": b.chance(0.5),
    }


def _title_text(c: Ctx, p: Para) -> None:
    ny, nm = _next_month(c.y, c.m)
    if c.level == "province":
        p.t("Tình hình kinh tế - xã hội tháng ").x(str(c.m), "period").t(" và ").x(str(c.m), "period")
        p.t(" tháng năm ").x(str(c.y), "year")
    else:
        p.t("Tình hình kinh tế - xã hội tháng ").x(str(c.m), "period").t(" năm ").x(str(c.y), "year")
    p.t(", nhiệm vụ trọng tâm tháng ").x(str(nm), "period").t(" năm ").x(str(ny), "year")


def _header(c: Ctx, meta: dict[str, object]) -> list[Para]:
    unit = c.unit
    issuer2 = unit.full_name.upper()
    place, day, mon, yr = cast(tuple[str, str, str, str], meta["date_line"])
    out: list[Para] = []

    def line(text: str) -> Para:
        p = Para(kind="header", wrap=False)
        p.t(text)
        out.append(p)
        return p

    if c.b.chance(0.5):
        line("ỦY BAN NHÂN DÂN")
        line(issuer2)
        line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        line("Độc lập - Tự do - Hạnh phúc")
        line("Số: ").x(str(meta["number"]), "doc_number")
    else:
        line("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        line(f"{issuer2}          Độc lập - Tự do - Hạnh phúc")
        line("Số: ").x(str(meta["number"]), "doc_number")
    p = line(f"{place}, ngày ")
    p.x(str(day), "date").t(" tháng ").x(str(mon), "date").t(" năm ").x(str(yr), "date")
    line("BÁO CÁO")
    title = Para(kind="header", wrap=True)
    _title_text(c, title)
    out.append(title)
    return out


def _title_only(c: Ctx) -> list[Para]:
    if not c.b.chance(0.4):
        return []
    p = Para(kind="header", wrap=False)
    p.t("TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG ").x(f"{c.m}/{c.y}", "period")
    return [p]


def _closing(c: Ctx, meta: dict[str, object]) -> list[Para]:
    unit = c.unit
    out: list[Para] = []
    ny, nm = _next_month(c.y, c.m)
    p = Para(kind="body")
    p.t("Trên đây là báo cáo tình hình kinh tế - xã hội tháng ").x(f"{c.m}/{c.y}", "period")
    p.t(" và nhiệm vụ trọng tâm tháng ").x(f"{nm}/{ny}", "period").t(f" của {_committee(unit)} {unit.name}./.")
    out.append(p)

    def line(text: str) -> Para:
        q = Para(kind="closing", wrap=False)
        q.t(text)
        out.append(q)
        return q

    line("Nơi nhận:")
    if unit.level == "province":
        recipients = ["- Văn phòng Chính phủ;", "- Các Bộ: Tài chính, Quốc phòng, Công an;",
                      "- Thường trực Tỉnh uỷ;", "- Thường trực HĐND tỉnh;",
                      "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "- UBND các xã, phường;", "- Lưu: VT, TH."]
    else:
        upper = "UBND tỉnh" if unit.valid_from is not None or unit.level == "district" else (
            f"UBND {c.province.unit(unit.parent_code or c.province.code).kind}")
        recipients = [f"- {upper} (b/c);", "- Thường trực Đảng ủy;", "- TT HĐND;", "- CT, PCT UBND;",
                      "- Các ban, ngành, đoàn thể;", "- Lưu: VT."]
    for r in recipients:
        line(r)
    form = str(meta["signing_form"])
    if form == "TM.":
        line("TM. ỦY BAN NHÂN DÂN")
        line("CHỦ TỊCH")
    else:
        line("TM. ỦY BAN NHÂN DÂN")
        line("KT. CHỦ TỊCH")
        line("PHÓ CHỦ TỊCH")
    for _ in range(c.b.rng.randint(2, 5)):
        line(" ")
    line(str(meta["signer"]))
    if meta["timestamps"]:
        issued: date = meta["issued"]  # type: ignore[assignment]
        for i in range(c.b.rng.randint(1, 4)):
            stamp = f"{issued.isoformat()}T{8 + i:02d}:{c.b.rng.randint(0, 59):02d}:{c.b.rng.randint(0, 59):02d}+0700"
            line("\t\t").x(stamp, "timestamp")
    return out


# -- sections ---------------------------------------------------------------------------------

def _heading_prefix(block: Para) -> str:
    if block.kind == "heading" and block.number:
        return f"{block.number}. "
    if block.kind == "task":
        return f"{block.number}. "
    return ""


def _doc_citation(c: Ctx) -> tuple[str, date, str]:
    b = c.b
    symbol = b.rng.choice(("KH-UBND", "QĐ-UBND", "CT-UBND"))
    kind = {"KH-UBND": "Kế hoạch", "QĐ-UBND": "Quyết định", "CT-UBND": "Chỉ thị"}[symbol]
    issued = date(c.y, c.m, 1) - timedelta(days=b.rng.randint(20, 200))
    return (f"{kind} số ", issued, f"{b.rng.randint(10, 420)}/{symbol}")


def _cite(c: Ctx, p: Para, doc: tuple[str, date, str]) -> None:
    kind, issued, number = doc
    p.t(kind).x(number, "doc_number", "doc").t(" ngày ").x(
        f"{issued.day}/{issued.month}/{issued.year}", "doc_date", "doc")
    p.t(" của UBND tỉnh")


def _section_direction(c: Ctx, doc: tuple[str, date, str]) -> None:
    b = c.b
    c.heading(1, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "direction")
    p = c.para("direction")
    p.t(b.pick("Trong tháng ", "Trong tháng ")).x(f"{c.m}/{c.y}" if b.chance(0.5) else str(c.m), "period")
    before, after = narrative.DIRECTION[0].format(committee=_committee(c.unit), year="\x00").split("\x00")
    p.t(", " + before).x(str(c.y), "year").t(after)
    p2 = c.para("direction")
    p2.t("Chỉ đạo triển khai thực hiện ")
    _cite(c, p2, doc)
    p2.t(" về " + b.rng.choice(DOC_TOPICS) + " trên địa bàn")
    if (c.y, c.m) >= (2025, 4):
        p2.t("; vận hành hiệu quả mô hình chính quyền địa phương ").x("02", "count_of_levels").t(" cấp.")
    else:
        p2.t("; phấn đấu hoàn thành các chỉ tiêu kế hoạch giai đoạn ").x("2021 - 2025", "year_range").t(".")
    for sentence in b.rng.sample(narrative.DIRECTION[1:], b.rng.randint(1, 3)):
        c.para("direction").t(sentence)
    tail = c.para("direction")
    c.emit_outcomes(tail, "direction")
    if not tail.parts:
        c.blocks.remove(tail)
    sc.direction_docs(c)


def _section_results(c: Ctx) -> None:
    b = c.b
    h = c.heading(1, "", "")
    h.parts.clear()
    if c.level == "province":
        h.t("TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG ").x(str(c.m), "period").t(" VÀ ").x(str(c.m), "period")
        h.t(" THÁNG NĂM ").x(str(c.y), "year")
        groups, nested = PROVINCE_GROUPS, True
    else:
        choice = b.rng.randint(0, 2)
        if choice == 2:
            h.t("KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG ").x(f"{c.m}/{c.y}", "period")
        else:
            h.t(("KẾT QUẢ ĐẠT ĐƯỢC", "NHỮNG KẾT QUẢ ĐẠT ĐƯỢC")[choice])
        groups, nested = COMMUNE_GROUPS, b.chance(0.6)
    for titles, members in groups:
        c.heading(2, b.rng.choice(titles))
        for sub, write in members:
            if nested and sub is not None:
                c.heading(3, b.rng.choice(sub))
            write(c)
    if c.outcomes:
        p = c.para("other")
        p.t("Về kết quả thực hiện các nhiệm vụ trọng tâm tháng trước:")
        c.emit_outcomes(p, *list(c.outcomes))


def _section_assessment(c: Ctx, doc: tuple[str, date, str]) -> None:
    b = c.b
    committee = _committee(c.unit)
    strengths = b.rng.sample(narrative.STRENGTHS, 2)
    weak = b.rng.choice(narrative.WEAKNESSES)
    if c.level == "province":
        p = c.para("other")
        p.t("Đánh giá chung: Trong tháng ").x(f"{c.m}/{c.y}", "period").t(", ")
        p.t(strengths[0].format(committee=committee) + " " + strengths[1].format(committee=committee))
        c.para("other").t("Bên cạnh đó vẫn còn một số khó khăn, hạn chế như: " + weak)
    else:
        if c.b.rng.random() < 0.5 and not _assessment_numbered(c):
            c.unnumbered("ĐÁNH GIÁ CHUNG")
            c.counters[1] = 0
        else:
            c.heading(1, "ĐÁNH GIÁ CHUNG")
            c.blocks[-1].number = c.blocks[-1].number
            _set_assessment_numbered(c)
        c.heading(2, "Ưu điểm")
        c.para("other").t(" ".join(s.format(committee=committee) for s in strengths))
        c.heading(2, b.pick("Hạn chế", "Tồn tại, hạn chế"))
        c.para("other").t(weak)
        if b.chance(0.4):
            offices = b.rng.sample(narrative.OFFICES, 2)
            c.para("other").t("- Các đơn vị còn có nội dung chưa tham mưu giải quyết: " + "; ".join(offices) + ".")
    p = c.para("other")
    p.t("Kết quả thực hiện ")
    _cite(c, p, doc)
    p.t(" được tổng hợp tại biểu chi tiết kèm theo.")


def _assessment_numbered(c: Ctx) -> bool:
    return getattr(c, "_numbered_assessment", False) is True


def _set_assessment_numbered(c: Ctx) -> None:
    c._numbered_assessment = True  # type: ignore[attr-defined]


def _section_tasks(c: Ctx, numbered: object) -> list[Task]:
    b = c.b
    ny, nm = _next_month(c.y, c.m)
    h = c.heading(1, "")
    h.parts.clear()
    h.t(b.pick("NHIỆM VỤ TRỌNG TÂM THÁNG ", "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG ")).x(f"{nm}/{ny}", "period")
    p = c.para("other")
    p.t("Để tổ chức triển khai kịp thời các nhiệm vụ trọng tâm tháng ").x(str(nm), "period").t(" năm ")
    p.x(str(ny), "year").t(f", {_committee(c.unit)} sẽ tập trung thực hiện các nhiệm vụ, giải pháp chủ yếu sau:")
    tasks: list[Task] = []
    for i, template in enumerate(narrative.plan_tasks(c.unit, c.y, c.m, c.seed), start=1):
        t = Para(kind="task", number=str(i), sector=template.sector)
        t.t(template.text)
        c.blocks.append(t)
        tasks.append(Task(str(i), template.text, template.sector, template.key))
    return tasks


def _previous_outcomes(c: Ctx) -> list[TaskOutcome]:
    py, pm = _prev_month(c.y, c.m)
    if not c.unit.valid_on(date(py, pm, 1)):
        return []
    out: list[TaskOutcome] = []
    for i, template in enumerate(narrative.plan_tasks(c.unit, py, pm, c.seed), start=1):
        status = narrative.task_status(c.u, py, pm, c.seed, template.key)
        evidence = None
        if status != "not_mentioned":
            evidence = template.done if status == "done" else template.in_progress
            c.add_outcome(template.sector, evidence)
        out.append(TaskOutcome(str(i), template.text, status, evidence, template.key))
    return out


# -- truth ------------------------------------------------------------------------------------

def _truth(c: Ctx, blocks: list[Para], notes: list[Para], rendered: dict[int, object], placed: Placed,
           meta: dict[str, object], tasks: list[Task], outcomes: list[TaskOutcome],
           injected: list) -> SynthReport:  # type: ignore[type-arg]
    from baocao.synth.layout import Rendered

    facts: list[TruthFact] = []
    non_facts: list[NonFact] = []
    sections: list[TruthSection] = []
    footnotes: list[TruthFootnote] = []
    marker_at: dict[int, int] = {}
    anchors: dict[int, str] = {}
    for para in [*blocks, *notes]:
        r = rendered[id(para)]
        assert isinstance(r, Rendered)
        fn = int(para.number) if para.kind == "footnote" else None
        for span in r.spans:
            start = out_offset(placed, para, span.start)
            end = start + (span.end - span.start)
            obj = span.obj
            if isinstance(obj, FactSpec):
                obj.footnote = fn
                facts.append(TruthFact(
                    id=obj.id, value=float(obj.base), dimension=obj.dimension, unit=obj.unit, raw=obj.raw,
                    unit_text=obj.unit_text, indicator=obj.indicator, scope=obj.scope, estimate=obj.estimate,
                    footnote=fn, start=start, end=end, decimals=obj.decimals, role=obj.role,
                    as_of=obj.as_of, approx=obj.approx))
            elif isinstance(obj, NonFactSpec):
                non_facts.append(NonFact(obj.raw, obj.kind, start, end, fn))
            elif isinstance(obj, tuple):
                marker_at[obj[1]] = start
                clean_at = r.clean_marks[obj[1]]
                anchors[obj[1]] = r.clean[max(0, clean_at - 40):clean_at]
        if para.kind in ("heading", "task") and para.number:
            at = out_offset(placed, para, 0)
            non_facts.append(NonFact(para.number, "list_number", at, at + len(para.number)))
        if para.kind == "heading":
            title_start = len(_heading_prefix(para))
            sections.append(TruthSection(para.number, r.text[title_start:], para.level,
                                         out_offset(placed, para, 0)))
    for note in notes:
        r = rendered[id(note)]
        assert isinstance(r, Rendered)
        n = int(note.number)
        footnotes.append(TruthFootnote(n, r.text[len(note.number) + 1:], anchors[n], marker_at[n]))
    for start, end, raw in placed.page_numbers:
        non_facts.append(NonFact(raw, "page_number", start, end))
    facts.sort(key=lambda f: f.start)
    non_facts.sort(key=lambda f: f.start)
    checks = tuple(TruthCheck(ch.kind, ch.result.id, tuple(o.id for o in ch.operands),
                              float(ch.base) if ch.base is not None else None, ch.direction, evaluate(ch))
                   for ch in c.b.checks)
    place, day, mon, yr = cast(tuple[str, str, str, str], meta["date_line"])
    issued: date = meta["issued"]  # type: ignore[assignment]
    stamps = tuple(nf.raw for nf in non_facts if nf.kind == "timestamp")
    ny, nm = _next_month(c.y, c.m)
    unit = c.unit
    report_meta = ReportMeta(
        unit_code=unit.code, unit_name=unit.full_name, unit_kind=unit.kind, level=unit.level, year=c.y,
        month=c.m, doc_number=str(meta["number"]), issued_on=issued.isoformat(), place=str(place),
        date_line=f"{place}, ngày {day} tháng {mon} năm {yr}",
        title=f"Tình hình kinh tế - xã hội tháng {c.m} năm {c.y}, nhiệm vụ trọng tâm tháng {nm} năm {ny}",
        issuer=f"ỦY BAN NHÂN DÂN {unit.full_name.upper()}", signer=str(meta["signer"]),
        signer_title=str(meta["signer_title"]), signing_form=str(meta["signing_form"]),
        has_header=bool(meta["has_header"]), signed_at=stamps,
        recipients=tuple(str(b.parts[0][1]) for b in blocks if b.kind == "closing"
                         and str(b.parts[0][1]).startswith("- ")))
    paragraphs = []
    for block in blocks:
        r = rendered[id(block)]
        assert isinstance(r, Rendered)
        marks = tuple((s.start, s.obj[1]) for s in r.spans if isinstance(s.obj, tuple))
        paragraphs.append(TruthParagraph(block.kind, r.text, block.number, block.level, marks))
    return SynthReport(paragraphs=tuple(paragraphs), text=placed.text, meta=report_meta, sections=tuple(sections), footnotes=tuple(footnotes),
                       facts=tuple(facts), non_facts=tuple(non_facts), tasks=tuple(tasks),
                       task_outcomes=tuple(outcomes), mistakes=tuple(injected), checks=checks,
                       pages=placed.page_count)
