"""Readers' form endpoints (POST only): votes and comments."""

from django.urls import path

from symptomdb.community import views

urlpatterns = [
    path("vote/", views.vote, name="community-vote"),
    path("comment/<int:page_id>/", views.comment, name="community-comment"),
]
