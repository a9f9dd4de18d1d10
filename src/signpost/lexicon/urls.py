from django.urls import path

from signpost.lexicon import views

app_name = "lexicon"

urlpatterns = [
    path("", views.scheme_list, name="scheme_list"),
    path("search/", views.search_all, name="search_all"),
    path("<slug:slug>/", views.scheme_detail, name="scheme_detail"),
    path("<slug:slug>/search/", views.scheme_search, name="scheme_search"),
    path("<slug:slug>/new/", views.concept_create, name="concept_create"),
    path("<slug:slug>/c/<int:pk>/", views.concept_detail, name="concept_detail"),
    path("<slug:slug>/c/<int:pk>/edit/", views.concept_edit, name="concept_edit"),
    path("<slug:slug>/c/<int:pk>/crosswalks/", views.concept_crosswalks, name="concept_crosswalks"),
    path("<slug:slug>/crosswalks/<int:pk>/remove/", views.crosswalk_remove, name="crosswalk_remove"),
]
