from django.urls import path

from signpost.lexicon import views

app_name = "lexicon"

urlpatterns = [
    path("", views.scheme_list, name="scheme_list"),
]
