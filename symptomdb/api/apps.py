from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "symptomdb.api"
    label = "symptomdb_api"
    verbose_name = "JSON API"
