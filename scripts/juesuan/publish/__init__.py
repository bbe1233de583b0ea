"""Publish the disclosure: the official Excel workbook, the HTML document and its PDF.

Everything printed is read from the warehouse (``rpt_disclosure_cells``,
``rpt_disclosure_tables``, ``rpt_narrative_facts`` and the department's own seeds in the
``narrative`` schema); nothing is typed twice. Entry point: ``juesuan publish``.
"""
