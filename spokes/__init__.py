"""spokes: one spokesperson, one set of facts, initial information on time."""

__version__ = "0.1.0"
