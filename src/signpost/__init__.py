"""Signpost: a learning broker for libraries, archives, museums and adult learning."""
