"""Units: CSV import and export, reused codes, lineage, names as printed, the hierarchy path."""

from __future__ import annotations

from datetime import date

import pytest

from baocao.errors import InputError
from baocao.web.units.models import Lineage, Unit
from baocao.web.units.services import (
    export_lineage,
    export_units,
    import_lineage,
    import_units,
    match_name,
    predecessors,
    resolve,
)
from tests.web.conftest import UNITS_CSV

pytestmark = pytest.mark.django_db


def test_world_units_have_paths_from_the_root(world: dict) -> None:
    ward = resolve("06040", date(2025, 1, 1))
    district, province = resolve("178"), resolve("20")
    assert ward.path == f"{province.path}{district.pk}/{ward.pk}/"
    assert ward.level == "commune" and district.level == "district" and province.level == "province"
    assert {u.code for u in Unit.objects.filter(path__startswith=province.path)} >= {"178", "06040", "06058", "06041"}


def test_importing_the_same_csv_twice_changes_nothing(world: dict) -> None:
    summary = import_units(UNITS_CSV)
    assert (summary.created, summary.updated) == (0, 0)
    assert summary.unchanged == 8


def test_import_updates_a_name_and_records_it_in_the_audit_trail(world: dict) -> None:
    from baocao.web.audit.models import AuditEntry

    summary = import_units("code,name,kind,parent_code,valid_from,valid_to\n06042,Đông Kinh mới,phường,20,,\n")
    assert summary.updated == 1
    entry = AuditEntry.objects.filter(action="unit.update").latest("id")
    assert entry.old["name"] == "Đông Kinh" and entry.new["name"] == "Đông Kinh mới"


def test_a_reused_code_is_a_different_unit_for_each_validity(world: dict) -> None:
    import_units("code,name,kind,parent_code,valid_from,valid_to\n"
                 "77,Bà Rịa - Vũng Tàu,tỉnh,,,2025-06-30\n77,Hồ Chí Minh mới,thành phố,,2025-07-01,\n")
    assert resolve("77", date(2025, 3, 1)).name == "Bà Rịa - Vũng Tàu"
    assert resolve("77", date(2025, 8, 1)).name == "Hồ Chí Minh mới"
    assert resolve("77").name == "Hồ Chí Minh mới"  # today: the one in force


@pytest.mark.parametrize(("csv_text", "words"), [
    ("code,name\n1,a\n", "thiếu cột"),
    ("code,name,kind,parent_code,valid_from,valid_to\n1,A,xã,20,2025-13-01,\n", "Dòng 2"),
    ("code,name,kind,parent_code,valid_from,valid_to\n1,A,xã,999,,\n", "cấp trên mã 999"),
    ("code,name,kind,parent_code,valid_from,valid_to\n1,A,xã,20,2025-02-01,2025-01-01\n", "sau ngày hết hiệu lực"),
    ("code,name,kind,parent_code,valid_from,valid_to\n1,,xã,20,,\n", "cần có mã"),
])
def test_bad_unit_csv_is_refused_with_the_line_and_stores_nothing(world: dict, csv_text: str, words: str) -> None:
    before = Unit.objects.count()
    with pytest.raises(InputError) as err:
        import_units(csv_text)
    assert words in err.value.message
    assert Unit.objects.count() == before


def test_level_is_inferred_from_kind_and_parent(world: dict) -> None:
    import_units("code,name,kind,parent_code,valid_from,valid_to\n"
                 "179,Cao Lộc,huyện,20,,2025-06-30\n17901,Đồng Đăng,thị trấn,179,,2025-06-30\n")
    assert resolve("179").level == "district"
    assert resolve("17901").level == "commune"


def test_lineage_import_resolves_codes_on_the_date_and_rejects_bad_shares(world: dict) -> None:
    links = Lineage.objects.filter(unit=resolve("06041"))
    assert {(link.predecessor.code, link.share, link.kind) for link in links} == {
        ("06040", 1.0, "merge"), ("06058", 1.0, "merge")}
    with pytest.raises(InputError) as err:
        import_lineage("unit_code,predecessor_code,share,kind,date\n06041,06040,1.5,merge,2025-07-01\n")
    assert "không quá 1" in err.value.message
    with pytest.raises(InputError):
        import_lineage("unit_code,predecessor_code,share,kind,date\n06041,06041,1,merge,2025-07-01\n")


def test_export_round_trips_through_import(world: dict) -> None:
    text = export_units()
    assert text.splitlines()[0] == "code,name,kind,parent_code,valid_from,valid_to,level"
    assert "06041,Tam Thanh,phường,20,2025-07-01,,commune" in text
    summary = import_units(text)
    assert (summary.created, summary.updated) == (0, 0)
    assert "06041,06058,1,merge,2025-07-01" in export_lineage()


def test_a_printed_name_finds_the_unit_in_force_on_the_date(world: dict) -> None:
    old = match_name("phường", "Tam Thanh", "commune", (date(2025, 5, 1),))
    new = match_name("Phường", "TAM THANH", "commune", (date(2025, 8, 1),))
    assert [u.code for u in old] == ["06040"]
    assert [u.code for u in new] == ["06041"]
    assert [u.code for u in match_name("xa", "hoang dong", None, ())] == ["06058"]  # no diacritics, đ → d


def test_predecessors_carry_their_shares(world: dict) -> None:
    import_units("code,name,kind,parent_code,valid_from,valid_to\n06043,Chi Lăng,phường,20,2025-07-01,\n")
    import_lineage("unit_code,predecessor_code,share,kind,date\n06043,06058,0.3,split,2025-07-01\n")
    shares = {u.code: s for u, s, _ in predecessors(resolve("06043"))}
    assert shares == {"06058": 0.3}
