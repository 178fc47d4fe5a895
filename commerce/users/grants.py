"""What an app gives a role beyond model permissions, declared by the app itself.

``users`` owns the roles but imports no other app: an app whose objects a role works on (the help
centre's pages for Support …) registers a grant here from its ``AppConfig.ready()``, and
``roles.sync_roles`` applies every grant of a role to its group after each ``migrate``.
"""

from collections import defaultdict
from collections.abc import Callable

from django.contrib.auth.models import Group

#: Role name → grants; a grant takes the role's group and gives it what the app decided (idempotent).
_grants: dict[str, list[Callable[[Group], None]]] = defaultdict(list)


def register(role_name, grant):
    """Give ``role_name`` what ``grant(group)`` gives, at every roles sync (once per function)."""
    if grant not in _grants[role_name]:
        _grants[role_name].append(grant)


def grants_for(role_name):
    return list(_grants[role_name])
