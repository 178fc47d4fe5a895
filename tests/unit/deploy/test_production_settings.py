"""Production settings against deploy/.env.example: deploy checks pass, every variable is documented,
required secrets fail loudly. Each check runs in a subprocess with a clean environment, so the settings
module pytest configured for this process plays no part (no database needed)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = DEPLOY / ".env.example"
SETTINGS_DIR = ROOT / "site" / "config" / "settings"

#: ``env("NAME"``, ``env.bool("NAME"``, ``env.db("NAME"`` … as written in the settings modules.
ENV_READ = re.compile(r"""\benv(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]*)["']""")
#: ``NAME=`` at the start of a line, commented out (optional setting) or not.
ENV_DOCUMENTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)

#: Variables production.py requires without a default.
REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "SITE_DOMAIN")


def example_env():
    """deploy/.env.example as a dict, parsed like deploy/check-deploy.sh does."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        values[key] = value
    return values


def clean_env(**extra):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(ROOT)),
        "LANG": "C.UTF-8",
        **extra,
    }


def run(args, env, timeout=300):
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_deploy_checks_pass_with_the_example_environment():
    # Given the example environment (check-deploy.sh adds a random secret key)
    env = clean_env(PYTHON=sys.executable)

    # When Django's deployment checks run against the production settings
    result = run(["sh", str(DEPLOY / "check-deploy.sh")], env)

    # Then nothing is reported, not even a warning
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output, output


def test_every_variable_the_settings_read_is_in_the_example_environment():
    # Given every name the settings modules read from the environment
    read = {name for path in SETTINGS_DIR.glob("*.py") for name in ENV_READ.findall(path.read_text())}
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "SEARCH_URL"} <= read, "the pattern no longer matches"

    # When the example environment is read
    documented = set(ENV_DOCUMENTED.findall(ENV_EXAMPLE.read_text()))

    # Then each of them is documented there
    assert sorted(read - documented) == []


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_settings_refuse_to_load_without_a_required_variable(missing):
    # Given the example environment without one required variable
    env = clean_env(**example_env(), PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]))
    env.pop(missing)

    # When the production settings are imported
    result = run([sys.executable, "-c", "import config.settings.production"], env, timeout=120)

    # Then the import fails loudly, naming the variable
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr, result.stderr
    assert missing in result.stderr, result.stderr


def test_production_requires_a_second_factor_unless_told_otherwise():
    # Given the example environment without USERS_REQUIRE_MFA
    env = clean_env(**example_env(), PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]))
    env.pop("USERS_REQUIRE_MFA")

    # When the production settings are read
    code = "import config.settings.production as s; print(s.USERS_REQUIRE_MFA, s.SITE_DOMAIN)"
    result = run([sys.executable, "-c", code], env, timeout=120)

    # Then staff, sellers and experts must enrol (commerce/users/roles.py), and emails name the site
    assert result.stdout.split() == ["True", "souk.example"], result.stderr


def test_compose_file_runs_every_role_from_one_environment():
    # Given the compose file
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]

    # Then it runs every role, the app containers read deploy/.env, and web waits for migrations
    roles = {"web", "worker", "beat", "migrate", "postgres", "redis", "elasticsearch", "nginx"}
    assert roles <= set(services)
    for role in ("web", "worker", "beat", "migrate"):
        assert services[role]["env_file"] == ".env"
        assert services[role]["environment"]["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "replicas" not in services["beat"].get("deploy", {}), "beat must run as exactly one instance"
