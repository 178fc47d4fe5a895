"""Container healthcheck: GET /health/ on the local ASGI server, as the reverse proxy would send it.

Production settings redirect plain HTTP to HTTPS and accept only ``DJANGO_ALLOWED_HOSTS``, so the
request carries ``X-Forwarded-Proto: https`` and the first allowed host name. Exit 0 when the site
answers 200 (``ok`` or ``degraded``), 1 otherwise. Standard library only, so it costs no Django start-up.
"""

import os
import sys
import urllib.error
import urllib.request


def allowed_host():
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","):
        host = host.strip().lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def main():
    port = os.environ.get("HEALTHCHECK_PORT", "8000")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/health/",
        headers={"Host": allowed_host(), "X-Forwarded-Proto": "https", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 - fixed local URL
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as exc:
        print(f"health check failed: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
