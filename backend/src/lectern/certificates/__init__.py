"""Certificates of completion: issued on course completion, PDF, public verification."""
