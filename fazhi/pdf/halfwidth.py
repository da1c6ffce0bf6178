"""Half-width punctuation (标点挤压, clreq) built into the prepared faces as OpenType rules.

Chinese marks take a full 字 but draw in one half of it: a closing mark (，。、；：）》”…)
on the left, an opening mark (（《“…) on the right. Positioning rules added under the
same feature as grid.py's break glyph (fonts.BREAK_FEATURE) halve them where clreq says:

- adjacent marks take 1.5 字, not 2: in 。” ”、 the first (closing) mark is halved, in
  （“ the second (opening) one (grid.py puts no space between touching marks: WeasyPrint
  shapes every space as a run of its own, which would hide the pair from the rule);
- a closing mark followed by U+2009 (TIGHT) is halved: grid.py puts TIGHT as the break
  between a closing and an opening mark (》《 ，“), and compress.py in place of the break
  space after the marks a line must squeeze to take back a character that 禁则 would push
  down (推入). TIGHT is mapped to an unused glyph given zero advance, which textlayer.py
  removes from the content streams like the break glyph.

Rules live in the font, not in spans around marks: WeasyPrint breaks lines badly around an
inline box narrower than its text, and a rule inside one text run costs nothing.

The face's GPOS is replaced by these rules, not merged with them: recompiling Noto CJK's
large GPOS (Latin kerning, palt, vertical metrics, none of which print.css uses) took
minutes per face on the build machine.
"""

from __future__ import annotations

from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
from fontTools.ttLib import TTFont

#: Closing marks drawn in the left half of their 字 (so in Fandol and Noto CJK SC); ？ and
#: ！ are centred in most faces and keep their width.
CLOSING = "，。、；：）》〉」』”’〕】"
#: Opening marks drawn in the right half.
OPENING = "（《〈「『“‘〔【"
#: Put by compress.py where a mark is to be halved; never in the source text.
TIGHT = "\u2009"


def add_rules(font: TTFont, feature: str, tight_glyph: str) -> None:
    """Add the halving rules to `font` (in place) under `feature`; map TIGHT to
    `tight_glyph` and give that glyph zero advance."""
    cmap = font.getBestCmap()
    close = sorted({cmap[ord(ch)] for ch in CLOSING if ord(ch) in cmap})
    open_ = sorted({cmap[ord(ch)] for ch in OPENING if ord(ch) in cmap})
    half = font["head"].unitsPerEm // 2
    fea = f"""
languagesystem DFLT dflt;
languagesystem hani dflt;
languagesystem latn dflt;
@CLOSE = [{' '.join(close)}];
@OPEN = [{' '.join(open_)}];
@MARK = [@CLOSE @OPEN];
lookup HALF_CLOSE {{ pos @CLOSE <0 0 -{half} 0>; }} HALF_CLOSE;
lookup HALF_OPEN {{ pos @OPEN <-{half} 0 -{half} 0>; }} HALF_OPEN;
feature {feature} {{
  pos @CLOSE' lookup HALF_CLOSE @MARK;
  pos @OPEN @OPEN' lookup HALF_OPEN;
  pos @CLOSE' lookup HALF_CLOSE {tight_glyph};
}} {feature};
"""
    addOpenTypeFeaturesFromString(font, fea, tables=["GPOS"])
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[ord(TIGHT)] = tight_glyph
    font["hmtx"][tight_glyph] = (0, 0)
