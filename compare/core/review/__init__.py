"""The user's decisions on a comparison, edits of them, and saved review sessions."""
