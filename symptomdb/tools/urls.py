"""URLs of the readers' tools (included under /tools/)."""

from django.urls import path

from symptomdb.tools import views

urlpatterns = [
    path("safety-plan/", views.safety_plan, name="safety-plan"),
    path("coping/", views.coping_toolkit, name="coping-toolkit"),
]
