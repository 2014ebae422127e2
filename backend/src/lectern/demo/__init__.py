"""The demo school `lectern seed` fills the catalog with: content, covers and the seeding."""
