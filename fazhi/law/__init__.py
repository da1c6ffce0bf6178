"""Law and regulation texts of the 普法宣传手册: structure, checks, cross-references, pages.

Stable anchors (other parts of the site link to them; never change their spelling):

=====================  ===================
unit                   id
=====================  ===================
第十条                 ``t10``
第一百二十条之一       ``t120-1``
第十条第二款           ``t10-k2``
第十条第一款第（三）项 ``t10-k1-x3``
（三）项之下的目 2.     ``t10-k1-x3-m2``
第一编                 ``bian-1``
第一编第二分编         ``bian-1-fenbian-2``
第三章                 ``zhang-3``
第三章第一节           ``zhang-3-jie-1``
序言 (宪法)            ``xu-yan``
=====================  ===================

Chapters are numbered through the whole law (not per 编), so ``zhang-N`` is unique.
"""
