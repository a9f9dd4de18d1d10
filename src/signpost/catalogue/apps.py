from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "signpost.catalogue"
    verbose_name = "Catalogue"
