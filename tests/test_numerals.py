"""Chinese numerals against an independent, rule-based spelling (not the function itself)."""

import re

import pytest

from fazhi.text.numerals import from_chinese, to_chinese, to_circled

DIGITS = "零一二三四五六七八九"


def expected_spelling(n: int) -> str:
    """Spell naively digit by digit with every unit, then apply the written-form rules:
    a zero swallows its unit, runs of 零 collapse, trailing 零 drop, a leading 一十 is 十."""
    naive = ""
    for digit, unit in zip(f"{n:05d}", ["万", "千", "百", "十", ""]):
        naive += DIGITS[int(digit)] + unit
    text = re.sub(r"零[千百十]", "零", naive)
    text = re.sub(r"^(零万?)+", "", text)  # empty leading places
    text = re.sub(r"零+", "零", text)
    text = re.sub(r"零$", "", text)
    return re.sub(r"^一十", "十", text)


# Reference values from the official texts (shared/reference/law-structure.md).
@pytest.mark.parametrize("n, written", [
    (1, "一"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (100, "一百"),
    (101, "一百零一"), (110, "一百一十"), (120, "一百二十"), (125, "一百二十五"), (143, "一百四十三"),
    (1001, "一千零一"), (1010, "一千零一十"), (1020, "一千零二十"), (1260, "一千二百六十"),
    (10000, "一万"), (10001, "一万零一"), (10010, "一万零一十"), (10100, "一万零一百"), (12000, "一万二千"),
])
def test_reference_values(n, written):
    assert to_chinese(n) == written


def test_exhaustive_1_to_99999_against_rules():
    wrong = [(n, to_chinese(n), expected_spelling(n)) for n in range(1, 100_000) if to_chinese(n) != expected_spelling(n)]
    assert not wrong, wrong[:10]


def test_round_trip_1_to_99999():
    assert all(from_chinese(to_chinese(n)) == n for n in range(1, 100_000))


def test_reads_variants_authors_write():
    assert from_chinese("一十") == 10
    assert from_chinese("两千") == 2000
    assert from_chinese("12") == 12


@pytest.mark.parametrize("bad", [0, -3])
def test_rejects_non_positive(bad):
    with pytest.raises(ValueError):
        to_chinese(bad)


def test_rejects_non_numerals():
    with pytest.raises(ValueError):
        from_chinese("总则")


def test_circled():
    assert [to_circled(n) for n in (1, 2, 20)] == ["①", "②", "⑳"]
