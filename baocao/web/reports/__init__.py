"""Reports: the original file byte for byte, its document model, unit, period, status, versions."""
