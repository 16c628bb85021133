"""The comparison engine: pure Python, no Qt (a test enforces it)."""
