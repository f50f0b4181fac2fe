"""The provider's catalog editor: own privileges, their descriptions, assignability and whitelists."""

from privadmin.views.catalog.panel import CatalogPanel

__all__ = ["CatalogPanel"]
