"""Law and regulation texts of the 普法宣传手册: structure, checks, cross-references, pages.

Stable anchors (other parts of the site link to them; never change their spelling) are
made and read in `fazhi.contract`: ``t10`` for 第十条, ``t120-1`` for 第一百二十条之一,
``t10-k2`` for 第十条第二款, ``zhang-3`` / ``zhang-3-jie-1`` for a law without 编, and in a
code, whose chapters restart in every 编, ``bian-2``, ``bian-2-fenbian-1``,
``bian-2-zhang-1``, ``bian-2-zhang-1-jie-1``. Article numbers are unique across a code,
so article ids never carry the 编; an excerpt keeps the code's numbers (``t1077``).
"""
