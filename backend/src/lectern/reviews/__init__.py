"""Students' ratings and reviews of courses, instructors' replies, admins' moderation."""
