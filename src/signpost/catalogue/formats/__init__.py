"""Standard formats out of the catalogue: Markdown to safe HTML, schema.org JSON-LD,
iCalendar, and the OpenActive RPDE change feed. Each module builds plain data or bytes from
opportunities; views and the API only fetch (formats.selectors) and hand the result over.
"""
