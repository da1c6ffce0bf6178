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


def textbook_spelling(n: int) -> str:
    """The schoolbook rule for large numbers, read off the digit string: cut it into sections
    of four digits (万亿, 亿, 万, 个); read each section's digits with 千百十, zeros at a
    section's end unread; any other run of zeros (inside a section, at its start, or whole zero
    sections) is one 零; a 万亿 section keeps 亿 when the 亿 section is empty (一万亿)."""
    digits = str(n)
    digits = "0" * (-len(digits) % 4) + digits
    sections = [digits[i:i + 4] for i in range(0, len(digits), 4)]
    names = ["", "万", "亿", "万"][: len(sections)][::-1]
    words = []
    for section, name in zip(sections, names):
        if section == "0000":
            words.append("零")
            continue
        spoken = "".join("零" if d == "0" else DIGITS[int(d)] + u for d, u in zip(section, ["千", "百", "十", ""]))
        words.append(spoken.rstrip("零") + name)
    if len(sections) == 4 and sections[1] == "0000":
        words[0] += "亿"
    text = re.sub("零+", "零", "".join(words)).strip("零")
    return re.sub("^一十", "十", text)


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


def _large_samples() -> list[int]:
    """Numbers up to 10^12 and a little past: every combination of telling section shapes
    (empty, a leading digit only, zeros inside, full), plus a fixed random sample."""
    import itertools
    import random

    shapes = [0, 1, 10, 100, 1000, 1001, 1010, 1100, 2000, 9999, 305, 40]
    combos = [((a * 10_000 + b) * 10_000 + c) * 10_000 + d for a, b, c, d in itertools.product(shapes[:6], repeat=4)]
    rng = random.Random(20261130)
    sampled = [rng.randrange(1, 10**12 + 1) for _ in range(20_000)]
    return [n for n in combos + sampled if n > 0] + [10**8, 10**12, 10**12 + 1, 10**16 - 1]


def test_large_numbers_against_the_textbook_rule():
    assert [textbook_spelling(n) for n in range(1, 100_000)] == [expected_spelling(n) for n in range(1, 100_000)]
    wrong = [(n, to_chinese(n), textbook_spelling(n)) for n in _large_samples() if to_chinese(n) != textbook_spelling(n)]
    assert not wrong, wrong[:10]


def test_large_numbers_round_trip():
    wrong = [n for n in _large_samples() if from_chinese(to_chinese(n)) != n]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("written, n", [
    ("一亿二千万", 120_000_000), ("一万亿", 10**12), ("一亿零一千", 100_001_000), ("二十亿一千万", 2_010_000_000),
    ("一万亿零一千万", 1_000_010_000_000), ("一万二千三百四十五亿", 1_234_500_000_000), ("一百万一千", 1_001_000),
])
def test_large_reference_values(written, n):
    assert to_chinese(n) == written and from_chinese(written) == n


def test_past_the_supported_range_is_a_clear_error():
    with pytest.raises(ValueError, match="largest number"):
        to_chinese(10**16)


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
