"""新旧对照: article-aligned comparison of two versions of a law (site page, PDF and command).

units.py turns a parsed law into comparable units, align.py pairs them by content, diff.py
marks the words that changed, pairs.py finds which handbook files are versions of one law,
html.py writes the 修订前 | 修订后 table, pdf.py prints it as an A4 landscape 对照表.
"""
