"""Word-level differences, and the comparison of two versions as aligned, diffed passages."""
