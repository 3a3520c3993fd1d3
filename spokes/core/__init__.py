"""The domain: units, spokespersons, incidents and their clocks. Never prints."""
