"""Citing symptomdb pages: CSL-JSON items, APA/AMA/Vancouver text, RIS/BibTeX/CSL-JSON files.

Plain Python (see README.md): no Django import.
"""

from symptomdb.citations.exports import EXPORT_FORMATS, ExportFormat, to_bibtex, to_csl_json, to_ris
from symptomdb.citations.item import CitablePage, csl_item
from symptomdb.citations.styles import STYLES, CitationStyle, render_citation

__all__ = [
    "EXPORT_FORMATS",
    "STYLES",
    "CitablePage",
    "CitationStyle",
    "ExportFormat",
    "csl_item",
    "render_citation",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]
