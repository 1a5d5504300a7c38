"""URL map: the API, the admin and machine endpoints; then the readers' pages in each language.

Readers' pages are in ``i18n_patterns`` without a prefix for English, so English URLs stay as
they are (``/topics/self-injury/``) and Spanish ones start with ``/es/`` (``/es/help/``,
``/es/topics/autolesion/``). The language comes from that prefix alone.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from symptomdb.answers import views as answer_views
from symptomdb.api.errors import not_found as api_not_found
from symptomdb.api.urls import api
from symptomdb.collections import views as collection_views
from symptomdb.helpfinder import finder_views
from symptomdb.helpfinder import views as help_views
from symptomdb.pages import views as page_views
from symptomdb.tools import views as tool_views
from symptomdb.topics import infobutton_views
from symptomdb.topics import views as topic_views

urlpatterns = [
    path("infobutton/", infobutton_views.infobutton, name="infobutton"),
    # The offline worker must be served from the root to be allowed to control /help/.
    path("sw.js", tool_views.service_worker, name="service-worker"),
    path("favicon.ico", page_views.favicon, name="favicon"),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", api_not_found),
    path("community/", include("symptomdb.community.urls")),
    path("admin/", include(wagtailadmin_urls)),
]
urlpatterns += i18n_patterns(
    path("help/", help_views.get_help_now, name="get-help-now"),
    path("help/find/", finder_views.find_help, name="find-help"),
    path("ask/", answer_views.ask, name="ask"),
    path(
        "collections/medquad/<int:pk>/",
        collection_views.collection_document,
        name="collection-document",
    ),
    path("search/", page_views.search, name="search"),
    path("about/", page_views.about, name="about"),
    path("editorial-policy/", page_views.editorial_policy, name="editorial-policy"),
    path("privacy/", page_views.privacy, name="privacy"),
    path("tools/", include("symptomdb.tools.urls")),
    path(
        "topics/<slug:slug>/cite.<str:extension>",
        topic_views.topic_citation,
        name="topic-citation",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Errors in the site's layout, in the reader's language, with help, search and topics A–Z.
handler404 = "symptomdb.pages.views.not_found"
handler500 = "symptomdb.pages.views.server_error"
