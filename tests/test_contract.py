"""The HTML contract's anchors: what people bookmark and cite (#t10, #t10-k1-x3) must be
made and read the same way by every part of the site."""

from __future__ import annotations

import pytest

from fazhi.contract import UnitAnchor, division_anchor, parse_unit_anchor, repeat_anchor, unit_anchor

#: The addresses the README and the handbook's 编辑指南 promise, written out by hand.
PROMISED = [
    ("t10", UnitAnchor(10)),
    ("t120-1", UnitAnchor(120, 1)),
    ("t10-k2", UnitAnchor(10, 0, 2)),
    ("t10-k1-x3", UnitAnchor(10, 0, 1, 3)),
    ("t10-k1-x3-m2", UnitAnchor(10, 0, 1, 3, 2)),
    ("t120-1-k2-x1", UnitAnchor(120, 1, 2, 1)),
]


@pytest.mark.parametrize("anchor, unit", PROMISED)
def test_anchors_read_back_into_their_numbers(anchor, unit):
    assert parse_unit_anchor(anchor) == unit
    assert str(unit) == anchor


@pytest.mark.parametrize("anchor", ["zhang-1", "xu-yan", "bian-1-fenbian-2", "t", "t10-x1", "tk1", "t10-k", ""])
def test_other_ids_are_not_law_units(anchor):
    assert parse_unit_anchor(anchor) is None


def test_search_key_is_the_article_anchor_without_its_t():
    assert parse_unit_anchor("t120-1-k2-x1").article_key == "120-1"
    assert parse_unit_anchor("t7-k3").article == "t7"


def test_a_part_needs_its_parent():
    assert unit_anchor(10, item=3) == "t10"  # a 项 without its 款 has no address of its own
    assert unit_anchor(10, 0, 2, subitem=1) == "t10-k2"


@pytest.mark.parametrize("kind, number, context, anchor", [
    ("编", 2, {}, "bian-2"),
    ("分编", 3, {"bian": 2}, "bian-2-fenbian-3"),
    ("章", 4, {}, "zhang-4"),
    ("节", 1, {"chapter": 4}, "zhang-4-jie-1"),
    # In a code, chapters restart in every 编: their ids carry the 编.
    ("章", 1, {"bian": 2}, "bian-2-zhang-1"),
    ("节", 1, {"bian": 2, "chapter": 1}, "bian-2-zhang-1-jie-1"),
    ("章", 1, {"bian": 5}, "bian-5-zhang-1"),
])
def test_division_anchors(kind, number, context, anchor):
    assert division_anchor(kind, number, **context) == anchor


def test_unknown_division_kind_is_refused():
    with pytest.raises(ValueError):
        division_anchor("卷", 1)


def test_a_repeated_id_is_no_units_address():
    assert repeat_anchor("zhang-1", 2) == "zhang-1--2"
    assert parse_unit_anchor(repeat_anchor("t1", 2)) is None
    assert parse_unit_anchor(repeat_anchor("t1-k1", 3)) is None
