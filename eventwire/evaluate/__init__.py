"""Evaluation against gold data: precision, recall and F1 for each capability."""
