"""Text helpers every part of fazhi shares, free of MkDocs: Chinese numerals, pinyin heading
ids, front-matter splitting, fenced-code tracking, invisible characters and word segmentation
(jieba, behind segment.py only)."""
