"""Rebuild what a browser would POST back from a rendered form page (test helper)."""


def _field_values(form, data):
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        key = bound.html_name
        widget = field.widget
        if getattr(widget, "input_type", None) == "checkbox" or field.__class__.__name__ == "BooleanField":
            if value:
                data[key] = "on"
        elif getattr(widget, "input_type", None) == "file":
            continue
        elif isinstance(value, (list, tuple)):
            data[key] = [str(item) for item in value]
        elif value is not None:
            data[key] = str(value.pk if hasattr(value, "pk") else value)


def post_data(context, *names):
    """POST data of the forms and formsets called ``names`` in a response's context."""
    data = {}
    for name in names:
        item = context[name]
        if hasattr(item, "management_form"):
            # Existing rows only: the empty extra rows are left blank, as a browser leaves them.
            _field_values(item.management_form, data)
            existing = [form for form in item.forms if form.instance.pk]
            data[f"{item.prefix}-TOTAL_FORMS"] = str(len(existing))
            for form in existing:
                _field_values(form, data)
        else:
            _field_values(item, data)
    return data
