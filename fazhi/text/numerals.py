"""Chinese numerals as written in official texts.

Article, chapter and heading ordinals follow the spelling of the official law texts
(see shared reference law-structure.md): 十 (never 一十) when ten leads the number,
一十 after a higher unit (一百一十), a single 零 for each run of skipped units
(一千零一十), and 万 groups above 9999 (一万零一).
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")
_GROUP_SIZE = 10_000
_LARGE_UNITS = ("", "万", "亿")


def _group(n: int, leading: bool) -> str:
    """Spell 1..9999; `leading` means nothing higher precedes it (so 10 is 十, not 一十)."""
    out: list[str] = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = n // 10**position % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        bare_ten = leading and not out and position == 1 and digit == 1
        out.append(("" if bare_ten else DIGITS[digit]) + _UNITS[position])
    return "".join(out)


def to_chinese(n: int) -> str:
    """Return the ordinal spelling of a positive integer: 1 → 一, 110 → 一百一十.

    Used for 编/章/节/条 numbers, heading markers 一、（一） and 项 （十一）.
    """
    if n <= 0:
        raise ValueError(f"Chinese ordinals start at 1, got {n}")
    groups: list[int] = []
    while n:
        groups.append(n % _GROUP_SIZE)
        n //= _GROUP_SIZE
    if len(groups) > len(_LARGE_UNITS):
        raise ValueError("number too large for Chinese ordinals")
    out: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value == 0:
            continue
        if out and value < 1000:
            out.append("零")
        out.append(_group(value, leading=not out) + _LARGE_UNITS[index])
    return "".join(out)


_DIGIT_VALUE = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "○": 0, "两": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_LARGE_VALUE = {"万": 10_000, "亿": 100_000_000}

#: Characters of a written Chinese ordinal (第一百零一条, （十一）, 一九八二 with ○), for regex
#: character classes in every module that finds numbers in text; `from_chinese` reads them all.
NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万"


def from_chinese(text: str) -> int:
    """Parse a Chinese ordinal (一百零一, 十二, 两千) or plain digits back to an int.

    Lenient on purpose: it reads what authors wrote (一十, 两), so that a manual
    heading number or a cited article can be compared with its expected value.
    """
    if text.isdigit():
        return int(text)
    total = section = digit = 0
    seen = False
    for char in text:
        if char in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[char]
            seen = True
        elif char in _UNIT_VALUE:
            section += (digit or 1) * _UNIT_VALUE[char]
            digit = 0
            seen = True
        elif char in _LARGE_VALUE:
            total = (total + section + digit) * _LARGE_VALUE[char]
            section = digit = 0
            seen = True
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    if not seen:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + digit


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def to_circled(n: int) -> str:
    """① … ⑳ for the sixth heading level; past 20 falls back to (21)-style text."""
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"
