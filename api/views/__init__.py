"""The API's views: thin, over ``api.selectors`` and the alerts services."""
