"""Administrative units: hierarchy, kinds, validity dates, lineage across mergers and splits."""
