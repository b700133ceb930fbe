"""French dates: « 2 décembre 2026 », « 2 décembre 2026 à 14:30 »; the first day of a month
is « 1er » (nfp_site/dates.py), as French typography requires."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y à H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # lundi
