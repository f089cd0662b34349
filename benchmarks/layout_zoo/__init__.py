"""The layout zoo: one structured CV source rendered in many independent layout choices.

``source`` draws fictional people and their dated work history (the truth comes from it alone),
``layouts`` arranges a source into blocks under a set of choices (headings, where the dates sit, date
formats and languages, columns, non-job sections), ``writers`` turns blocks into TXT, Markdown, DOCX
and PDF from several producers, and ``score`` compares a screener report with the truth. Only this
code is in the repository; documents are generated at run time.
"""
