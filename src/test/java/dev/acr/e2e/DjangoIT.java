package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of mdn/django-locallibrary-tutorial (docs/real-repos-2026-12-06.md): a Django project
 * with manage.py, an app whose tests Django's runner finds, no pytest; an uncommitted bug fixed by a stand-in after a
 * breaker, a stand-in that deletes the tests, and settings that import an ignored local_settings.py, which the worktree
 * lacks, stopping the run before any agent. Each test skips without Django; .ci/run installs python3-django.
 */
class DjangoIT extends StandInTrials {

  private static final String VERIFY = "python3 manage\\.py test\\s+\\(detected: manage\\.py \\(Django\\)\\)";

  /**
   * A python3 that imports Django, first on the PATH acr gets: Debian's python3-django serves only
   * /usr/bin/python3, and a pyenv python3 ahead of it on PATH (as on this project's machines) has
   * none. A user with such a python3 gets exit 2 naming the missing module, which CannotRunTest covers.
   */
  @BeforeEach
  void needsDjango(TestInfo test) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    Path debian = Path.of("/usr/bin/python3");
    if (!Toolchains.missing(List.of(Toolchains.DJANGO), env).isEmpty() && Files.isExecutable(debian)) {
      Path bin = Files.createDirectories(tmp.resolve("debian-python"));
      Files.createSymbolicLink(bin.resolve("python3"), debian);
      env.put("PATH", bin + ":" + env.get("PATH"));
      fx.extraEnv.put("PATH", env.get("PATH"));
    }
    Toolchains.require(test.getDisplayName(), env, Toolchains.DJANGO);
  }

  private void djangoProject(String settingsExtra) throws Exception {
    djangoProject("", settingsExtra);
    write("requirements.txt", "Django>=3.2\n");
    write(".gitignore", "__pycache__/\n");
  }

  /** The project in {@code dir} ("" for the top, else like {@code src/}). */
  private void djangoProject(String dir, String settingsExtra) throws Exception {
    write(dir + "manage.py", "#!/usr/bin/env python\nimport os\nimport sys\n\n"
        + "if __name__ == '__main__':\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n"
        + "    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n");
    write(dir + "mysite/__init__.py", "");
    write(dir + "mysite/urls.py", "urlpatterns = []\n");
    write(dir + "mysite/settings.py", "SECRET_KEY = 'acr-test'\nINSTALLED_APPS = ['calc']\nROOT_URLCONF = 'mysite.urls'\n"
        + "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}\n" + settingsExtra);
    write(dir + "calc/__init__.py", "");
    write(dir + "calc/ops.py", "def add(a, b):\n    return a + b\n");
    write(dir + "calc/tests.py", "from django.test import SimpleTestCase\n\nfrom calc.ops import add\n\n\n"
        + "class AddTest(SimpleTestCase):\n    def test_adds(self):\n        self.assertEqual(add(2, 3), 5)\n\n"
        + "    def test_adds_negatives(self):\n        self.assertEqual(add(-1, -3), -4)\n");
  }

  @Test
  void aDjangoProjectsTestsRunThroughManagePy() throws Exception {
    djangoProject("");
    commitThenBreak("calc/ops.py", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("python", VERIFY, "calc/ops.py", "a + b");
    verifyLogSays("baseline", "FAIL: test_adds (calc.tests.AddTest", "Ran 2 tests in");
  }

  @Test
  void aStandInThatDeletesTheTestsIsNotVerified() throws Exception {
    djangoProject("");
    commitThenBreak("calc/ops.py", "a + b", "a - b", "a * b");
    breakerRuns("rm calc/tests.py");
    breakerThenFixerVerifies("python", VERIFY, "calc/ops.py", "a + b");
    assertThat(fx.read("calc/tests.py")).contains("def test_adds");
    verifyLogSays("attempt-1", "the test command ran no tests (Ran 0 tests in");
  }

  /** The site in src/, the top holding only a README and the requirements: found from the top, its tests run in src/. */
  @Test
  void aDjangoSiteInASubfolderIsTestedFromTheTop() throws Exception {
    write("README.md", "# my site\n");
    write("requirements.txt", "Django>=3.2\n");
    write(".gitignore", "__pycache__/\n");
    djangoProject("src/", "");
    commitThenBreak("src/calc/ops.py", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("python", "cd src && python3 manage\\.py test\\s+\\(detected: src/manage\\.py \\(Django\\)\\)",
        "src/calc/ops.py", "a + b");
    verifyLogSays("baseline", "FAIL: test_adds (calc.tests.AddTest", "Ran 2 tests in");
  }

  /** local_settings.py ignored: the user's own tests pass, but the worktree has no such module, for any agent. */
  @Test
  void settingsThatImportAnIgnoredFileStopBeforeAnyAgent() throws Exception {
    djangoProject("from .local_settings import *\n");
    write("mysite/local_settings.py", "DEBUG = True\n");
    write(".gitignore", "__pycache__/\nlocal_settings.py\n");
    commitThenBreak("calc/ops.py", "a + b", "a - b", "a * b");
    stopsBeforeAnyAgent("cannot run: Django's settings cannot import 'mysite.local_settings'", "git ignores");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M calc/ops.py\n?? NOTES.md\n");
  }
}
