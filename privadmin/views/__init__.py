"""Qt widgets of privadmin: sign-in page, start window, main window and catalog editor."""
