from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data generator: ``manage.py generate_demo_data`` (no models)."""

    name = "demo"
    verbose_name = "Demo data"
