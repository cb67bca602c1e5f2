"""Pages that read across the store: the start page, the unit dashboard, the province overview."""
