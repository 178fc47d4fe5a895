"""Error answers: JSON under ``/api/`` (its clients parse every answer), Django's pages elsewhere.

DRF answers the errors its views raise; these cover the rest: a path no API view matches, an
exception DRF does not handle (a 500), and what Django's middleware refuses before any view runs.
"""

from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions

#: The URL prefix of the REST API (mounted in ``config.urls``).
API_PREFIX = "api/"


def _is_api(request):
    return request.path_info.startswith(f"/{API_PREFIX}")


def _json(error, status):
    return JsonResponse({"detail": str(error.default_detail)}, status=status)


def bad_request(request, exception):
    if _is_api(request):
        return _json(exceptions.ParseError, 400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if _is_api(request):
        return _json(exceptions.PermissionDenied, 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if _is_api(request):
        return _json(exceptions.NotFound, 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return _json(exceptions.APIException, 500)
    return defaults.server_error(request)
