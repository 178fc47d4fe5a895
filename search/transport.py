"""HTTP node that speaks plain JSON, for OpenSearch-compatible servers such as osmem-server.

The Elasticsearch client sends ``application/vnd.elasticsearch+json; compatible-with=N``, which
OpenSearch-compatible servers refuse (406). Enabled only by ``SEARCH_PLAIN_JSON``; production talks
to Elasticsearch with the stock node.
"""

from elastic_transport import Urllib3HttpNode

COMPAT_MEDIA_TYPE = "application/vnd.elasticsearch+json"


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                value = headers.get(name)
                if value and value.startswith(COMPAT_MEDIA_TYPE):
                    headers[name] = "application/json"
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
