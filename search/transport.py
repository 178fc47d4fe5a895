"""HTTP node that speaks plain JSON, for OpenSearch-compatible servers such as osmem-server.

The Elasticsearch client sends ``application/vnd.elasticsearch+json; compatible-with=N`` (and
``+x-ndjson`` for bulk requests), which OpenSearch-compatible servers refuse (406). Enabled only by
``SEARCH_PLAIN_JSON``; production talks to Elasticsearch with the stock node.
"""

from elastic_transport import Urllib3HttpNode

VENDOR_PREFIX = "application/vnd.elasticsearch+"


def plain_media_type(value):
    """``application/vnd.elasticsearch+x-ndjson; compatible-with=9`` -> ``application/x-ndjson``."""
    if not value.startswith(VENDOR_PREFIX):
        return value
    return "application/" + value[len(VENDOR_PREFIX) :].split(";", 1)[0].strip()


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if headers.get(name):
                    headers[name] = plain_media_type(headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
