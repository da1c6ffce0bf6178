"""Questions the law answers (问答) and cases that show it (以案释法), as the bureau writes them.

Each is one Markdown file in docs/wenda/ (fazhi.addresses): the question as its title, a plain
answer, and the articles it rests on, cited the way staff cite them (《婚姻登记条例》第五条,
民法典第一千零七十七条). The citations link to the articles, each cited article lists the pages
that cite it, and a citation of an article the handbook does not hold fails the strict build.
"""
