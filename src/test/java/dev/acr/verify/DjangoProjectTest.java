package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Django project's tests run through manage.py, and its runner's output is read like unittest's. */
class DjangoProjectTest {

  @TempDir Path root;

  /** The manage.py django-admin startproject writes (mdn/django-locallibrary-tutorial keeps it as is). */
  private static final String MANAGE = """
      #!/usr/bin/env python
      import os
      import sys

      def main():
          os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'locallibrary.settings')
          try:
              from django.core.management import execute_from_command_line
          except ImportError as exc:
              raise ImportError("Couldn't import Django.") from exc
          execute_from_command_line(sys.argv)
      """;

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private String detected() {
    return VerifyDetector.detect(root, null).map(c -> c.command() + " | " + c.source()).orElse("none");
  }

  @Test
  void managePyGivesDjangosRunnerNotUnittest() throws IOException {
    write("requirements.txt", "Django==3.1.2\n");
    write("manage.py", MANAGE);
    write("catalog/tests/test_models.py", "from django.test import TestCase\n");
    assertThat(detected()).isEqualTo("python3 manage.py test | detected: manage.py (Django)");
  }

  @Test
  void managePyWinsOverATestsFolderAndAnAssetsPackageJson() throws IOException {
    write("manage.py", MANAGE);
    write("tests/test_views.py", "from django.test import TestCase\n");
    write("package.json", "{\"scripts\": {\"test\": \"jest\"}}");
    assertThat(detected()).isEqualTo("python3 manage.py test | detected: manage.py (Django)");
  }

  @Test
  void aProjectThatConfiguredPytestKeepsIt() throws IOException {
    write("manage.py", MANAGE);
    write("pytest.ini", "[pytest]\nDJANGO_SETTINGS_MODULE = mysite.settings\n");
    assertThat(detected()).isEqualTo("python3 -m pytest -q | detected: pytest.ini");
  }

  @Test
  void aMakefileTestTargetIsTheProjectsOwnWay() throws IOException {
    write("manage.py", MANAGE);
    write("tests/test_views.py", "from django.test import TestCase\n");
    write("Makefile", "test:\n\tpython manage.py test polls -v 2\n");
    assertThat(detected()).isEqualTo("make test | detected: Makefile");
  }

  @Test
  void aManagePyThatIsNotDjangosIsLeftToTheOtherRules() throws IOException {
    write("manage.py", "import click\n");
    write("test_cli.py", "import unittest\n");
    assertThat(detected()).isEqualTo("python3 -m unittest | detected: test_*.py");
  }

  @Test
  void aManifestStorageCollectsStaticFilesFirst() throws IOException {
    write("manage.py", MANAGE);
    write("locallibrary/settings.py", "STATICFILES_STORAGE = 'whitenoise.storage.CompressedManifestStaticFilesStorage'\n");
    assertThat(detected()).isEqualTo("python3 manage.py collectstatic --noinput -v 0 && python3 manage.py test"
        + " | detected: manage.py (Django; locallibrary/settings.py stores static files with a manifest)");
  }

  @Test
  void aSettingsPackageIsReadToo() throws IOException {
    write("manage.py", MANAGE.replace("locallibrary.settings", "mysite.settings.dev"));
    write("mysite/settings/dev/__init__.py", "from .base import *\n");
    write("mysite/settings/dev/base.py", "STORAGES = {'staticfiles': {'BACKEND': "
        + "'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'}}\n");
    assertThat(detected()).startsWith("python3 manage.py collectstatic --noinput -v 0 && python3 manage.py test")
        .endsWith("(Django; mysite/settings/dev/base.py stores static files with a manifest)");
    write("mysite/settings/dev/base.py", "STATIC_URL = '/static/'\n");
    assertThat(detected()).isEqualTo("python3 manage.py test | detected: manage.py (Django)");
  }

  @Test
  void failingTestsAreNamedAsDjangosRunnerPrintsThem() {
    FailingTests f = new FailingTests();
    for (String line : new String[] {
        "Creating test database for alias 'default'...",
        "FAIL: test_first_name_label (catalog.tests.test_models.AuthorModelTest.test_first_name_label)",
        "ERROR: setUpClass (catalog.tests.test_views.AuthorListViewTest)",
        "FAIL: test_parts (catalog.tests.test_forms.RenewTest.test_parts) (i=2)",
        "Ran 40 tests in 8.159s", "FAILED (failures=2, errors=1)"}) {
      f.accept(line);
    }
    assertThat(f.names()).containsExactly(
        "test_first_name_label (catalog.tests.test_models.AuthorModelTest.test_first_name_label)",
        "setUpClass (catalog.tests.test_views.AuthorListViewTest)",
        "test_parts (catalog.tests.test_forms.RenewTest.test_parts) (i=2)");
  }

  private Optional<CannotRun.Why> cannotRun(String... lines) throws IOException {
    Files.createDirectories(root.resolve("locallibrary"));
    write("requirements.txt", "Django==3.1.2\npsycopg2-binary==2.8.6\n");
    return CannotRun.check(1, List.of(lines), root, root, "fix the failing test");
  }

  private static final String SETTINGS_FRAME = "    mod = importlib.import_module(self.SETTINGS_MODULE)";

  @Test
  void djangoThatCannotStartIsSetupNotAFailingTest() throws IOException {
    // DATABASE_URL for PostgreSQL without psycopg2 (mdn/django-locallibrary-tutorial):
    assertThat(cannotRun("Traceback (most recent call last):",
        "django.core.exceptions.ImproperlyConfigured: Error loading psycopg2 module: No module named 'psycopg2'"))
        .get().extracting(CannotRun.Why::problem)
        .isEqualTo("Django cannot start: Error loading psycopg2 module: No module named 'psycopg2'");
    // DJANGO_SETTINGS_MODULE set to a module the project does not have:
    assertThat(cannotRun("  File \"/usr/lib/python3/dist-packages/django/conf/__init__.py\", line 177, in __init__",
        SETTINGS_FRAME, "ModuleNotFoundError: No module named 'locallibrary.production'"))
        .get().extracting(CannotRun.Why::todo).asString().startsWith("set DJANGO_SETTINGS_MODULE");
    // The settings import a library that is not installed:
    assertThat(cannotRun(SETTINGS_FRAME, "  File \"/x/locallibrary/settings.py\", line 14, in <module>",
        "ModuleNotFoundError: No module named 'dj_database_url'"))
        .get().extracting(CannotRun.Why::todo).asString().contains("apt-cache search dj-database-url");
  }

  /** Asked to fix the settings, an agent may mend what stops Django; Django missing is never the agent's to install. */
  @Test
  void aPromptAboutTheSettingsLeavesTheirFailureToTheAgents() throws IOException {
    write("requirements.txt", "Django==3.1.2\npsycopg2-binary==2.8.6\n");
    List<String> improperly = List.of("Traceback (most recent call last):",
        "django.core.exceptions.ImproperlyConfigured: Error loading psycopg2 module: No module named 'psycopg2'");
    assertThat(CannotRun.check(1, improperly, root, root, "fix the failing test")).isPresent();
    assertThat(CannotRun.check(1, improperly, root, root, "fix the Django settings so the tests can run")).isEmpty();
    write("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
    assertThat(CannotRun.check(1, List.of("ModuleNotFoundError: No module named 'django'"), root, root,
        "fix the settings")).isPresent();
  }

  /** A python3 without Django first on PATH (pyenv's; a venv not activated), a project with no requirements file. */
  @Test
  void noDjangoForThePython3OnPathIsSetup() throws IOException {
    write("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
    List<String> output = List.of("Traceback (most recent call last):", "  File \"/x/manage.py\", line 4, in <module>",
        "    from django.core.management import execute_from_command_line", "ModuleNotFoundError: No module named 'django'");
    assertThat(CannotRun.check(1, output, root, root, "fix the failing test")).get().extracting(CannotRun.Why::problem)
        .isEqualTo("Django is not installed for the python3 the test command runs (No module named 'django')");
    Files.delete(root.resolve("manage.py"));
    assertThat(DjangoProject.cannotStart(output, root)).as("not a Django project here").isEmpty();
  }

  @Test
  void anInstalledAppThatIsNotInstalledIsSetupButTheProjectsOwnAppIsNot() throws IOException {
    // 'debug_toolbar' in INSTALLED_APPS, django-debug-toolbar in requirements.txt but not installed:
    String registry = "  File \"/usr/lib/python3/dist-packages/django/apps/registry.py\", line 91, in populate";
    assertThat(cannotRun(registry, "  File \"/usr/lib/python3/dist-packages/django/apps/config.py\", line 224, in create",
        "ModuleNotFoundError: No module named 'debug_toolbar'"))
        .get().extracting(CannotRun.Why::problem).asString().contains("'debug_toolbar', which Django's settings or INSTALLED_APPS");
    Files.createDirectories(root.resolve("catalog"));
    assertThat(cannotRun(registry, "ModuleNotFoundError: No module named 'catalog.apps'")).isEmpty();
  }

  @Test
  void aDatabaseServerThatIsNotRunningIsSetup() throws IOException {
    // fgbulsoni/django-polls-app: PostgreSQL on localhost, nothing listening.
    assertThat(cannotRun("Creating test database for alias 'default'...", "Traceback (most recent call last):",
        "django.db.utils.OperationalError: connection to server at \"localhost\" (127.0.0.1), port 5432 failed: Connection refused",
        "\tIs the server running on that host and accepting TCP/IP connections?"))
        .get().extracting(CannotRun.Why::problem).asString().startsWith("Django cannot create the test database: connection");
    // A migration's own error is the project's: SQLite's "no such table" is not a server that is down.
    assertThat(cannotRun("django.db.utils.OperationalError: no such table: polls_question")).isEmpty();
  }

  @Test
  void anErrorInATestThatRanIsTheTests() throws IOException {
    assertThat(cannotRun("ERROR: test_list (catalog.tests.test_views.AuthorListViewTest.test_list)",
        "django.core.exceptions.ImproperlyConfigured: The included URLconf 'locallibrary.urls' does not appear to have any patterns",
        "Ran 40 tests in 8.159s", "FAILED (errors=1)")).isEmpty();
    // An app's own module that does not import is the project's bug, for an agent to fix: not this rule's.
    assertThat(cannotRun("ModuleNotFoundError: No module named 'catalog.forms'")).isEmpty();
  }

  /** A site in src/ (the top holding README.md and requirements.txt): its command, run there. */
  @Test
  void aSiteInASubfolderIsFoundFromTheTop() throws IOException {
    write("README.md", "# a site\n");
    write("requirements.txt", "Django==3.2\n");
    write("src/manage.py", MANAGE);
    write("src/locallibrary/settings.py", "STATICFILES_STORAGE = 'whitenoise.storage.CompressedManifestStaticFilesStorage'\n");
    write("src/catalog/tests/test_models.py", "from django.test import TestCase\n");
    assertThat(detected()).isEqualTo("cd src && python3 manage.py collectstatic --noinput -v 0 && python3 manage.py test"
        + " | detected: src/manage.py (Django; locallibrary/settings.py stores static files with a manifest)");
    write("src/pytest.ini", "[pytest]\nDJANGO_SETTINGS_MODULE = locallibrary.settings\n");
    assertThat(detected()).as("the site's own pytest").isEqualTo("cd src && python3 -m pytest -q | detected: src/pytest.ini");
  }

  /** Where manage.py is not looked for: too deep, in a virtualenv or node_modules, in a reusable app's example project. */
  @Test
  void aManagePyInAnExampleADependencyOrTooDeepIsNoSite() throws IOException {
    write("requirements.txt", "Django==3.2\n");
    write("a/b/c/manage.py", MANAGE);
    write("venv/manage.py", MANAGE);
    write("node_modules/x/manage.py", MANAGE);
    write("example/manage.py", MANAGE);
    write(".hidden/manage.py", MANAGE);
    write("tools/manage.py", "print('not Django')\n");
    assertThat(detected()).isEqualTo("python3 -m unittest | detected: requirements.txt");
    write("project/backend/manage.py", MANAGE);
    assertThat(detected()).isEqualTo("cd project/backend && python3 manage.py test | detected: project/backend/manage.py (Django)");
  }

  /** Two sites: the one acr started in, else the run stops naming both. */
  @Test
  void twoSitesNeedTheUserToChoose() throws IOException {
    write("requirements.txt", "Django==3.2\n");
    write("site_a/manage.py", MANAGE);
    write("site_b/manage.py", MANAGE);
    assertThat(VerifyDetector.detect(root, root.resolve("site_b/blog"), null).command().command())
        .isEqualTo("cd site_b && python3 manage.py test");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VerifyDetector.detect(root, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 Django projects below").hasMessageContaining("(site_a/manage.py, site_b/manage.py)")
        .hasMessageContaining("run acr in the folder of the one you are changing");
    assertThat(VerifyDetector.detect(root, "make check")).as("--verify decides").isPresent();
  }

  /** Django missing for the python3 on PATH, the site in src/: still setup, read from src/manage.py. */
  @Test
  void noDjangoForASiteInASubfolderIsSetup() throws IOException {
    write("src/manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n");
    List<String> output = List.of("  File \"/x/src/manage.py\", line 4, in <module>", "ModuleNotFoundError: No module named 'django'");
    assertThat(DjangoProject.cannotStart(output, root)).get().extracting(CannotRun.Why::problem).asString()
        .startsWith("Django is not installed for the python3");
  }
}
