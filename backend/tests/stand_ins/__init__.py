"""Local stand-ins for SaaS we cannot reach from tests: each speaks the provider's real wire
protocol for exactly the calls Lectern makes, and signs its webhooks the provider's way."""
