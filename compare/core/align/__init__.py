"""Sentence alignment: which sentences of one version correspond to which of the other."""
