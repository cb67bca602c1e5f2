"""Extraction of single sentences: units, multipliers, ratios, relations, qualifiers, non-facts."""

from __future__ import annotations

from baocao.config import Config
from baocao.extract.model import Fact
from baocao.pipeline import analyze_bytes


def facts_of(*sentences: str) -> list[Fact]:
    text = "I. KẾT QUẢ ĐẠT ĐƯỢC\n\n" + "".join(f"{s}\n\n" for s in sentences)
    return list(analyze_bytes(text.encode(), "t.txt", Config(), upto="extract").facts)


def one(fact_list: list[Fact], raw_start: str) -> Fact:
    found = [f for f in fact_list if f.raw.startswith(raw_start)]
    assert found, [f.raw for f in fact_list]
    return found[0]


def test_money_units_and_multipliers() -> None:
    fs = facts_of("Thu ngân sách đạt 29.228 triệu đồng, chi 1.294,2 tỷ đồng và phạt 72.000.000 đồng, hỗ trợ 8.204,6 triệu USD.")
    assert [(f.value, f.unit) for f in fs] == [
        (29228e6, "VND"), (1294.2e9, "VND"), (72e6, "VND"), (8204.6e6, "USD"),
    ]


def test_area_mass_volume_length_energy() -> None:
    fs = facts_of("Gieo trồng 84.673,0 ha, bàn giao 988 m2, tiêu hủy 3.216kg và 753,04 nghìn tấn, "
                  "nước 6.745 nghìn m3, làm 57 mét đường và 2,5 km kênh, điện 82,14 triệu kWh.")
    got = [(f.dimension, f.unit, round(f.value, 3)) for f in fs]
    assert got == [
        ("area", "m2", 846730000.0), ("area", "m2", 988.0), ("mass", "kg", 3216.0), ("mass", "kg", 753040000.0),
        ("volume", "m3", 6745000.0), ("length", "m", 57.0), ("length", "m", 2500.0), ("energy", "kWh", 82140000.0),
    ]


def test_counts_take_the_noun_and_multiplier_words_count() -> None:
    fs = facts_of("Tiêm được 1,47 triệu lượt, tiếp nhận 3.512 văn bản đến và cấp 95 giấy phép xây dựng cho 02 hộ.")
    assert [(f.value, f.unit) for f in fs] == [(1470000, "lượt"), (3512, "văn bản"), (95, "giấy phép"), (2, "hộ")]


def test_ratio_with_percent_links_numerator_denominator_and_percent() -> None:
    fs = facts_of("Giải ngân đạt 1.809,6/4.930 triệu đồng (36,7%) kế hoạch vốn.")
    num, den, pct = fs
    assert (num.value, den.value, pct.value) == (1809.6e6, 4930e6, 36.7)
    assert num.unit == den.unit == "VND"
    assert pct.role == "ratio_percent"
    assert any(r.kind == "ratio_of" and r.target == num.id and r.other == den.id for r in pct.relations)


def test_unitless_ratio_equals_percent_takes_the_clause_noun() -> None:
    fs = facts_of("Số hồ sơ giải quyết trước hạn 261/596 = 43,79%.")
    assert [(f.value, f.unit) for f in fs] == [(261, "hồ sơ"), (596, "hồ sơ"), (43.79, "%")]


def test_comparisons_name_their_basis() -> None:
    fs = facts_of("Lũy kế 8 tháng đạt 25.140,5 tỷ đồng, đạt 58,2% kế hoạch, tăng 16,66% so với cùng kỳ; "
                  "thu đạt 464,6% dự toán tỉnh giao.")
    total = one(fs, "25.140,5")
    plan = one(fs, "58,2%")
    change = one(fs, "16,66%")
    assert plan.role == "achievement" and plan.relations[0].basis == "plan" and plan.relations[0].target == total.id
    assert change.role == "percent_change" and change.relations[0].basis == "same_period_last_year"
    assert change.relations[0].direction == "up"
    assert total.qualifiers.scope in ("cumulative", "year_to_date")
    assert one(fs, "464,6%").relations[0].basis == "estimate_province"


def test_percent_change_with_base_value_in_brackets() -> None:
    fs = facts_of("Số người nộp hồ sơ hưởng BHTN là 397 người, giảm 32,60% so với cùng kỳ năm 2024 (589 người).")
    pct = one(fs, "32,60%")
    rel = pct.relations[0]
    assert rel.direction == "down" and rel.target == one(fs, "397").id and rel.other == one(fs, "589").id


def test_breakdown_parts_point_at_their_total() -> None:
    fs = facts_of("Số hóa 128.053 hồ sơ; trong đó, số hồ sơ của cấp tỉnh là 34.096 hồ sơ; số hồ sơ của cấp huyện là "
                  "14.175 hồ sơ; tỷ lệ khai thác 11.315 hồ sơ.")
    total = one(fs, "128.053")
    parts = [f for f in fs if any(r.kind == "part_of" and r.target == total.id for r in f.relations)]
    assert [p.value for p in parts] == [34096, 14175]


def test_figures_in_brackets_after_a_figure_are_its_parts_when_they_fit_in_it() -> None:
    def parts_of(fs, total):  # type: ignore[no-untyped-def]
        return [f.value for f in fs if any(r.kind == "part_of" and r.target == total.id for r in f.relations)]

    houses = facts_of("Xóa nhà tạm, nhà dột nát: hoàn thành 146/146 nhà (xây mới 118 nhà, sửa chữa 28 nhà), kinh phí hỗ trợ 7.920 triệu đồng.")
    assert parts_of(houses, houses[0]) == [118, 28]  # the houses done: the numerator
    assert one(houses, "7.920").indicator == "social.housing_support_money"  # the amount of the whole
    fruit = facts_of("Cây ăn trái hiện có 96.240 ha (sầu riêng 14.820 ha, bưởi 17.350 ha).")
    assert parts_of(fruit, fruit[0]) == [14_820 * 10_000, 17_350 * 10_000]
    too_many = facts_of("Tiếp nhận 12 đơn (kiến nghị 9 đơn, khiếu nại 5 đơn).")  # 14 > 12: no parts, a mistake to check
    assert parts_of(too_many, too_many[0]) == []
    one_item = facts_of("Đón 34.117 lượt khách (cộng dồn 182.270 lượt khách), doanh thu 12 tỷ đồng.")
    assert parts_of(one_item, one_item[0]) == []
    visitors = facts_of("Đón 2.340 lượt khách (trong đó 185 lượt khách quốc tế), doanh thu ước 1,46 tỷ đồng.")
    assert one(visitors, "1,46").indicator == "tourism.revenue"


def test_carried_over_and_new() -> None:
    fs = facts_of("Trung tâm xử lý 98.822 hồ sơ (2.900 hồ sơ năm trước chuyển sang); tiếp nhận mới 95.754 hồ sơ.")
    assert one(fs, "2.900").role == "carried_over"
    assert one(fs, "95.754").role == "new"


def test_qualifiers_estimate_as_of_approx_since() -> None:
    fs = facts_of("Tổng thu ngân sách tính đến ngày 14/11/2025 ước đạt khoảng 10.909 triệu đồng.",
                  "Từ ngày 01/01/2025 đến nay tiếp nhận hơn 73.617 hồ sơ.")
    first = one(fs, "10.909")
    assert first.qualifiers.estimate and first.qualifiers.as_of == "2025-11-14" and first.qualifiers.approx == "khoảng"
    second = one(fs, "73.617")
    assert second.qualifiers.scope == "since" and second.qualifiers.since == "2025-01-01"
    assert second.qualifiers.approx == "hơn"


def test_digits_that_are_not_quantities() -> None:
    fs = facts_of(
        "Theo Quyết định số 2273/QĐ-UBND ngày 14/11/2025 và Nghị quyết số 59-NQ/TW, năm học 2025 - 2026, "
        "nhiệm kỳ 2026 - 2031, tại khối 7, lớp 4, mức độ 3, đoạn Km18 - Km80, tỷ lệ 1/500, chính quyền 02 cấp, "
        "lúc 8h30, kỷ niệm 80 năm, đội U11, trong tháng 6/2025 và 8 tháng năm 2025, mốc 1088/2-1089."
    )
    assert fs == []


def test_names_that_end_in_a_number_are_not_counts() -> None:
    fs = facts_of("Thi công kè chắn sóng thôn Lạc Sơn 3; Trường Mầm non Khương Đình (cơ sở 2) xây mới 12 phòng học. "
                  "Phường phối hợp Thuế cơ sở 7 tổ chức đối thoại với 135 doanh nghiệp; kiểm tra 45 cơ sở, thôn 3 có 40 hộ.")
    assert [(f.raw, f.unit) for f in fs] == [("12 phòng học", "phòng học"), ("135 doanh nghiệp", "doanh nghiệp"),
                                             ("45 cơ sở", "cơ sở"), ("40 hộ", "hộ")]


def test_fact_knows_its_place_and_sentence() -> None:
    fs = facts_of("Trong tháng cấp 95 giấy phép xây dựng. Thu được 252.510.000 đồng.")
    f = one(fs, "252.510.000")
    assert f.paragraph == "p1" and f.sentence == "Thu được 252.510.000 đồng."
    assert f.raw == "252.510.000 đồng"


def test_rates_per_measurement_unit_points_and_new_nouns() -> None:
    fs = facts_of("Năng suất lúa ước 52,3 tạ/ha; giá 50.000 đồng/kg; hỗ trợ 500.000 đồng/suất; vệ sinh 02 lần/tháng. "
                  "Tỷ lệ hộ nghèo còn 3,86%, giảm 0,92 điểm phần trăm so với đầu năm. Huy động 1.350 ngày công, "
                  "thu giữ 2,6 gam ma túy, đăng ký kết hôn 31 cặp, sửa 14 phòng học, xuất khẩu 12 triệu đô la Mỹ.")
    got = [(f.raw, f.dimension, f.unit, round(f.value, 6)) for f in fs]
    assert ("52,3 tạ/ha", "other", "tạ/ha", 52.3) in got
    assert ("50.000 đồng/kg", "other", "đồng/kg", 50000.0) in got
    assert ("500.000 đồng/suất", "other", "đồng/suất", 500000.0) in got  # a rate, not an amount to add up
    assert ("02 lần/tháng", "other", "lần/tháng", 2.0) in got
    assert ("1.350 ngày công", "count", "ngày công", 1350.0) in got
    assert ("2,6 gam", "mass", "kg", 0.0026) in got
    assert ("31 cặp", "count", "cặp", 31.0) in got and ("14 phòng học", "count", "phòng học", 14.0) in got
    assert ("12 triệu đô la Mỹ", "money", "USD", 12e6) in got
    points = one(fs, "0,92")
    assert (points.dimension, points.role) == ("percent", "points_change")
    assert [(r.kind, r.target, r.points) for r in points.relations] == [("change_of", one(fs, "3,86%").id, True)]


def test_rates_per_person_per_population_and_chains_of_per() -> None:
    fs = facts_of("Thu nhập 52,6 triệu đồng/người/năm; đạt 32,5 giường bệnh/vạn dân, 11,8 bác sĩ/10.000 dân; "
                  "sĩ số 42 học sinh/lớp; tiếp 19 lượt/ 26 công dân; đạt 19/21 hộ.")
    got = [(f.raw, f.dimension, f.unit, round(f.value, 6)) for f in fs]
    assert ("52,6 triệu đồng/người/năm", "other", "triệu đồng/người/năm", 52.6) in got
    assert ("32,5 giường bệnh/vạn dân", "other", "giường bệnh/vạn dân", 32.5) in got
    assert ("11,8 bác sĩ/10.000 dân", "other", "bác sĩ/10.000 dân", 11.8) in got
    assert ("42 học sinh/lớp", "other", "học sinh/lớp", 42.0) in got
    assert ("21 hộ", "count", "hộ", 21.0) in got and ("26 công dân", "count", "công dân", 26.0) in got


def test_ranges_bounds_engine_power_and_per_mille() -> None:
    fs = facts_of("Giá cà phê dao động từ 108.000 đến 112.000 đồng/kg; giá lúa 6.800 - 7.300 đồng/kg. "
                  "Phường có 486 tàu cá với tổng công suất 132.560 CV, trong đó 41 tàu có công suất từ 90 CV trở lên. "
                  "Độ mặn lên đến 4,8‰. Phấn đấu tăng trưởng đạt 8% trở lên.")
    got = [(f.raw, f.dimension, f.unit, round(f.value, 6)) for f in fs]
    assert ("108.000", "other", "đồng/kg", 108000.0) in got and ("6.800", "other", "đồng/kg", 6800.0) in got
    assert ("132.560 CV", "other", "CV", 132560.0) in got and ("4,8‰", "other", "‰", 4.8) in got
    assert not any(raw.startswith("90") for raw, *_ in got)  # the bound of a class of boats
    assert ("8%", "percent", "%", 8.0) in got  # a target, kept


def test_clock_minutes_and_nouns_read_only_after_a_number() -> None:
    fs = facts_of("Xảy ra 01 vụ cháy lúc 14 giờ 30 ngày 28/8/2025 và 01 vụ lúc 21 giờ 15 phút. "
                  "Hồ sơ không đủ điều kiện: 88; đón 120 khẩu.")
    # "88" takes its noun from the head of the clause, not from the "kiện" of "điều kiện"
    assert [(f.raw, f.unit) for f in fs] == [("01 vụ", "vụ"), ("01 vụ", "vụ"), ("88", "hồ sơ"), ("120 khẩu", "khẩu")]


def test_factors_scores_and_addresses() -> None:
    fs = facts_of("Ghi nhận 1.126 ca sốt xuất huyết, tăng 2,3 lần so với cùng kỳ. Chỉ số PAR INDEX đạt 86,12 điểm; "
                  "phun khử trùng 708 điểm. Xảy ra 01 vụ cháy tại khu phố 5, ấp 3 có 120 hộ.")
    got = {f.raw: (f.dimension, f.unit) for f in fs}
    assert got["2,3 lần"] == ("other", "lần") and got["86,12 điểm"] == ("other", "điểm")
    assert got["708 điểm"] == ("count", "điểm")
    assert "5" not in got and "3" not in got and got["120 hộ"] == ("count", "hộ")


def test_round_the_clock_and_spans_of_the_day_are_not_quantities_but_a_ratio_of_people_is() -> None:
    fs = facts_of("Giao quân với 24/24 thanh niên nhập ngũ; trực 24/24 giờ; tuần tra từ 11 giờ đến 15 giờ; "
                  "chợ có 412 ki-ốt; thi với 2.380 thí sinh; dự thi vào lớp 10: 286 em.")
    assert [(f.raw, f.unit) for f in fs] == [("24", "thanh niên"), ("24 thanh niên", "thanh niên"),
                                            ("412 ki-ốt", "ki-ốt"), ("2.380 thí sinh", "thí sinh"), ("286 em", "em")]


def test_items_of_a_bracketed_breakdown_count_in_the_noun_of_their_whole() -> None:
    facts = facts_of("Phường có 21 trường công lập (09 mầm non, 07 tiểu học, 05 trung học cơ sở).")
    assert [(f.raw, f.value, f.unit) for f in facts] == [
        ("21 trường", 21, "trường"), ("09", 9, "trường"), ("07", 7, "trường"), ("05", 5, "trường")]


def test_a_clock_time_before_a_date_is_no_duration() -> None:
    assert [f.raw for f in facts_of("Đưa 64 lao động vào bờ trước 17 giờ ngày 27/9/2025.")] == ["64 lao động"]
    assert [f.raw for f in facts_of("Xả lũ từ 14 giờ ngày 19/10/2025.")] == []
    assert [f.raw for f in facts_of("Trực 24 giờ, làm việc 48 giờ liên tục.")] == ["24 giờ", "48 giờ"]


def test_workers_are_counted() -> None:
    fs = facts_of("Đối thoại tại 02 doanh nghiệp FDI với 1.350 công nhân tham gia; Công ty TNHH Hanwon Vina 820 công nhân.")
    assert [(f.raw, f.unit) for f in fs] == [("02 doanh nghiệp", "doanh nghiệp"), ("1.350 công nhân", "công nhân"),
                                             ("820 công nhân", "công nhân")]


def test_ages_listed_before_tuoi_and_fishermen() -> None:
    fs = facts_of("Mừng thọ cho 386 người cao tuổi tròn 70, 75, 80, 85, 90 tuổi; phường có 412 tàu cá với 2.956 ngư dân.")
    assert [f.raw for f in fs] == ["386 người cao tuổi", "412 tàu cá", "2.956 ngư dân"]


def test_an_age_after_tuoi_is_no_count() -> None:
    fs = facts_of("Hoàn thành đăng ký nghĩa vụ quân sự cho 186 nam công dân tuổi 17.")
    assert [(f.raw, f.unit) for f in fs] == [("186 nam công dân", "công dân")]  # counted as citizens


def test_cashew_is_no_article_and_relatives_are_counted() -> None:
    fs = facts_of("Xuất khẩu hạt điều 184,9 triệu USD theo Điều 12 của Luật; trợ cấp cho 905 thân nhân người có công.")
    assert [(f.raw, f.unit) for f in fs] == [("184,9 triệu USD", "USD"), ("905 thân nhân", "thân nhân")]


def test_an_area_number_is_no_count_and_traders_and_vacancies_are() -> None:
    fs = facts_of("Xảy ra 01 vụ cháy nhà tại khu vực 7, thiệt hại 45 triệu đồng; nhân dân các khu vực 76,0 triệu đồng; "
                  "chợ có 1.126 tiểu thương; phiên giao dịch có 4.320 vị trí tuyển dụng.")
    assert [f.raw for f in fs] == ["01 vụ", "45 triệu đồng", "76,0 triệu đồng", "1.126 tiểu thương", "4.320 vị trí tuyển dụng"]
