"""The API's rate limits (``anon`` and ``user`` in ``DEFAULT_THROTTLE_RATES``), every window of a
call counted in one Redis round trip.

DRF's ``AnonRateThrottle`` and ``UserRateThrottle`` both apply to an anonymous call, and each reads
then writes a pickled list of timestamps in the cache: four round trips per call, before the view
starts. ``RateThrottle`` keeps the same limits and the same sliding windows (a call counts for the
rate's period after it is made; a refused call does not count), so the same calls get the same
429 and ``Retry-After``, but keeps each window as a Redis sorted set that one Lua script trims,
counts and adds to, for all windows of the call at once (atomic, too: two concurrent calls can
no longer both read the same history). With a cache that is not Redis (``make run`` without
``REDIS_URL``), DRF's two classes run as before.
"""

import uuid
import weakref

from django.core.cache import cache
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

#: KEYS: one sorted set per window. ARGV: now, this call's member, then limit and period per window.
#: Per window: drop calls older than the period, refuse when ``limit`` remain, else add this call;
#: answers ``{allowed, calls in the window, oldest call's time}``.
WINDOWS_SCRIPT = """
local now = tonumber(ARGV[1])
local answers = {}
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[1 + 2 * i])
  local period = tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - period)
  local count = redis.call('ZCARD', key)
  local allowed = 0
  if count < limit then
    redis.call('ZADD', key, ARGV[1], ARGV[2])
    redis.call('EXPIRE', key, math.ceil(period))
    allowed = 1
  end
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2] or ARGV[1]
  answers[i] = {allowed, count, oldest}
end
return answers
"""


class RateThrottle(SimpleRateThrottle):
    """An anonymous call counts against ``anon`` (per address) and ``user`` (per address); a signed-in
    user's against ``user`` (per account), as DRF's two default classes count them."""

    def __init__(self):
        # No single scope: the rates are read per window, from the same ``THROTTLE_RATES``.
        self.refusals = []

    def windows(self, request):
        """``(scope, ident)`` of each window this call counts in."""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return [("user", user.pk)]
        ident = self.get_ident(request)
        return [("anon", ident), ("user", ident)]

    def allow_request(self, request, view):
        client = getattr(cache, "redis_client", None)
        if client is None:
            return self._allow_with_cache(request, view)
        windows = [
            (scope, ident, *self.parse_rate(self.THROTTLE_RATES.get(scope)))
            for scope, ident in self.windows(request)
        ]
        windows = [window for window in windows if window[2] is not None]
        if not windows:
            return True
        now = self.timer()
        arguments = [repr(now), f"{now!r}:{uuid.uuid4().hex}"]
        for _scope, _ident, limit, period in windows:
            arguments += [limit, period]
        keys = [cache.make_key(f"throttle:{scope}:{ident}") for scope, ident, _limit, _period in windows]
        answers = _script(client())(keys=keys, args=arguments)
        self.refusals = [
            _wait(limit, period, now, count, float(oldest))
            for (_s, _i, limit, period), (allowed, count, oldest) in zip(windows, answers, strict=True)
            if not allowed
        ]
        return not self.refusals

    def _allow_with_cache(self, request, view):
        throttles = [AnonRateThrottle(), UserRateThrottle()]
        refused = [throttle for throttle in throttles if not throttle.allow_request(request, view)]
        self.refusals = [throttle.wait() for throttle in refused]
        return not refused

    def wait(self):
        """The longest wait of the refusing windows (what DRF answers for two refusing classes)."""
        waits = [wait for wait in self.refusals if wait is not None]
        return max(waits, default=None)


def _wait(limit, period, now, count, oldest):
    """DRF's ``SimpleRateThrottle.wait``: the rest of the oldest call's period, spread over the calls
    that will then be free."""
    available = limit - count + 1
    if available <= 0:
        return None
    return (period - (now - oldest)) / available


_scripts = weakref.WeakKeyDictionary()


def _script(client):
    """The script registered with ``client``: its SHA is sent, its body only when Redis has not
    seen it yet."""
    script = _scripts.get(client)
    if script is None:
        script = _scripts[client] = client.register_script(WINDOWS_SCRIPT)
    return script
