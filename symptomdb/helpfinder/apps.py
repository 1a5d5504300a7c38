from django.apps import AppConfig


class HelpfinderConfig(AppConfig):
    name = "symptomdb.helpfinder"
    label = "helpfinder"
    verbose_name = "Help finder"
