"""Print output: print HTML, fonts, WeasyPrint rendering and booklet imposition."""
