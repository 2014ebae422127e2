"""What a student lives in: enrolments, the one access check, where they stopped."""
