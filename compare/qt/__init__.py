"""The News Compare window (PySide6): a thin layer over :mod:`compare.core`."""
