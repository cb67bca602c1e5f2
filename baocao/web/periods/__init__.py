"""Reporting periods with the data window of Decree 09/2019, and due dates per level."""
