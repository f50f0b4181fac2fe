"""Async work behind the main window: loading an organization, assigning in batches, undo."""
