"""The read-only REST API at /api/v1/ (README, "API"): courts, judges, cases and their dockets,
parties; each reader's own subscriptions with a token. The top layer: nothing imports it."""
