"""Indicator mapping by the grammar of the sentence: enumerations that leave out their head,
ratios named after their denominator, amounts of a count, recipients after "cho", and phrases
that do not run across punctuation."""

from __future__ import annotations

import pytest

from baocao.extract.catalogue import _phrase_forms, load_catalogue
from baocao.extract.context import elided_head
from baocao.extract.phrases import normalise as _norm
from tests.unit.test_extract_units import facts_of, one


def indicator(sentence: str, raw_start: str) -> str | None:
    return one(facts_of(sentence), raw_start).indicator


@pytest.mark.parametrize(("before", "expected"), [
    ("đang giải quyết 40 hồ sơ, trong hạn 30 hồ sơ, quá hạn ", ("đang giải quyết quá hạn", "quá hạn")),
    # the head was an item itself ("… trước hạn 300"): its own qualifier goes
    ("Đã nhận 500 hồ sơ, trong đó giải quyết trước hạn 300 hồ sơ, đúng hạn 90 hồ sơ, quá hạn ",
     ("trong đó giải quyết quá hạn", "quá hạn")),
    ("Tỷ lệ đạt 43,5%, trong đó trực tuyến ", ("", "")),  # a decimal comma separates nothing
    ("với số vốn 1.200 tỷ đồng và 15 dự án mới, có ", ("", "")),  # not a "head number unit" item
    ("thu được 29 triệu đồng ", ("", "")),
])
def test_elided_head(before: str, expected: tuple[str, str]) -> None:
    assert elided_head(before) == expected


def test_an_enumeration_item_takes_the_head_it_leaves_out() -> None:
    pending = "Tiếp nhận 500 hồ sơ; đang giải quyết 40 hồ sơ, trong hạn 30 hồ sơ, quá hạn 10 hồ sơ."
    assert indicator(pending, "10 ") == "tthc.pending_overdue"
    resolved = "Đã giải quyết 400 hồ sơ, trong đó giải quyết trước hạn 300 hồ sơ, đúng hạn 90 hồ sơ, quá hạn 10 hồ sơ."
    assert indicator(resolved, "10 ") == "tthc.resolved_late"
    assert indicator(resolved, "90 ") == "tthc.resolved_on_time"


def test_phrases_do_not_run_across_punctuation() -> None:
    assert _norm("đúng hạn 90 hồ sơ, quá hạn") == " dung han 90 ho so , qua han "
    assert _norm("1.234,5 tỷ đồng; (ước)") == " 1 , 234 , 5 ty dong ; , uoc , "
    assert _norm("thu «ngân» sách – ₫") == " thu ngan sach "
    # a catalogue phrase written with a comma matches with and without it
    assert set(_phrase_forms(("thu, chi ngân sách",))) == {" thu , chi ngan sach ", " thu chi ngan sach "}


def test_a_numerator_is_named_by_the_words_before_it_else_after_its_denominator() -> None:
    assert indicator("Trong tháng kiểm tra 20/25 công trình xây dựng trên địa bàn.", "20") \
        == "construction.inspected_works"
    assert indicator("Duy trì 7/9 trường đạt chuẩn quốc gia.", "7") == "edu.schools_standard"
    # the words before name the part: "kết thúc" 12 of the 15 inspections
    assert indicator("Toàn huyện đã triển khai và kết thúc 12/15 cuộc thanh tra.", "12") == "inspection.concluded"


def test_money_with_so_tien_after_a_count_is_its_amount() -> None:
    sentence = "Xử phạt vi phạm hành chính về trật tự an toàn giao thông 12 trường hợp với số tiền là 24.500.000 đồng."
    facts = facts_of(sentence)
    assert one(facts, "12").indicator == "traffic.violations_fined"
    assert one(facts, "24.500.000").indicator == "traffic.fines"
    catalogue = load_catalogue()
    for ind in catalogue.by_dimension("money"):
        if ind.amount_of:
            count = catalogue.get(ind.amount_of)
            assert count is not None and count.dimension == "count", ind.code


def test_after_cho_the_noun_names_the_recipients_not_the_measure() -> None:
    facts = facts_of("Hội Chữ thập đỏ tặng quà cho 15 hộ nghèo với tổng số tiền 7,5 triệu đồng.")
    assert one(facts, "15").indicator == "social.gifts"
    assert one(facts, "7,5").indicator == "social.gifts_value"
    # without "cho" the noun after the number is what is counted
    assert indicator("Toàn xã còn 15 hộ nghèo.", "15") == "social.poor_households"


def test_amount_cues_fines_damage_and_the_cost_of_what_a_ratio_counts() -> None:
    facts = facts_of("Xử lý 286 trường hợp vi phạm trật tự an toàn giao thông, phạt tiền 198,75 triệu đồng. "
                     "Xảy ra 01 vụ cháy bếp của hộ gia đình tại thôn Nà Pàn, thiệt hại khoảng 40 triệu đồng. "
                     "Xóa nhà tạm, nhà dột nát đã hoàn thành 45/45 nhà, tổng kinh phí hỗ trợ 2,7 tỷ đồng.")
    assert one(facts, "198,75").indicator == "traffic.fines"
    assert one(facts, "40 triệu").indicator == "fire.damage"
    assert one(facts, "2,7 tỷ").indicator == "social.housing_support_money"


def test_a_count_in_turns_agrees_with_the_thing_counted() -> None:
    # "lượt con" (vaccinations) is counted in "con": no unit penalty against the recipients' noun
    assert indicator("Tiêm phòng vắc xin lở mồm long móng cho 298 con trâu, bò.", "298") == "agri.animals_vaccinated"


def test_a_change_measures_an_indicator_printed_as_a_change() -> None:
    facts = facts_of("Chỉ số sản xuất công nghiệp tháng 8 giảm 7,3% so với tháng trước; tính chung 8 tháng tăng "
                     "6,05%, trong đó: công nghiệp khai khoáng tăng 14,56%. "
                     "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng ước tăng 8,5% so với cùng kỳ.")
    assert one(facts, "7,3%").indicator is None  # against last month: not the index
    months = one(facts, "6,05%")  # the months to date: against the same months of last year
    assert months.indicator == "industry.production_index"
    assert [(r.kind, r.target, r.basis) for r in months.relations] == [("change_of", "", "same_period_last_year")]
    assert one(facts, "14,56%").indicator is None  # a part's change is not the whole's
    assert one(facts, "8,5%").indicator == "economy.grdp_growth"


def test_mass_amount_and_a_rate_printed_without_its_basis() -> None:
    facts = facts_of("Bệnh dịch tả lợn châu Phi xảy ra tại 07 hộ, tiêu hủy 164 con lợn với tổng khối lượng 9.840 kg. "
                     "Tội phạm về trật tự xã hội xảy ra 42 vụ; điều tra làm rõ 38 vụ, đạt 90,5%.")
    assert one(facts, "164").indicator == "agri.asf.animals_culled"
    assert one(facts, "9.840").indicator == "agri.asf.mass_culled"
    assert one(facts, "38").indicator == "security.crimes_solved"
    assert one(facts, "90,5%").indicator == "security.solve_rate"


def test_targets_parts_and_wholes_measure_no_indicator_of_their_own() -> None:
    text = ("I. KẾT QUẢ\n\nTổng thu ngân sách trên địa bàn 38.640 triệu đồng. Trong đó: thuế ngoài quốc doanh 11.250 triệu "
            "đồng; lệ phí trước bạ 6.318 triệu đồng.\n\nToàn huyện đã triển khai và kết thúc 301/306 cuộc thanh tra. "
            "Hoàn thành giải phóng mặt bằng được 596,94/618,1 ha.\n\n"
            "II. NHIỆM VỤ TRỌNG TÂM THÁNG 9\n\nTập trung thu ngân sách đạt 5.000 triệu đồng.\n\n"
            "III. KIẾN NGHỊ\n\nPhấn đấu hoàn thành gieo cấy 412 ha lúa vụ Đông Xuân.\n")
    from baocao.config import Config
    from baocao.pipeline import analyze_bytes

    facts = list(analyze_bytes(text.encode(), "t.txt", Config(), upto="extract").facts)
    assert one(facts, "38.640").indicator == "budget.revenue.total"
    assert one(facts, "11.250").indicator is None and one(facts, "6.318").indicator is None  # parts
    assert one(facts, "306").indicator == "inspection.conducted"  # the whole, named after it
    assert one(facts, "618,1").indicator is None  # a whole that names nothing
    assert one(facts, "5.000").indicator is None  # a key task's target
    assert one(facts, "412").indicator is None  # "phấn đấu": a target


def test_a_pair_of_counts_shares_the_words_after_the_last() -> None:
    facts = facts_of("Phát hiện, bắt giữ 64 vụ, 97 đối tượng phạm tội về ma túy.")
    assert (one(facts, "64").indicator, one(facts, "97").indicator) == ("security.drug_cases",
                                                                       "security.drug_offenders")


def test_estimates_in_brackets_rates_by_basis_and_damage_after_an_address() -> None:
    facts = facts_of("Thu ngân sách trên địa bàn lũy kế ước đạt 402,15 tỷ đồng, bằng 91,3% dự toán tỉnh giao "
                     "(440,5 tỷ đồng), bằng 95% dự toán phấn đấu (423 tỷ đồng). "
                     "Xảy ra 1 vụ cháy nhà dân tại ngõ 12 phố Phú Gia lúc 21 giờ 30 phút ngày 03/10/2025, "
                     "thiệt hại ước khoảng 150 triệu đồng.")
    assert one(facts, "440,5").indicator == "budget.revenue.estimate_province"
    assert one(facts, "423").indicator == "budget.revenue.estimate_local"
    assert one(facts, "91,3%").indicator == "budget.revenue.rate_estimate"
    assert one(facts, "95%").indicator is None  # a rate against the local estimate: not the catalogue's rate
    assert one(facts, "150 triệu").indicator == "fire.damage"


def test_a_bare_count_of_schools_is_the_number_of_schools() -> None:
    facts = facts_of("Năm học 2025-2026, toàn xã có 06 trường với 2.318 học sinh.",
                     "Ghi nhận 09 ca sốt xuất huyết, tăng 03 ca so với cùng kỳ.")
    assert one(facts, "06").indicator == "edu.schools_total"
    assert one(facts, "09").indicator == "health.disease_cases"
    catalogue = load_catalogue()
    bare = [i for i in catalogue.indicators if i.bare]
    assert all(i.dimension == "count" for i in bare)
    assert len({i.unit for i in bare}) == len(bare)  # one indicator per noun at most


def test_months_to_date_compare_with_last_year_and_fines_paid_in() -> None:
    facts = facts_of("Chỉ số giá tiêu dùng (CPI) bình quân 11 tháng tăng 3,27%.",
                     "Xử phạt 27 trường hợp vi phạm trật tự an toàn giao thông, nộp ngân sách 18,35 triệu đồng.")
    assert one(facts, "3,27%").indicator == "economy.cpi"
    assert one(facts, "18,35").indicator == "traffic.fines"


def test_growth_printed_without_basis_and_a_bare_fine() -> None:
    facts = facts_of("Chỉ số sản xuất công nghiệp (IIP) quý III tăng 11,3%; 9 tháng tăng 10,7%.",
                     "Xử phạt vi phạm trật tự an toàn giao thông 27 trường hợp, phạt 23,5 triệu đồng.")
    assert one(facts, "11,3%").indicator == "industry.production_index"
    assert one(facts, "10,7%").indicator == "industry.production_index"
    assert one(facts, "23,5").indicator == "traffic.fines"


def test_a_phrase_before_an_earlier_figure_yields_to_one_in_the_figures_own_item() -> None:
    herd = "Tổng đàn trâu 312 con, đàn bò 1.146 con, đàn lợn 4.820 con."
    assert indicator(herd, "312 ") == "agri.herd.buffalo"
    assert indicator(herd, "1.146 ") == "agri.herd.cattle"
    assert indicator(herd, "4.820 ") == "agri.herd.pigs"


def test_a_phrase_the_number_interrupts_names_it_unless_it_begins_inside_a_phrase_ending_there() -> None:
    assert indicator("Kiểm tra 34 công trình, phát hiện 05 trường hợp vi phạm.", "34 ") == "construction.inspected_works"
    pending = "Đã giải quyết 1.289 hồ sơ; đang giải quyết 58 hồ sơ."
    assert indicator(pending, "58 ") == "tthc.pending"


def test_a_share_of_a_count_and_a_percent_of_plan_with_no_figure_are_their_rates() -> None:
    poor = "Số hộ nghèo còn 87 hộ, chiếm 1,62%; hộ cận nghèo 143 hộ, chiếm 2,66%."
    assert indicator(poor, "1,62%") == "social.poverty_rate"
    assert indicator(poor, "2,66%") == "social.near_poverty_rate"
    assert indicator("Giải ngân vốn đầu tư công mới đạt 51,9% kế hoạch.", "51,9%") == "investment.public.disbursement_rate"
    assert indicator("Giao quân năm 2025 đạt 100% chỉ tiêu với 28 công dân.", "100%") == "defence.recruit_rate"
    # a percent of plan whose words name no rate against a plan stays unmapped
    assert indicator("Công tác tuyên truyền đạt 90% kế hoạch.", "90%") is None


def test_a_generic_person_noun_agrees_with_an_indicator_counted_in_persons() -> None:
    visits = "Tiếp 3.426 lượt công dân với 4.107 người, 36 đoàn đông người."
    assert indicator(visits, "3.426 ") == "citizens.visits"
    assert indicator(visits, "4.107 ") == "citizens.persons"


def test_a_measure_head_and_what_it_measures_printed_apart() -> None:
    rice = "Lúa vụ Mùa gieo trồng 380 ha, năng suất đạt 55,6 tạ/ha, sản lượng 2.112,8 tấn."
    assert indicator(rice, "2.112,8 ") == "agri.rice_output"
    crops = "Cây màu: lạc 46,5 ha, ngô 38 ha."
    assert indicator(crops, "46,5 ") == "agri.planted_area.peanut"
    assert indicator(crops, "38 ") == "agri.planted_area.maize"
    herd = "Tổng đàn gia súc: trâu 2.318 con, bò 1.467 con."
    assert indicator(herd, "2.318 ") == "agri.herd.buffalo"
    assert indicator(herd, "1.467 ") == "agri.herd.cattle"
    # not across a clause, and not a word that only ends the words before a number
    assert indicator("Chuyển đất lúa sang đất ở; giao đất tái định cư với diện tích 144 m2.", "144 ") is None
    assert indicator("Tiêm phòng tụ huyết trùng cho trâu 23 con.", "23 ") != "agri.herd.buffalo"


def test_a_continuation_after_a_semicolon_a_share_of_a_rated_count_and_revenue_after_visitors() -> None:
    exports = "Kim ngạch xuất khẩu tháng 10 ước 2,08 tỷ USD; 10 tháng ước 18,62 tỷ USD, tăng 14,2%."
    assert indicator(exports, "18,62") == indicator(exports, "2,08") == "border.exports"
    solved = "Tội phạm về trật tự xã hội xảy ra 512 vụ; điều tra làm rõ 468 vụ (91,4%)."
    assert indicator(solved, "91,4%") == "security.solve_rate"
    tourism = "Điểm du lịch cộng đồng đón khoảng 1.850 lượt khách, doanh thu ước 420 triệu đồng."
    assert indicator(tourism, "420 ") == "tourism.revenue"


def test_a_noun_that_counts_events_takes_the_verb_before_the_number() -> None:
    assert indicator("Trạm Y tế phường khám 2.145 lượt; ghi nhận 12 ca sốt xuất huyết.", "2.145") == "health.examinations"
    assert indicator("Cháy 24 vụ, thiệt hại ước 8,7 tỷ đồng.", "24 ") == "fire.incidents"
    assert indicator("Cháy 24 vụ, thiệt hại ước 8,7 tỷ đồng.", "8,7") == "fire.damage"
    # other nouns do not: "quá hạn 14 hồ sơ" of resolved dossiers is not "hồ sơ quá hạn" (pending)
    late = "Đã giải quyết 400 hồ sơ, trong đó đúng hạn 386 hồ sơ, quá hạn 14 hồ sơ."
    assert indicator(late, "14 ") == "tthc.resolved_late"


def test_a_part_never_measures_the_indicator_of_its_whole() -> None:
    ponds = "Diện tích nuôi trồng thủy sản 742 ha, trong đó nuôi ngao 585 ha, tôm thẻ chân trắng 96 ha."
    assert indicator(ponds, "742 ") == "agri.aquaculture_area"
    assert indicator(ponds, "585 ") is None and indicator(ponds, "96 ") is None
    # a breakdown in brackets after a change is no basis value: its parts are named by their words
    revenue = ("Thu ngân sách lũy kế đạt 71.346/84.500 triệu đồng, tăng 12,8% so với cùng kỳ (trong đó: thu "
               "tiền sử dụng đất 38.210 triệu đồng; thuế ngoài quốc doanh 19.754 triệu đồng).")
    land = one(facts_of(revenue), "38.210")
    assert land.role != "basis_value" and land.indicator == "budget.revenue.land_use_fees"
    assert indicator(revenue, "19.754") is None


def test_rates_reached_and_a_year_between_a_ratio_and_its_percent() -> None:
    late = "Hạn chế: giải ngân vốn đầu tư công mới đạt 63,7%; còn 14 hồ sơ quá hạn."
    assert indicator(late, "63,7%") == "investment.public.disbursement_rate"
    # a figure right before: the rate of that figure, not of other words of the sentence
    assert indicator("Nhận 07 đơn; đã giải quyết 05 đơn, đạt 71,4%.", "71,4%") != "tthc.resolution_rate"
    # the sentence names the rate itself: it stays
    online = "Tỷ lệ thanh toán trực tuyến đạt 46,3%."
    assert indicator(online, "46,3%") == "tthc.online_payment_rate"
    paid = "Giải ngân 15,9/26,4 tỷ đồng kế hoạch vốn năm 2025 (60,2%)."
    assert one(facts_of(paid), "60,2%").role == "ratio_percent"
    assert indicator(paid, "60,2%") == "investment.public.disbursement_rate"
    # the words name the numerator only: the whole is what its rate is a rate of
    assert indicator("Hỗ trợ xóa 2.846/3.512 nhà tạm, nhà dột nát (81%).", "3.512") == "social.houses_target"


def test_a_continued_measure_in_a_shorter_unit_and_the_area_of_forest_fires() -> None:
    visitors = "Du lịch: tháng 11 đón 268,4 nghìn lượt khách; 11 tháng ước 3,12 triệu lượt, tăng 18,6%."
    assert indicator(visitors, "3,12") == indicator(visitors, "268,4") == "tourism.visitors.total"
    assert indicator("Xảy ra 04 vụ cháy rừng, thiệt hại 6,7 ha.", "6,7") == "forestry.fire_area"


def test_a_continued_measure_past_the_percent_of_the_figure_before() -> None:
    paid = ("Giải ngân vốn đầu tư công đến ngày 15/9/2025 đạt 5.127,3 tỷ đồng, bằng 50,1% kế hoạch; "
            "ước đến ngày 30/9/2025 đạt 5.630 tỷ đồng, bằng 55%.")
    assert indicator(paid, "5.630") == indicator(paid, "5.127,3") == "investment.public.disbursed"


def test_a_word_of_exact_words_is_matched_only_as_spelt() -> None:
    # "sàn" and "sắn" fold alike: floor area is no cassava, cassava still is
    assert indicator("Cấp 22 giấy phép xây dựng với tổng diện tích sàn 6.840 m2.", "6.840") is None
    assert indicator("Diện tích sắn 125 ha.", "125") == "agri.planted_area.cassava"
    assert indicator("Trồng mới 40 ha cây sắn.", "40") == "agri.planted_area.cassava"
    catalogue = load_catalogue()
    assert catalogue.exact[("agri.planted_area.cassava", " dien tich san ")] == ("diện tích sắn",)


def test_a_whole_does_not_measure_what_its_part_measures() -> None:
    fs = facts_of("Xã duy trì 19 tiêu chí; đến nay có 6/11 thôn đạt chuẩn thôn nông thôn mới kiểu mẫu.")
    assert one(fs, "6").indicator == "newrural.model_areas"
    assert one(fs, "11 thôn").indicator is None  # all the villages, not the model ones
    fishing = facts_of("Sản lượng khai thác trong tháng ước 1.365 tấn; sản lượng khai thác, nuôi trồng 2.100 tấn.")
    assert [f.indicator for f in fishing] == ["agri.fishing_output", "agri.aquaculture_output"]


def test_a_measure_head_takes_what_an_earlier_clause_names_when_its_own_names_nothing() -> None:
    rice = facts_of("Vụ Hè Thu gieo cấy 412,6 ha lúa, đạt 101,3% kế hoạch; đã thu hoạch 385 ha, "
                    "năng suất ước đạt 52,8 tạ/ha, sản lượng ước 2.032,8 tấn.")
    assert one(rice, "2.032,8").indicator == "agri.rice_output"
    coffee = facts_of("Cây cà phê có tổng diện tích 214.308 ha; niên vụ 2025 - 2026 ước sản lượng đạt 578.400 tấn nhân.")
    assert one(coffee, "578.400").indicator == "agri.coffee_output"  # "cà phê", not "cá"


def test_list_items_after_a_semicolon_amounts_after_tong_thu_and_projects_licensed() -> None:
    crops = facts_of("Ngô 1.124 ha, năng suất 28,6 tạ/ha, sản lượng 3.215 tấn; sắn 245,8 ha, sản lượng củ tươi ước 3.440 tấn.")
    assert one(crops, "245,8").indicator == "agri.planted_area.cassava"
    tourism = facts_of("Từ đầu năm đón 6.150 lượt khách du lịch, tổng thu 7.286 tỷ đồng.")
    assert one(tourism, "7.286").indicator == "tourism.revenue"
    projects = facts_of("Trong tháng cấp mới 06 dự án với tổng vốn đăng ký 4.285 tỷ đồng.")
    assert [f.indicator for f in projects] == ["investment.projects_approved", "investment.projects_capital"]
    complaints = facts_of("Tiếp nhận 524 đơn; giải quyết 41/59 vụ việc thuộc thẩm quyền (69,5%).")
    assert one(complaints, "41").indicator == "complaints.resolved"
    assert one(complaints, "69,5%").indicator == "complaints.resolution_rate"


def test_lower_secondary_graduation_and_food_safety_fines() -> None:
    grads = facts_of("Tỷ lệ học sinh lớp 9 tốt nghiệp THCS năm học 2024 - 2025 đạt 97,8%.")
    assert one(grads, "97,8%").indicator == "edu.graduation_rate"
    food = facts_of("Kiểm tra an toàn thực phẩm 46 cơ sở, xử phạt 07 cơ sở với số tiền 28,5 triệu đồng.")
    assert [f.indicator for f in food] == ["health.food_safety_inspections", "health.food_safety_violations",
                                           "health.food_safety_fines"]


def test_a_bare_estimate_is_the_one_assigned_and_an_amount_after_a_ratio_percent() -> None:
    revenue = facts_of("Tổng thu ngân sách nhà nước trên địa bàn 9 tháng ước 897,4 tỷ đồng, đạt 71,8% dự toán năm "
                       "(1.250 tỷ đồng), tăng 6,2% so với cùng kỳ.")
    assert one(revenue, "1.250").indicator == "budget.revenue.estimate_province"
    houses = facts_of("Hỗ trợ xóa 2.846/3.512 nhà tạm, nhà dột nát (81%), kinh phí 161,2 tỷ đồng.")
    assert one(houses, "161,2").indicator == "social.housing_support_money"


def test_cases_named_after_the_persons_that_follow_them() -> None:
    for text in ("Phát hiện 06 vụ/14 đối tượng phạm tội về ma túy.", "Phát hiện 2 vụ với 4 đối tượng tàng trữ trái phép chất ma túy."):
        facts = facts_of(text)
        assert [f.indicator for f in facts] == ["security.drug_cases", "security.drug_offenders"], text
    notary = facts_of("Chứng thực 312 lượt/391 bản; 02 lượt/02 bản chứng thực chữ ký cá nhân.")
    assert one(notary, "02 lượt").indicator != "interior.rewards_individuals"  # only cases pair so


def test_a_numerator_named_by_two_sectors_alike_takes_its_denominators_sector() -> None:
    facts = facts_of("Tiếp nhận 3.412 đơn; đã giải quyết 412/468 vụ việc khiếu nại, tố cáo thuộc thẩm quyền (88%).")
    assert [f.indicator for f in facts] == ["complaints.received", "complaints.resolved", "complaints.received",
                                            "complaints.resolution_rate"]


def test_the_burnt_area_of_forest_fires_and_measles_shots_for_children() -> None:
    fires = facts_of("Từ đầu năm xảy ra 05 vụ cháy rừng, diện tích thiệt hại 12,6 ha.")
    assert one(fires, "12,6").indicator == "forestry.fire_area"
    shots = facts_of("Ghi nhận 4.862 ca sốt xuất huyết; tiêm vắc xin sởi cho 48.650 trẻ từ 1 đến 10 tuổi.")
    assert one(shots, "48.650").indicator == "health.children_vaccinated"
