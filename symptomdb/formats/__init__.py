"""Date formats per language, read by Django (``FORMAT_MODULE_PATH``) for
``|date:"DATE_FORMAT"``: "24 November 2026" in English, "24 de noviembre de 2026" in Spanish."""
