package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The subcommands' one ObjectMapper (default configuration, thread-safe once built). It lives in
 * a class of its own so it is built on first use: picocli instantiates every subcommand whatever
 * runs, and a cold ObjectMapper costs ~100 ms of start-up (~300 ms of CPU), which every command
 * that prints no JSON would otherwise pay.
 */
final class CliJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private CliJson() {}
}
