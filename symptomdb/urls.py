"""URL map: help pages, the Wagtail admin, then Wagtail's page tree."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from symptomdb.helpfinder import views as help_views

urlpatterns = [
    path("help/", help_views.get_help_now, name="get-help-now"),
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]
