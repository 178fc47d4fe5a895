"""Mounted by config/urls.py under the language prefix: ``space_patterns`` at ``expert/`` (the
expert's own application), ``public_patterns`` at ``experts/`` (directory and profiles)."""

from django.urls import path

from . import views

space_patterns = (
    [
        path("", views.home, name="home"),
        path("apply/", views.apply, name="apply"),
        path("profile/", views.edit_profile, name="profile"),
        path("verification/", views.verification, name="verification"),
        path("submit/", views.submit, name="submit"),
    ],
    "expert-space",
)

public_patterns = (
    [
        path("", views.directory, name="directory"),
        path("<slug:slug>/", views.profile, name="profile"),
    ],
    "experts",
)
