import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, TestCase, override_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent


class HomePageTests(TestCase):
    def test_home_namesTheAppAndVersion(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, settings.APP_NAME)
        self.assertContains(response, f'<code id="version">{settings.APP_VERSION}</code>', html=True)

    @override_settings(APP_VERSION="1234")
    def test_home_showsTheBuildNumberBakedIntoTheImage(self):
        self.assertContains(self.client.get("/"), '<code id="version">1234</code>', html=True)

    def test_home_refusesPost(self):
        self.assertEqual(self.client.post("/").status_code, 405)

    def test_unknownHost_isRefusedWith400(self):
        self.assertEqual(self.client.get("/", HTTP_HOST="evil.example").status_code, 400)

    def test_defaultHosts_areAccepted(self):
        for host in ("localhost", "127.0.0.1", "[::1]", "localhost:8000"):
            with self.subTest(host=host):
                self.assertEqual(self.client.get("/", HTTP_HOST=host).status_code, 200)


class HealthTests(TestCase):
    def test_healthz_answersOkAsJson_withoutTouchingTheDatabase(self):
        with self.assertNumQueries(0):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(json.loads(response.content), {"status": "ok"})
        self.assertIn("no-cache", response["Cache-Control"])


def load_settings(env, expression):
    """Imports the settings in a fresh interpreter with exactly `env` on top of a clean base, returns (value, stderr)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "APP_"))}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "nsg_site.settings"
    code = f"import json, django; django.setup(); from django.conf import settings; print(json.dumps({expression}))"
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, env=clean,
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout), done.stderr


class SettingsFromEnvironmentTests(SimpleTestCase):
    def test_debug_isOffByDefault(self):
        self.assertIs(load_settings({}, "settings.DEBUG")[0], False)

    def test_debug_isOnOnlyWhenAskedFor(self):
        self.assertIs(load_settings({"DJANGO_DEBUG": "true"}, "settings.DEBUG")[0], True)
        self.assertIs(load_settings({"DJANGO_DEBUG": "0"}, "settings.DEBUG")[0], False)

    def test_secretKey_unset_isRandomPerProcess_andWarns(self):
        first, warning = load_settings({}, "settings.SECRET_KEY")
        second, _ = load_settings({}, "settings.SECRET_KEY")
        self.assertNotEqual(first, second)
        self.assertGreaterEqual(len(first), 50)
        self.assertIn("DJANGO_SECRET_KEY is not set", warning)

    def test_secretKey_fromEnvironment_isUsedSilently(self):
        key, stderr = load_settings({"DJANGO_SECRET_KEY": "k" * 60}, "settings.SECRET_KEY")
        self.assertEqual(key, "k" * 60)
        self.assertNotIn("DJANGO_SECRET_KEY", stderr)

    def test_allowedHosts_defaultToLoopbackNames(self):
        self.assertEqual(load_settings({}, "settings.ALLOWED_HOSTS")[0], ["localhost", "127.0.0.1", "[::1]"])

    def test_allowedHosts_fromCommaSeparatedList(self):
        hosts, _ = load_settings({"DJANGO_ALLOWED_HOSTS": "app.example, .example.org"}, "settings.ALLOWED_HOSTS")
        self.assertEqual(hosts, ["app.example", ".example.org"])

    def test_database_isSqliteInTheDataDirectory(self):
        name, _ = load_settings({"DJANGO_DATA_DIR": "/srv/data"}, "str(settings.DATABASES['default']['NAME'])")
        self.assertEqual(name, "/srv/data/db.sqlite3")

    def test_appVersion_defaultsToDev(self):
        self.assertEqual(load_settings({}, "settings.APP_VERSION")[0], "dev")
        self.assertEqual(load_settings({"APP_VERSION": "42"}, "settings.APP_VERSION")[0], "42")


class DeployCheckTests(SimpleTestCase):
    def run_deploy_check(self, env):
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "APP_"))}
        clean.update(env)
        return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                              cwd=PROJECT_DIR, env=clean, capture_output=True, text=True, timeout=120)

    def test_checkDeploy_behindTlsProxy_isClean(self):
        done = self.run_deploy_check({"DJANGO_SECRET_KEY": "s" * 20 + "-Zq8#" * 10, "DJANGO_BEHIND_TLS_PROXY": "1"})
        self.assertEqual(done.returncode, 0, done.stderr)

    def test_checkDeploy_plainHttp_warnsOnlyAboutWhatTlsSettles(self):
        done = self.run_deploy_check({"DJANGO_SECRET_KEY": "s" * 20 + "-Zq8#" * 10})
        warned = sorted(set(word.strip(":()") for word in done.stderr.split() if word.startswith("(security.W")))
        self.assertEqual(warned, ["security.W004", "security.W008", "security.W012", "security.W016"], done.stderr)
