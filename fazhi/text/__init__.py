"""Text helpers every part of fazhi shares, free of MkDocs: Chinese numerals, pinyin heading
ids, front-matter splitting and fenced-code tracking."""
