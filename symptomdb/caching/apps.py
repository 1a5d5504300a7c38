from django.apps import AppConfig


class CachingConfig(AppConfig):
    """Connects the signals that invalidate cached pages (in every process, commands too)."""

    name = "symptomdb.caching"
    label = "caching"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from symptomdb.caching.invalidation import connect_signals

        connect_signals()
