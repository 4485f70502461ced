package dev.acr.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** first-sight.sh's reader of an old classifier's scores (compiled against that classifier). */
public class OldDump {
  public static void main(String[] a) throws Exception {
    ObjectMapper m = new ObjectMapper();
    int ok = 0;
    int n = 0;
    try (var out = Files.newBufferedWriter(Path.of(a[0]))) {
      for (String line : Files.readAllLines(Path.of(a[1]))) {
        JsonNode r = m.readTree(line);
        var c = new Classifier().classify(r.get("prompt").asText());
        ObjectNode o = m.createObjectNode();
        o.put("id", r.get("id").asText());
        o.put("pred", c.dimension().id());
        ArrayNode rules = o.putArray("rules");
        for (double d : Classifier.LAST.get()) {
          rules.add(d);
        }
        out.write(m.writeValueAsString(o) + "\n");
        n++;
        ok += c.dimension().id().equals(r.get("dimension").asText()) ? 1 : 0;
      }
    }
    System.out.printf("%s at first sight: %d/%d = %.1f%%%n", a[1].replaceAll(".*/tune-", ""), ok, n, 100.0 * ok / n);
  }
}
