"""Drive Wagtail's page editor like a browser does: GET the form, change fields, POST it back."""

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html


def _with_empty_streams(model, data):
    """StreamFields are drawn by JavaScript: an untouched one posts an empty stream."""
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    return data


def post_new_page(client, parent, model, fields, action="action-publish", extra=None):
    """POST the "add page" form of ``model`` under ``parent`` with ``fields`` (nested form data);
    ``extra`` is posted as is (e.g. the pressed button's name and value)."""
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    form = client.get(url)
    if form.status_code != 200:
        return form
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(fields))
    _with_empty_streams(model, data)
    if action:
        data[action] = action
    data.update(extra or {})
    return client.post(url, data)


def post_edit_page(client, page, fields, action="action-publish"):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(url)
    if form.status_code != 200:
        return form
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(fields))
    _with_empty_streams(page.specific_class, data)
    if action:
        data[action] = action
    return client.post(url, data)
