"""Search: with or without diacritics, đ folded, abbreviations both ways, only what the user may see,
sentences with the hit marked and a link to its paragraph. Runs on SQLite (FTS5) and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from baocao.web.search.models import Sentence
from baocao.web.search.query import highlighted, parse
from tests.web.conftest import report_text, store, unit
from tests.web.conftest_pages import browser_for

WARD = ("Lũy kế giải ngân vốn đầu tư công đạt 10.403,7 triệu đồng. Công tác giải phóng mặt bằng dự án "
        "đường vành đai được đẩy nhanh. Tiếp nhận 128.053 hồ sơ.")
KINH = "Đông Kinh đẩy mạnh GPMB các dự án trọng điểm. Thu ngân sách đạt kế hoạch."
CAO_BANG = "Xã Hưng Đạo tập trung giải ngân vốn đầu tư công."


@pytest.fixture
def reports(world: Any) -> dict[str, Any]:
    return {
        "ward": store("06041", "2025-11", text=report_text(body=WARD)),
        "kinh": store("06042", "2025-10", text=report_text(unit_line="PHƯỜNG ĐÔNG KINH", body=KINH)),
        "cao_bang": store("04101", "2025-11", text=report_text(unit_line="XÃ HƯNG ĐẠO", body=CAO_BANG)),
    }


def hits(who: str, q: str, **params: Any) -> list[str]:
    resp = browser_for(who).get("/tim-kiem/", {"q": q, **params})
    results = resp.context["results"]
    return [h.sentence.text for h in results.hits] if results else []


def test_with_and_without_diacritics_the_hits_are_the_same(reports: Any) -> None:
    with_marks = hits("bob", "giải ngân")
    assert with_marks == ["Lũy kế giải ngân vốn đầu tư công đạt 10.403,7 triệu đồng."]
    assert hits("bob", "giai ngan") == with_marks
    assert hits("bob", "GIẢI NGÂN") == with_marks


def test_d_with_stroke_is_folded(reports: Any) -> None:
    assert hits("bob", "dau tu cong") == hits("bob", "đầu tư công") != []
    assert hits("bob", "dong kinh") == ["Đông Kinh đẩy mạnh GPMB các dự án trọng điểm."]


def test_an_abbreviation_finds_its_expansion_and_back(reports: Any) -> None:
    expected = {"Đông Kinh đẩy mạnh GPMB các dự án trọng điểm.",
                "Công tác giải phóng mặt bằng dự án đường vành đai được đẩy nhanh."}
    assert set(hits("bob", "GPMB")) == expected
    assert set(hits("bob", "giai phong mat bang")) == expected


def test_numbers_are_found_as_printed(reports: Any) -> None:
    assert hits("bob", "128.053") == ["Tiếp nhận 128.053 hồ sơ."]


def test_only_reports_the_user_may_see_are_searched(reports: Any) -> None:
    assert len(hits("bob", "giải ngân")) == 1
    assert hits("charlie", "giải ngân") == ["Xã Hưng Đạo tập trung giải ngân vốn đầu tư công."]
    assert hits("alice", "GPMB") == ["Công tác giải phóng mặt bằng dự án đường vành đai được đẩy nhanh."]


def test_words_apart_are_found_when_the_phrase_is_not(reports: Any) -> None:
    resp = browser_for("bob").get("/tim-kiem/", {"q": "vành đai giải phóng"})
    assert resp.context["results"].words_mode
    assert [h.sentence.text for h in resp.context["results"].hits] == [
        "Công tác giải phóng mặt bằng dự án đường vành đai được đẩy nhanh."]


def test_results_mark_the_hit_and_link_to_the_paragraph(reports: Any) -> None:
    body = browser_for("bob").get("/tim-kiem/", {"q": "giai ngan"}).content.decode()
    assert "Lũy kế <mark>giải ngân</mark> vốn" in body
    assert f'href="/bao-cao/{reports["ward"].report.pk}/#p1"' in body
    assert "phường Tam Thanh — Tháng 11/2025" in body


def test_filters_by_unit_and_period(reports: Any) -> None:
    assert hits("bob", "GPMB", unit=unit("06042").pk) == ["Đông Kinh đẩy mạnh GPMB các dự án trọng điểm."]
    assert hits("bob", "GPMB", **{"from": "2025-11"}) == [
        "Công tác giải phóng mặt bằng dự án đường vành đai được đẩy nhanh."]


def test_a_new_version_replaces_the_old_sentences(reports: Any) -> None:
    old_version = reports["ward"].version
    store("06041", "2025-11", text=report_text(body="Giải ngân vốn đạt 95% kế hoạch."))
    assert not Sentence.objects.filter(version=old_version).exists()
    assert hits("bob", "giai ngan") == ["Giải ngân vốn đạt 95% kế hoạch."]


def test_an_empty_query_asks_for_a_word(reports: Any) -> None:
    body = browser_for("bob").get("/tim-kiem/", {"q": " ?! "}).content.decode()
    assert "Hãy gõ ít nhất một từ" in body


def test_many_hits_are_paged(world: Any) -> None:
    body = " ".join(f"Mục {i}: giải ngân đợt {i}." for i in range(45))
    store("06041", "2025-11", text=report_text(body=body))
    first = browser_for("bob").get("/tim-kiem/", {"q": "giai ngan"}).context["results"]
    third = browser_for("bob").get("/tim-kiem/", {"q": "giai ngan", "page": 3}).context["results"]
    assert (first.total, first.pages, len(first.hits), len(third.hits)) == (45, 3, 20, 5)


def test_query_variants_and_highlighting() -> None:
    q = parse("  Công tác GPMB ")
    assert q.phrases == ("cong tac gpmb", "cong tac giai phong mat bang")
    assert q.also == ("giải phóng mặt bằng",)
    assert parse("giải phóng mặt bằng").also == ("GPMB",)
    assert parse("?!") is None
    assert highlighted("Đẩy nhanh GPMB và giải phóng mặt bằng.", parse("gpmb")) == \
        "Đẩy nhanh <mark>GPMB</mark> và <mark>giải phóng mặt bằng</mark>."
    long = "Mở đầu. " * 80 + "Kết quả giải ngân tốt." + " Tiếp theo." * 80
    snippet = highlighted(long, parse("giai ngan"))
    assert snippet.startswith("…") and snippet.endswith("…") and "<mark>giải ngân</mark>" in snippet
    assert highlighted("a < b giải ngân", parse("giải ngân")) == "a &lt; b <mark>giải ngân</mark>"


def test_the_index_is_the_databases_own_full_text_index(world: Any) -> None:
    from django.db import connection

    from baocao.web.search.backends import _MARKED, _PLAIN

    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            cur.execute("SELECT sql FROM sqlite_master WHERE name = 'search_sentence_fts'")
            assert "fts5" in cur.fetchone()[0]
        else:
            cur.execute("SELECT provolatile FROM pg_proc WHERE proname = 'baocao_unaccent'")
            assert cur.fetchone()[0] == "i"  # IMMUTABLE, so the GIN index may use it
            cur.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_sentence_tsv'")
            assert "gin (tsv)" in cur.fetchone()[0]
            cur.execute("SELECT generation_expression FROM information_schema.columns "
                        "WHERE table_name = 'search_sentence' AND column_name = 'tsv'")
            assert "baocao_unaccent" in cur.fetchone()[0]  # a stored vector: rechecks read, not recompute
            cur.execute("SELECT baocao_unaccent('Đường giải phóng mặt bằng'), translate(%s, %s, %s)",
                        ["Đường giải phóng mặt bằng", _MARKED, _PLAIN])
            assert cur.fetchone() == ("Duong giai phong mat bang", "Duong giai phong mat bang")


def test_a_very_common_word_is_counted_up_to_a_limit(world: Any, monkeypatch: Any) -> None:
    from baocao.web.search import service

    monkeypatch.setattr(service, "MAX_COUNT", 30)
    store("06041", "2025-11", text=report_text(body=" ".join(f"Mục {i}: giải ngân đợt {i}." for i in range(45))))
    resp = browser_for("bob").get("/tim-kiem/", {"q": "giai ngan", "page": 9})
    results = resp.context["results"]
    assert results.more and (results.pages, results.page) == (2, 2)
    assert "Hơn 1.000 câu tìm thấy" in resp.content.decode()
