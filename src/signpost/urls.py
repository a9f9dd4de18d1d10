from django.contrib import admin
from django.urls import include, path

from signpost.api import api
from signpost.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("", include("signpost.accounts.urls")),
    path("lexicon/", include("signpost.lexicon.urls")),
    path("", include("signpost.catalogue.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
