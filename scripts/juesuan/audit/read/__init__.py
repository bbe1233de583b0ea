"""Readers of published disclosures: each turns one document into landing rows (document.py)."""
