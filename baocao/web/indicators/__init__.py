"""Indicator catalogue, facts with provenance, indicator values, corrections and revisions."""
