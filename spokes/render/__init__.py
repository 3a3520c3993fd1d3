"""Views of domain objects: text tables, details, JSON. No logic, no database."""
