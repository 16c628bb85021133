"""Paragraphs, sentences, words and languages of a text."""
