package dev.acr.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a benchmark says about each model before memory says anything: per model, over all tasks
 * ({@code "*"}) and per dimension, how many single calls were seen, their mean performance and
 * the share that verified. Keyed by model name (a route's {@code model}), so priors fitted on the
 * benchmark's models inform the routes that drive those models, live or replayed.
 *
 * <p>acr ships priors fitted on the whole public CodeRouterBench ({@value #BUNDLED_RESOURCE},
 * written by {@code acr bench priors}); {@code --no-priors} starts from prices alone. They weigh
 * as {@link #CALLS} calls against memory's real ones, so a few dozen of a user's own attempts
 * outweigh them. Costs are not taken from priors: a benchmark's per-call cost says little about
 * another kind of task (the ID test's calls cost a hundredth of an agentic one's); prices do.
 */
public record Priors(String source, Map<String, Map<String, Entry>> models) {

  /** The classpath resource of the shipped priors. */
  public static final String BUNDLED_RESOURCE = "/dev/acr/policy/priors.json";
  /** How many calls of memory the prior of one route counts for. */
  static final double CALLS = 2;
  /** The context key of a model's entry over all tasks. */
  public static final String ALL = "*";

  /** Single calls seen, their mean performance and verified share. */
  public record Entry(long calls, double performance, double verified) {}

  public Priors {
    // Sorted, so a written file is the same bytes every time.
    models = java.util.Collections.unmodifiableMap(new TreeMap<>(models));
  }

  /** No priors: the policy starts from prices alone. */
  public static Priors none() {
    return new Priors("none", Map.of());
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isEmpty() {
    return models.isEmpty();
  }

  /** The model's entry for the dimension, else over all tasks; null when the model is unknown. */
  Entry of(String model, String dimension) {
    Map<String, Entry> byDim = model == null ? null : models.get(model);
    if (byDim == null) {
      return null;
    }
    Entry e = dimension == null ? null : byDim.get(dimension);
    return e != null ? e : byDim.get(ALL);
  }

  /** The shipped priors; a build without them is broken, so that is an exception, not none. */
  public static Priors bundled() {
    try (InputStream in = Priors.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled priors missing from the classpath: " + BUNDLED_RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled priors " + BUNDLED_RESOURCE, e);
    }
  }

  /** Reads a priors file (the format {@link #write} writes). */
  public static Priors read(Path file) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return parse(in);
    }
  }

  /**
   * Parses priors with Jackson's streaming parser: every dry run reads the shipped priors, and a
   * cold ObjectMapper would cost ~100 ms of its start-up.
   */
  static Priors parse(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
      String source = "priors";
      Map<String, Map<String, Entry>> models = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("source") && value == JsonToken.VALUE_STRING) {
          source = p.getText();
        } else if (field.equals("models")) {
          expect(p, value, JsonToken.START_OBJECT, "\"models\": an object of models");
          models = new TreeMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String model = p.currentName();
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "model '" + model + "': an object of contexts");
            Map<String, Entry> byDim = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String dim = p.currentName();
              expect(p, p.nextToken(), JsonToken.START_OBJECT, "'" + model + "' / '" + dim + "': an object");
              byDim.put(dim, entry(p));
            }
            models.put(model, byDim);
          }
        } else {
          p.skipChildren();
        }
      }
      if (models == null) {
        throw new IOException("no \"models\" object (write one with `acr bench import --priors`)");
      }
      return new Priors(source, models);
    }
  }

  private static Entry entry(JsonParser p) throws IOException {
    long calls = 0;
    double performance = Double.NaN;
    double verified = Double.NaN;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (!v.isNumeric()) {
        p.skipChildren();
        continue;
      }
      switch (f) {
        case "calls" -> calls = p.getLongValue();
        case "performance" -> performance = p.getDoubleValue();
        case "verified" -> verified = p.getDoubleValue();
        default -> { }
      }
    }
    if (!(performance >= 0 && performance <= 1 && verified >= 0 && verified <= 1)) {
      throw new IOException("line " + p.currentLocation().getLineNr()
          + ": an entry needs \"performance\" and \"verified\" between 0 and 1");
    }
    return new Entry(calls, performance, verified);
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken want, String what) throws IOException {
    if (got != want) {
      throw new IOException("line " + p.currentLocation().getLineNr() + ": expected " + what);
    }
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  public void write(ObjectMapper json, Path file) throws IOException {
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  /** Collects single-call outcomes into priors. */
  public static final class Builder {
    private final Map<String, Map<String, double[]>> sums = new TreeMap<>();

    /** One single call of {@code model} on a task of {@code dimension} (nullable). */
    public Builder add(String model, String dimension, double performance, boolean verified) {
      Map<String, double[]> byDim = sums.computeIfAbsent(model, k -> new TreeMap<>());
      add(byDim.computeIfAbsent(ALL, k -> new double[3]), performance, verified);
      if (dimension != null) {
        add(byDim.computeIfAbsent(dimension, k -> new double[3]), performance, verified);
      }
      return this;
    }

    private static void add(double[] s, double performance, boolean verified) {
      s[0]++;
      s[1] += performance;
      s[2] += verified ? 1 : 0;
    }

    public Priors build(String source) {
      Map<String, Map<String, Entry>> models = new TreeMap<>();
      sums.forEach((model, byDim) -> {
        Map<String, Entry> entries = new TreeMap<>();
        byDim.forEach((dim, s) -> entries.put(dim, new Entry((long) s[0], round(s[1] / s[0]), round(s[2] / s[0]))));
        models.put(model, entries);
      });
      return new Priors(source, models);
    }

    /** Four decimals: the file stays small and diffs stay readable. */
    private static double round(double x) {
      return Math.round(x * 10_000) / 10_000.0;
    }
  }
}
