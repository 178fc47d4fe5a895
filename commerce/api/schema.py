"""The OpenAPI schema of the API tells what every operation may answer, not only its success.

drf-spectacular documents the success of each view; the answers that come from the API's shared
machinery (authentication, throttling, validation, pagination, the language negotiation) are the
same for every view, so they are added here once rather than in each ``extend_schema``.
"""

from django.conf import settings
from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Why the request was refused, in the client's language.")


#: A validation error: the request's field names (or ``detail``/``non_field_errors``) with messages.
VALIDATION_ERROR = {"type": "object", "additionalProperties": {}}

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
BODY_METHODS = {"POST", "PUT", "PATCH"}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's, with the shared answers added to each operation's own (an operation's
    ``extend_schema`` wins for a code it documents). ``_get_response_bodies`` is drf-spectacular's
    own step that lists the answers: tests/integration/api/test_schema.py notices if an upgrade renames it."""

    def get_override_parameters(self):
        """The ``Accept-Language`` every operation honours, and the headers of shared answers."""
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                "Accept-Language",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description="Language of the answer's texts (messages, product texts); French by default.",
                enum=[code for code, _name in settings.LANGUAGES],
            ),
            OpenApiParameter(
                "WWW-Authenticate",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                response=[401],
                description="`Token`: send `Authorization: Token <key>` (see `/api/auth/token/`).",
            ),
            OpenApiParameter(
                "Retry-After",
                OpenApiTypes.INT,
                OpenApiParameter.HEADER,
                response=[429],
                description="Seconds to wait before the next call.",
            ),
        ]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, answer in self._shared_answers().items():
            responses.setdefault(code, self._get_response_for_code(answer, code, direction=direction))
        return responses

    def _shared_answers(self):
        answers = {
            "401": OpenApiResponse(ErrorSerializer, "A token that is not valid, or none where one is due."),
            "429": OpenApiResponse(ErrorSerializer, "Too many calls; see `Retry-After`."),
        }
        if self.method in UNSAFE_METHODS:
            answers["403"] = OpenApiResponse(
                ErrorSerializer, "A browser session's change without its CSRF token."
            )
        takes_body = self.method in BODY_METHODS and self.get_request_serializer() is not None
        if takes_body or getattr(self.view, "filterset_class", None):
            answers["400"] = OpenApiResponse(VALIDATION_ERROR, "What is wrong with the request, per field.")
        if "{" in self.path or (self._is_list_view() and self._get_paginator()):
            answers["404"] = OpenApiResponse(ErrorSerializer, "No such resource (or page) for this caller.")
        return answers
