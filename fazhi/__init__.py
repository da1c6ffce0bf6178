"""fazhi: publishing engine for the bureau's 法治 reports and law handbook.

Pure functions at the core (numerals, numbering, law structure, pinyin ids, search keys,
print, import, check); Python-Markdown extensions around them; one MkDocs plugin (fazhi.site) only wires.
"""
