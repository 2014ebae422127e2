"""Progress: watched intervals, heartbeats, lesson/section/course completion, watch time."""
