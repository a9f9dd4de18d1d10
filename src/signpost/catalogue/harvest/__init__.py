"""Harvesting providers' feeds (iCalendar, JSON-LD, RSS/Atom, RPDE) into the catalogue.

fetch.py gets a feed's bytes safely; rss.py and rpde.py read the formats that belong here
(iCalendar and JSON-LD are read by catalogue.ingest, shared with file imports); service.py
writes what was read through the one writer and keeps the harvest log; tasks.py runs a
harvest in the background.
"""
