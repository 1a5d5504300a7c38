from django.apps import AppConfig


class AnswersConfig(AppConfig):
    name = "symptomdb.answers"
    label = "answers"
    verbose_name = "Answers"
