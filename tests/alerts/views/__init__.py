"""Following cases, choosing alerts, unsubscribing from mail, and the account pages, as a reader.

alice is an editor (fixture); bob is a reader who follows cases of his own.
"""
