"""A student's timestamped notes and bookmarks on lessons."""
