from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "symptomdb.topics"
    label = "topics"
    verbose_name = "Topics"
