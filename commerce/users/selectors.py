"""Reads about users and their roles."""


def role_names(user):
    """Names of the role groups a user belongs to, sorted."""
    return sorted(user.groups.values_list("name", flat=True))


def has_role(user, role_name):
    return user.is_authenticated and user.groups.filter(name=role_name).exists()
