"""Subscriptions and the notification outbox (built with the e-mail alerts)."""
