"""Forms of the provider's availability editor; parsing only, the services change state."""

import re
from datetime import time

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .models import TIME_ZONES, Provider

SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_spans(text):
    """``"09:00-12:00, 14:00-18:00"`` → ``[(time(9), time(12)), (time(14), time(18))]``
    (``24:00`` is midnight at the end of the day)."""
    spans = []
    for part in filter(None, (piece.strip() for piece in (text or "").split(","))):
        match = SPAN.match(part)
        if not match:
            raise forms.ValidationError(_("Write hours as 09:00-12:00, separated by commas."))
        h1, m1, h2, m2 = map(int, match.groups())
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
            raise forms.ValidationError(_("Write hours as 09:00-12:00, separated by commas."))
        start, end = time(h1, m1), time(0) if h2 == 24 else time(h2, m2)
        if end != time(0) and end <= start:
            raise forms.ValidationError(_("Each period must end after it starts."))
        spans.append((start, end))
    return spans


def format_spans(spans):
    return ", ".join(f"{start:%H:%M}-{'24:00' if end == time(0) else f'{end:%H:%M}'}" for start, end in spans)


class WeeklyHoursForm(forms.Form):
    """One text field per weekday: its open periods."""

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        current = {}
        for rule in provider.weekly_rules.all():
            current.setdefault(rule.weekday, []).append((rule.start, rule.end))
        for day, name in WEEKDAYS.items():
            self.fields[f"day_{day}"] = forms.CharField(
                label=name,
                required=False,
                initial=format_spans(current.get(day, [])),
                help_text=_("e.g. 09:00-12:00, 14:00-18:00; empty: closed"),
            )

    def clean(self):
        data = super().clean()
        hours = {}
        for day in WEEKDAYS:
            try:
                hours[day] = parse_spans(data.get(f"day_{day}"))
            except forms.ValidationError as error:
                self.add_error(f"day_{day}", error)
        data["hours"] = hours
        return data


class ProviderSettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("time zone"), choices=[(name, name) for name in TIME_ZONES])

    class Meta:
        model = Provider
        fields = [
            "time_zone",
            "slot_interval_minutes",
            "buffer_before_minutes",
            "buffer_after_minutes",
            "minimum_notice_minutes",
            "horizon_days",
            "max_per_day",
            "free_cancellation_hours",
            "late_cancellation_percent",
            "ics_url",
            "pay_at_appointment",
            "confirms_requests",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.expert_id:  # paying at the appointment is for shops' services
            del self.fields["pay_at_appointment"]
            del self.fields["confirms_requests"]


class DateForm(forms.Form):
    """A day off, or a day with its own hours."""

    date = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.CharField(
        label=_("hours that day"), required=False, help_text=_("empty: the whole day is off")
    )

    def clean_hours(self):
        return parse_spans(self.cleaned_data.get("hours"))
