"""Everything that imports MkDocs: the glue the hook files call (logging, per-page setup),
navigation, git dates, edit links, repeatable build dates and the handbook's mounting."""
