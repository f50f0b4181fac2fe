"""Qt item models behind the main window's views; they hold records, never HTTP."""
