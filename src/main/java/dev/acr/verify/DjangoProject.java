package dev.acr.verify;

import dev.acr.config.CommandTemplate;
import dev.acr.exec.Colour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Django project: a {@code manage.py} that runs Django's management commands. Its tests run with
 * {@code python3 manage.py test}, which loads the project's settings and sets up a test database
 * first; {@code python3 -m unittest} instead imports the test modules without settings, and every
 * one fails on ImproperlyConfigured (mdn/django-locallibrary-tutorial, docs/real-repos-2026-12-06.md).
 * A project that configured pytest (pytest-django's pytest.ini, a conftest.py) keeps pytest.
 */
final class DjangoProject {

  /** The line every generated manage.py has, or the import it makes. */
  private static final Pattern DJANGO = Pattern.compile("DJANGO_SETTINGS_MODULE|from django\\.core\\.management import");

  /** manage.py's {@code os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'locallibrary.settings')}. */
  private static final Pattern SETTINGS = Pattern.compile("DJANGO_SETTINGS_MODULE['\"]\\s*,\\s*['\"]([\\w.]+)['\"]");

  /**
   * Django's ManifestStaticFilesStorage, or WhiteNoise's CompressedManifestStaticFilesStorage built on it:
   * a page that names a static file fails to render until {@code collectstatic} has written the manifest.
   */
  private static final String MANIFEST = "ManifestStaticFilesStorage";

  /** Django's runner counted tests: it started, and whatever failed after that is the tests'. */
  private static final Pattern RAN = Pattern.compile("^Ran \\d+ tests? in ");

  /** Settings that Django refused at start-up: a database driver, an empty SECRET_KEY, an app it cannot load. */
  private static final Pattern IMPROPERLY = Pattern.compile("^django\\.core\\.exceptions\\.ImproperlyConfigured: (.+)$");

  /** A database server the settings name that does not answer (PostgreSQL's, MySQL's wording): the test database cannot be made. */
  private static final Pattern DB_DOWN = Pattern.compile("^django\\.db\\.utils\\.OperationalError: (.*(?i:connect).*)$");

  /** The frame of Django's Settings that imports DJANGO_SETTINGS_MODULE (3.x to 5.x). */
  private static final String SETTINGS_IMPORT = "importlib.import_module(self.SETTINGS_MODULE)";

  /** The frames of Django loading INSTALLED_APPS and their models (django.setup()). */
  private static final String APPS_LOADING = "django/apps/";

  private static final Pattern NO_MODULE = Pattern.compile("^(?:ModuleNotFoundError|ImportError): No module named '([\\w.]+)'");

  /** Folder names (lower-cased) passed over when looking for a site below the top. */
  private static final Set<String> NOT_SITES = Set.of("node_modules", "venv", "env", "virtualenv", "site-packages",
      "__pycache__", "build", "dist", "example", "examples", "demo", "demos", "sample", "samples", "tests", "test", "docs");

  /** A site's manage.py is looked for in folders one or two levels below the top. */
  private static final int SITE_DEPTH = 3;

  private DjangoProject() {}

  /**
   * Why Django could not start its test runner, from the output of a run that counted no test; empty
   * otherwise. A settings module that does not exist (DJANGO_SETTINGS_MODULE set for production), one
   * that imports what is not installed, a database driver missing: every attempt would fail the same
   * way, so it is acr's setup to fix, not an agent's failure (mdn/django-locallibrary-tutorial with a
   * DATABASE_URL for PostgreSQL and no psycopg2, fgbulsoni/django-polls-app with no PostgreSQL running:
   * both stand-ins were recorded failed).
   */
  static Optional<CannotRun.Why> cannotStart(List<String> output, Path packageDir) {
    if (output.stream().anyMatch(l -> RAN.matcher(Colour.strip(l).strip()).find())) {
      return Optional.empty();
    }
    Path site = null; // found when needed: a walk of the folders below, for an output that names a module
    boolean settingsImport = false;
    boolean startup = false;
    for (String raw : output) {
      String line = Colour.strip(raw).strip();
      settingsImport |= line.contains(SETTINGS_IMPORT);
      startup |= line.contains(SETTINGS_IMPORT) || line.contains(APPS_LOADING);
      Matcher m = NO_MODULE.matcher(line);
      boolean djangoMissing = m.find() && (m.group(1).equals("django") || m.group(1).startsWith("django."));
      site = djangoMissing && site == null ? site(packageDir) : site;
      if (djangoMissing && Files.isRegularFile(site.resolve("manage.py"))) {
        // manage.py's own import: the python3 on PATH (a pyenv one, a venv not activated) has no Django.
        return Optional.of(new CannotRun.Why("Django is not installed for the python3 the test command runs (No module named '"
            + m.group(1) + "')", "activate the project's virtual environment before running acr, or install Django for that"
            + " python3 (python3 -m pip install django; Debian's python3-django serves /usr/bin/python3)"));
      }
      m = IMPROPERLY.matcher(line);
      if (m.matches()) {
        return Optional.of(new CannotRun.Why("Django cannot start: " + m.group(1),
            "install or set what the settings need (a database driver, an environment variable they read), "
                + "or name another test command"));
      }
      if ((m = DB_DOWN.matcher(line)).matches()) {
        return Optional.of(new CannotRun.Why("Django cannot create the test database: " + m.group(1),
            "start the database server that DATABASES in the settings names, or name another test command"));
      }
      if (startup && (m = NO_MODULE.matcher(line)).find()) {
        String module = m.group(1);
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        site = site == null ? site(packageDir) : site;
        boolean own = Files.isDirectory(site.resolve(top)) || Files.isRegularFile(site.resolve(top + ".py"));
        if (own && !settingsImport) {
          return Optional.empty(); // an app of the project's that does not import: its bug, for an agent
        }
        return Optional.of(own
            ? new CannotRun.Why("Django's settings cannot import '" + module + "': the project has no such module here",
                "set DJANGO_SETTINGS_MODULE to settings the project has (or unset it for manage.py's default); a settings"
                    + " file git ignores (local_settings.py) is not in the worktree the tests run in: commit it, or name another test command")
            : new CannotRun.Why("No module named '" + module + "', which Django's settings or INSTALLED_APPS import, is not installed",
                "install the project's dependencies (e.g. python3 -m pip install -r requirements.txt; on Debian, apt-cache search "
                    + top.replace('_', '-') + " finds a python3- package that may have it)"));
      }
    }
    return Optional.empty();
  }

  /**
   * The folders below {@code root} with a Django manage.py, root-relative, sorted; none when {@code root} has a
   * manage.py itself. One or two levels down ({@code src/manage.py}, {@code project/backend/manage.py}: a site
   * whose repository's top holds only a README and a requirements file), not in dependencies, virtual
   * environments or hidden folders, nor in a reusable app's example or test project ({@code example/manage.py}
   * beside the app, whose own tests are elsewhere).
   */
  static List<Path> sitesBelow(Path root) {
    if (Files.isRegularFile(root.resolve("manage.py"))) {
      return List.of();
    }
    return Subfolders.holding(root, "manage.py", SITE_DEPTH, n -> n.startsWith(".") || NOT_SITES.contains(n.toLowerCase(Locale.ROOT)))
        .stream().filter(d -> isDjango(root.resolve(d))).toList();
  }

  /**
   * The folder where Django's manage.py is for a test command run in {@code packageDir}: itself, or the
   * one site below it (the command then starts with {@code cd} into it).
   */
  static Path site(Path packageDir) {
    List<Path> below = sitesBelow(packageDir);
    return below.size() == 1 ? packageDir.resolve(below.get(0)) : packageDir;
  }

  private static boolean isDjango(Path dir) {
    Path manage = dir.resolve("manage.py");
    return Files.isRegularFile(manage) && DJANGO.matcher(VerifyDetector.readOrEmpty(manage)).find();
  }

  /**
   * A Django site in a folder below {@code root} ({@code src/manage.py}, the top holding only a README and a
   * requirements file): the command {@code inFolder} gives for that folder (manage.py test, or the pytest or make
   * the site configured), run in it. From the top, unittest had found no test there, or failed on settings not
   * configured. With several sites, the one acr was started in; else the run stops, saying which there are.
   */
  static Optional<VerifyCommand> below(Path root, Path start, Function<Path, Optional<VerifyCommand>> inFolder) {
    List<Path> sites = sitesBelow(root);
    Path from = start.toAbsolutePath().normalize();
    List<Path> chosen = sites.size() < 2 ? sites : sites.stream().filter(s -> from.startsWith(root.resolve(s))).toList();
    if (chosen.size() != 1 && sites.size() > 1) {
      throw new IllegalArgumentException(sites.size() + " Django projects below " + root + " (" + sites.stream()
          .map(s -> s + "/manage.py").collect(Collectors.joining(", ")) + "): run acr in the folder of the one"
          + " you are changing (cd " + sites.get(0) + "), or name the test command (--verify CMD)");
    }
    if (chosen.size() != 1) {
      return Optional.empty();
    }
    Path site = chosen.get(0);
    return inFolder.apply(root.resolve(site)).map(own -> new VerifyCommand(
        "cd " + CommandTemplate.shellQuote(List.of(site.toString())) + " && " + own.command(),
        own.source().replaceFirst("^detected: ", "detected: " + site + "/")));
  }

  /** {@code python3 manage.py test} when {@code root} holds a Django manage.py; else empty. */
  static Optional<VerifyCommand> detect(Path root) {
    Path manage = root.resolve("manage.py");
    String text = Files.isRegularFile(manage) ? VerifyDetector.readOrEmpty(manage) : "";
    if (!DJANGO.matcher(text).find()) {
      return Optional.empty();
    }
    String manifest = manifestSettings(root, text);
    if (manifest == null) {
      return Optional.of(new VerifyCommand("python3 manage.py test", "detected: manage.py (Django)"));
    }
    // The manifest is collectstatic's output, which git ignores: the worktree an attempt runs in has none,
    // and every test that renders a page failed on "Missing staticfiles manifest entry" (21 of the tutorial's 40).
    return Optional.of(new VerifyCommand("python3 manage.py collectstatic --noinput -v 0 && python3 manage.py test",
        "detected: manage.py (Django; " + manifest + " stores static files with a manifest)"));
  }

  /** The settings file (relative to {@code root}) that names a manifest storage, or null. */
  private static String manifestSettings(Path root, String manage) {
    Matcher m = SETTINGS.matcher(manage);
    if (!m.find()) {
      return null;
    }
    Path module = root.resolve(m.group(1).replace('.', '/'));
    Path file = module.resolveSibling(module.getFileName() + ".py");
    if (Files.isRegularFile(file)) {
      return VerifyDetector.readOrEmpty(file).contains(MANIFEST) ? root.relativize(file).toString() : null;
    }
    // A settings package (settings/base.py, production.py): any of its modules.
    try (Stream<Path> files = Files.list(module)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".py"))
          .sorted()
          .filter(p -> VerifyDetector.readOrEmpty(p).contains(MANIFEST))
          .map(p -> root.relativize(p).toString())
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
