"""新旧对照: article-aligned comparison of two versions of a law (site page, PDF and command).

units.py turns a parsed law into comparable units (articles, 编/章/节 headings) with their
normalised text; align.py pairs them by content; diff.py marks the words that changed;
comparison.py ties these together with the summary counts; pairs.py finds which handbook
files are versions of one law; html.py writes the 修订前 | 修订后 table (duizhao.css and
duizhao.js style it and add the 只看修改 switch); pdf.py prints it as an A4 landscape
对照表; command.py is `fazhi compare`. The MkDocs side is fazhi.site.compare.
"""
