"""Desktop administration of MitID Erhverv privileges."""

__version__ = "0.1.0"
