package dev.acr.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/**
 * The subcommands' one ObjectMapper (default configuration, thread-safe once built), and how
 * {@code --json} prints. It lives in a class of its own so it is built on first use: picocli
 * instantiates every subcommand whatever runs, and a cold ObjectMapper costs ~100 ms of start-up
 * (~300 ms of CPU), which every command that prints no JSON would otherwise pay.
 */
final class CliJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private CliJson() {}

  /**
   * Whether {@code --json} is indented: only for a person reading it at a terminal. Piped or
   * redirected it is one line, so {@code | jq}, {@code grep} and JSON Lines files ({@code >> runs.jsonl})
   * take each document as one line, whichever command printed it.
   */
  static boolean indented(Env env) {
    return env.tty().stdoutWidth() > 0;
  }

  /** One JSON document on its own line, or indented over several (see {@link #indented}). */
  static void print(PrintWriter out, JsonNode doc, boolean indented) {
    try {
      out.println(indented ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) : JSON.writeValueAsString(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
