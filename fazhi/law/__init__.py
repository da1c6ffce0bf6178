"""Law and regulation texts of the 普法宣传手册: structure, checks, cross-references, pages.

The ids of 条/款/项/目 and of 编/章/节 headings are public addresses, defined with the rest of
the HTML contract in `fazhi.contract` (never change their spelling).
"""
