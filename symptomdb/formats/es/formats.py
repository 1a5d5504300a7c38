"""Spanish dates as Spanish readers write them: 24 de noviembre de 2026."""

DATE_FORMAT = r"j \d\e F \d\e Y"
