"""The audit trail: every change to stored data with who, when, old, new and why."""
