"""English dates as the site writes them: 24 November 2026 (day first, month in words)."""

DATE_FORMAT = "j F Y"
