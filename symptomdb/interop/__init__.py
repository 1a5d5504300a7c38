"""Health-IT interoperability: ICD-10-CM codes, the HL7 Infobutton response, the data dump.

The modules here are plain Python (see README.md); ``views.py`` is the Django adapter.
"""
