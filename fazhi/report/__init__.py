"""The annual report (a 公文): its parts around the body, heading numbering and the
Python-Markdown extension that applies it, the archive of years, and new-report templates."""
