"""Catalogue pages. Each area's views live in their own module under views/."""

from django.urls import path

from signpost.catalogue.views import detail, feeds, formats, imports, manage, search

app_name = "catalogue"

urlpatterns = [
    # Search (views/search.py)
    path("opportunities/", search.catalogue, name="search"),
    # One opportunity, and formats out (views/detail.py, views/formats.py)
    path("opportunities/<int:pk>/", detail.opportunity_detail, name="opportunity_detail"),
    path("opportunities/<int:pk>/calendar.ics", formats.opportunity_ics, name="opportunity_ics"),
    path("calendars/providers/<slug:slug>.ics", formats.provider_ics, name="provider_ics"),
    path("calendars/regions/<slug:slug>.ics", formats.region_ics, name="region_ics"),
    path("calendars/areas/<int:concept_id>.ics", formats.area_ics, name="area_ics"),
    path("feeds/new-opportunities.xml", formats.NewOpportunitiesFeed(), name="rss"),
    path("feeds/new-opportunities.atom", formats.NewOpportunitiesAtomFeed(), name="atom"),
    # Providers' pages (views/manage.py)
    path("publish/", manage.dashboard, name="manage_dashboard"),
    path("publish/<slug:provider>/new/", manage.opportunity_create, name="opportunity_create"),
    path("opportunities/<int:pk>/edit/", manage.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/status/", manage.opportunity_status, name="opportunity_status"),
    path("opportunities/<int:pk>/delete/", manage.opportunity_delete, name="opportunity_delete"),
    path("opportunities/<int:pk>/occurrences/new/", manage.occurrence_create, name="occurrence_create"),
    path("occurrences/<int:pk>/edit/", manage.occurrence_edit, name="occurrence_edit"),
    path("occurrences/<int:pk>/delete/", manage.occurrence_delete, name="occurrence_delete"),
    path("concepts/suggest/", manage.concept_suggest, name="concept_suggest"),
    # File imports (views/imports.py)
    path("publish/<slug:provider>/import/", imports.upload, name="import_upload"),
    path("publish/<slug:provider>/import/template.xlsx", imports.template_xlsx, name="import_template"),
    path("imports/<int:pk>/", imports.job_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", imports.job_confirm, name="import_confirm"),
    path("imports/<int:pk>/progress/", imports.job_progress, name="import_progress"),
    # Feeds in (views/feeds.py)
    path("publish/<slug:provider>/feeds/", feeds.feed_list, name="feed_list"),
    path("feeds/<int:pk>/", feeds.feed_detail, name="feed_detail"),
    path("feeds/<int:pk>/harvest/", feeds.feed_harvest, name="feed_harvest"),
    path("feeds/<int:pk>/delete/", feeds.feed_delete, name="feed_delete"),
]
