from django.apps import AppConfig


class LexiconConfig(AppConfig):
    name = "signpost.lexicon"
    verbose_name = "Lexicon"
