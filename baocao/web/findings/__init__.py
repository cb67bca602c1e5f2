"""Findings of the checks with a state, and the checks only a store can make."""
