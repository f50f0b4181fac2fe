"""The rules of privilege management, written once: assignability, activity, roles and audit."""
