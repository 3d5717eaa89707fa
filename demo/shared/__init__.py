"""The demo rows many cases refer to: courts and judges, parties, demo users, subscriptions."""
