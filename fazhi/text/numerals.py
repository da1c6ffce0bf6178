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
#: Units of the four-digit groups: 个, 万, 亿, then 万 again (10^12 is 一万亿).
_LARGE_UNITS = ("", "万", "亿", "万")
#: The largest number spelled: 9999万9999亿9999万9999 (far past any ordinal in a text).
MAX_CHINESE = _GROUP_SIZE ** len(_LARGE_UNITS) - 1


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

    Used for 编/章/节/条 numbers, heading markers 一、（一） and 项 （十一）. Groups of four
    digits take 万 and 亿; a group after a gap (a zero group, or fewer than four digits)
    is preceded by one 零, and zeros at the end of a group are not read (一百万一千).
    """
    if n <= 0:
        raise ValueError(f"Chinese ordinals start at 1, got {n}")
    if n > MAX_CHINESE:
        raise ValueError(f"{n} is past the largest number spelled in Chinese here ({MAX_CHINESE})")
    groups: list[int] = []
    while n:
        groups.append(n % _GROUP_SIZE)
        n //= _GROUP_SIZE
    out: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value == 0:
            continue
        above_is_zero = index + 1 < len(groups) and groups[index + 1] == 0
        if out and (value < 1000 or above_is_zero):
            out.append("零")
        out.append(_group(value, leading=not out) + _LARGE_UNITS[index])
        if index == 3 and groups[2] == 0:
            out.append("亿")  # 一万亿: the 亿 of the group below, which has no digits of its own
    return "".join(out)


_DIGIT_VALUE = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "○": 0, "两": 2}
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}

#: Characters of a written Chinese ordinal (第一百零一条, （十一）, 一九八二 with ○), for regex
#: character classes in every module that finds numbers in text; `from_chinese` reads them all.
NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万"


def from_chinese(text: str) -> int:
    """Parse a Chinese ordinal (一百零一, 十二, 两千, 一亿二千万) or plain digits back to an int.

    Lenient on purpose: it reads what authors wrote (一十, 两), so that a manual
    heading number or a cited article can be compared with its expected value.
    万 multiplies what came since the last 亿; 亿 multiplies everything before it.
    """
    if text.isdigit():
        return int(text)
    total = wan = section = digit = 0
    seen = False
    for char in text:
        if char in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[char]
        elif char in _UNIT_VALUE:
            section += (digit or 1) * _UNIT_VALUE[char]
            digit = 0
        elif char == "万":
            wan += (section + digit or 1) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + wan + section + digit or 1) * 100_000_000
            wan = section = digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
        seen = True
    if not seen:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + wan + section + digit


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def to_circled(n: int) -> str:
    """① … ⑳ for the sixth heading level; past 20 falls back to (21)-style text."""
    return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else f"({n})"
