"""Site search for Chinese readers, behind Material's search box and result list.

Build time (Python): every page's HTML is cut into documents (page, heading section, law
article), segmented with jieba plus a domain dictionary made from the handbook's own titles
and headings, and given pinyin keys; `search/search_index.json` is rewritten in this format.
Query time (JavaScript, `docs/assets/search/worker.js`): a worker speaking Material's worker
protocol ranks whole phrases, law titles and articles first, reads pinyin and initials, and
jumps to articles (第十条, 殡葬 第十条).
"""
