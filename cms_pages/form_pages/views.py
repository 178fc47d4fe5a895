"""The admin's list of a form page's submissions: searchable, and exported so spreadsheets read it right."""

import datetime

from django.db.models import BooleanField, ExpressionWrapper
from django.db.models.expressions import RawSQL
from django.utils import timezone
from wagtail.contrib.forms.views import SubmissionsListView

from .answers import yes_no


def local_time_text(value):
    """A submission time as the admin shows it (the site's time zone), in a form spreadsheets parse."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if timezone.is_aware(value) else str(value)


def local_time_naive(value):
    return timezone.make_naive(value) if timezone.is_aware(value) else value


class FormSubmissionsView(SubmissionsListView):
    """Wagtail's submissions list with a search over the answers, and exports that Excel opens as is.

    The CSV starts with a UTF-8 byte order mark (without it Excel reads Arabic answers as Latin-1), and
    times are in the site's time zone like the admin's listing (Wagtail exports them in UTC); a
    ticked box reads "Yes" in the editor's language rather than "True".
    """

    is_searchable = True
    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        datetime.datetime: {
            SubmissionsListView.FORMAT_CSV: local_time_text,
            SubmissionsListView.FORMAT_XLSX: local_time_naive,
        },
        bool: {SubmissionsListView.FORMAT_CSV: yes_no, SubmissionsListView.FORMAT_XLSX: yes_no},
    }

    def search_queryset(self, queryset):
        """Submissions with an answer containing the search term (not a field name)."""
        if not self.is_searching:
            return queryset
        term = self.search_query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        answered = RawSQL(
            "EXISTS (SELECT 1 FROM jsonb_each_text(form_data) AS answer WHERE answer.value ILIKE %s)",
            (f"%{term}%",),
        )
        return queryset.annotate(matches=ExpressionWrapper(answered, output_field=BooleanField())).filter(
            matches=True
        )

    def get_context_data(self, **kwargs):
        """The listing reads "Yes"/"No" for a box, like the email and the exports."""
        context = super().get_context_data(**kwargs)
        for row in context.get("data_rows", []):
            row["fields"] = [yes_no(value) if isinstance(value, bool) else value for value in row["fields"]]
        return context

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)
