"""Access: a user sees their unit, what is under it and what it was formed from; roles limit writes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.web.accounts import access
from baocao.web.accounts.models import ApiToken
from baocao.web.accounts.services import add_user, hash_token, user_for_token
from tests.web.conftest import unit, user

pytestmark = pytest.mark.django_db


def codes(qs: object) -> set[str]:
    return {u.code for u in qs}  # type: ignore[attr-defined]


def test_a_ward_user_sees_the_ward_and_its_predecessors(world: dict) -> None:
    assert codes(access.visible_units(user("alice"))) == {"06041", "06040", "06058"}


def test_a_province_user_sees_everything_under_it_at_any_time(world: dict) -> None:
    assert codes(access.visible_units(user("bob"))) == {"20", "178", "06040", "06058", "06041", "06042"}


def test_an_outsider_sees_only_their_province(world: dict) -> None:
    assert codes(access.visible_units(user("charlie"))) == {"04", "04101"}
    assert not access.can_see(user("charlie"), unit("06041"))


def test_roles_decide_what_a_user_may_change(world: dict) -> None:
    ward = unit("06041")
    assert access.can(user("alice"), "upload", ward) and not access.can(user("alice"), "review", ward)
    assert access.can(user("bob"), "correct", ward) and not access.can(user("bob"), "admin", ward)
    assert access.can(user("victor"), "view", ward) and not access.can(user("victor"), "upload", ward)
    assert not access.can(user("charlie"), "view", ward)
    assert not access.can(user("alice"), "upload", unit("06042"))  # a sibling ward is not hers


def test_a_user_without_a_unit_sees_nothing(world: dict) -> None:
    from django.contrib.auth import get_user_model

    lonely = get_user_model().objects.create_user("lonely", password="x")
    assert not access.visible_units(lonely).exists()


def test_tokens_are_stored_as_hashes_and_revocable(world: dict) -> None:
    token = world["tokens"]["alice"]
    assert not ApiToken.objects.filter(key_hash=token).exists()
    found = ApiToken.objects.get(key_hash=hash_token(token))
    assert user_for_token(token).username == "alice"
    found.revoked = True
    found.save()
    assert user_for_token(token) is None


def test_adding_an_existing_user_updates_the_role_and_issues_a_new_token(world: dict) -> None:
    again = add_user("alice", unit("06041"), "reviewer")
    assert not again.created and again.password is None
    assert user_for_token(again.token).membership.role == "reviewer"


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_a_guessed_token_never_authenticates(guess: str) -> None:
    assert user_for_token(guess) is None
