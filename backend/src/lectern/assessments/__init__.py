"""Quizzes, assignments and grading (docs/assessments.md)."""
