from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "signpost.core"
    verbose_name = "Core"
