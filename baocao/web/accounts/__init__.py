"""Users of a unit with a role (viewer, editor, reviewer, admin) and their API tokens."""
