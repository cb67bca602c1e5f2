"""Pages that read across the store: the unit dashboard, the province overview, planned tasks."""
