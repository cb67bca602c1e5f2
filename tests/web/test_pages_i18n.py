"""Vietnamese by default (even with no translation files), English on request; the admin translated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings

from tests.web.conftest import unit
from tests.web.conftest_pages import browser_for, report_with_findings

LOCALE = Path(django_settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def english(name: str) -> Any:
    client = browser_for(name)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_pages_are_vietnamese_by_default(world: Any) -> None:
    body = browser_for(None).get("/dang-nhap/").content.decode()
    assert 'lang="vi"' in body and "Đăng nhập" in body and "Mật khẩu" in body


def test_pages_stay_vietnamese_without_any_translation_file(world: Any, settings: Any, tmp_path: Path) -> None:
    from django.utils import translation
    from django.utils.translation import trans_real

    settings.LOCALE_PATHS = [tmp_path]
    trans_real._translations = {}
    try:
        report = report_with_findings()
        body = browser_for("bob").get(f"/bao-cao/{report.report.pk}/").content.decode()
        assert "Phát hiện" in body and "Chấp nhận là đúng" in body
    finally:
        trans_real._translations = {}
        translation.activate("vi")


def test_english_is_available_for_every_page(world: Any) -> None:
    report = report_with_findings()
    client = english("bob")
    pages = {"/tong-quan/": "Overview", f"/don-vi/{unit('06041').pk}/": "Key indicators",
             f"/bao-cao/{report.report.pk}/": "Accept as correct", "/bao-cao/tai-len/": "Drop report files here",
             "/chi-tieu/": "Indicator explorer", "/tim-kiem/?q=ho+so": "Search the reports", "/don-vi/": "Units",
             "/bao-cao/": "Reports"}
    for url, text in pages.items():
        body = client.get(url, follow=True).content.decode()
        assert 'lang="en"' in body, url
        assert text in body, url
        for vietnamese in ("Tổng quan", "Tìm kiếm", "Đăng xuất", "Báo cáo</a>"):
            assert vietnamese not in body, (url, vietnamese)


def test_the_translation_catalogue_is_complete_and_compiled() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in po.split("\n\n", 1)[1]
    entries = po.split("\n\nmsgid ")[1:]
    untranslated = [e.split("\n")[0] for e in entries if e.rstrip().endswith('msgstr ""') and "msgstr[" not in e]
    assert untranslated == []
    mo = LOCALE / "django.mo"
    assert mo.exists() and mo.stat().st_size > 1000


@pytest.mark.parametrize("path", ["/admin/", "/admin/units/unit/", "/admin/indicators/indicator/",
                                  "/admin/periods/duerule/", "/admin/auth/user/"])
def test_the_admin_speaks_vietnamese(world: Any, path: str) -> None:
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("quantri", password="mat-khau-quan-tri")
    client = browser_for(None)
    client.force_login(admin)
    body = client.get(path).content.decode()
    assert "Quản trị dữ liệu" in body or "Thêm" in body or "Chọn" in body
    assert "Site administration" not in body and "Select " not in body


def _msgids(po: str) -> set[str]:
    import ast

    ids = set()
    for entry in po.split("\n\n"):
        lines = [line for line in entry.splitlines() if not line.startswith("#")]
        text, inside = [], False
        for line in lines:
            if line.startswith("msgid "):
                inside, text = True, [line[6:]]
            elif line.startswith(("msgstr", "msgid_plural")):
                inside = False
            elif inside and line.startswith('"'):
                text.append(line)
        if text:
            ids.add("".join(ast.literal_eval(t) for t in text))
    return ids


def test_every_translatable_string_of_the_pages_is_in_the_catalogue() -> None:
    import re

    web = Path(django_settings.BASE_DIR)
    known = _msgids((LOCALE / "django.po").read_text(encoding="utf-8"))
    sources = [*web.glob("*/templates/**/*.html"), *web.glob("*/views*.py"), *web.glob("ui/*.py"),
               *web.glob("ui/templatetags/*.py"), *web.glob("search/*.py"), *web.glob("dashboards/*.py")]
    missing = set()
    for path in sources:
        if path.parts[-3] in ("tasks", "drafting") or "tasks" in path.parts or "drafting" in path.parts:
            continue  # other features keep their own strings
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"""\{% (?:translate|trans) "([^"]+)" """, text)
        found += re.findall(r"""\{% (?:translate|trans) '([^']+)' """, text)
        if path.suffix == ".py":
            found += re.findall(r"""\b_\(\s*"((?:[^"\\]|\\.)+)"\s*[,)]""", text)
        missing |= {(path.name, s.replace("%", "%%") if "%s" in s or "%d" in s else s)
                    for s in found if s not in known and s.replace("%", "%%") not in known}
    assert missing == set()
