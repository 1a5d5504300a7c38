from django.apps import AppConfig


class CollectionsConfig(AppConfig):
    name = "symptomdb.collections"
    label = "qa_collections"  # "collections" would shadow the standard library's name in labels
    verbose_name = "Imported collections"
