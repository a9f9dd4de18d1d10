from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "signpost.accounts"
    verbose_name = "Accounts and organisations"
