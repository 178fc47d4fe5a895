"""``space_patterns`` at ``/<lang>/expert/earnings/`` (the expert's own money) and
``dashboard_patterns`` at ``/dashboard/payouts/`` (platform admins)."""

from django.urls import path

from . import views

space_patterns = (
    [
        path("", views.earnings, name="earnings"),
        path("payout/", views.ask_payout, name="ask"),
        path("statements/<int:year>-<int:month>/", views.statement, name="statement"),
    ],
    "payouts",
)

dashboard_patterns = (
    [
        path("", views.queue, name="queue"),
        path("<int:pk>/", views.decide, name="decide"),
        path("export.csv", views.export_csv, name="export"),
        path("statements/<int:user_id>/<int:year>-<int:month>/", views.admin_statement, name="statement"),
    ],
    "payouts-dashboard",
)
