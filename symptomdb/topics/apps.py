from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "symptomdb.topics"
    label = "topics"
    verbose_name = "Topics"

    def ready(self) -> None:
        from symptomdb.topics import publish_guard

        publish_guard.connect()
