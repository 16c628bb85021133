"""Findings of the checks on a comparison, and passages ranked by what changed in meaning."""
