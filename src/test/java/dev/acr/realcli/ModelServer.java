package dev.acr.realcli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A model API on loopback for the real CLIs: every request is recorded and answered by a script
 * ({@link Reply}). Bound to 127.0.0.1 on a free port; nothing here ever reaches another host.
 */
final class ModelServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the CLI sent it; {@code json} is the parsed body (a missing node if none). */
  record Request(String method, String path, String body, JsonNode json) {
    /** The {@code model} the request asks for, or "" (Messages, Responses and Chat all name it so). */
    String model() {
      return json.path("model").asText("");
    }
  }

  /** What to answer: status, content type, body (an SSE stream is sent as one body) and extra headers. */
  record Reply(int status, String contentType, String body, java.util.Map<String, String> headers) {
    Reply(int status, String contentType, String body) {
      this(status, contentType, body, java.util.Map.of());
    }

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }

    static Reply sse(String body) {
      return new Reply(200, "text/event-stream", body);
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "model-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Request> requests = new ArrayList<>();
  private final Function<Request, Reply> script;
  private final Object watchLock = new Object();
  private Consumer<Request> watch;

  ModelServer(Function<Request, Reply> script) throws IOException {
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT} (no trailing slash). */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode json;
      try {
        json = body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
      } catch (IOException e) {
        json = JSON.missingNode();
      }
      Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), body, json);
      synchronized (requests) {
        requests.add(req);
      }
      Reply reply;
      try {
        reply = script.apply(req);
      } catch (RuntimeException e) {
        reply = Reply.json(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"test script failed: "
            + e.toString().replace("\"", "'") + "\"}}");
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", reply.contentType());
      reply.headers().forEach(ex.getResponseHeaders()::set);
      ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
      synchronized (watchLock) {
        if (watch != null) {
          watch.accept(req);
        }
      }
    }
  }

  /**
   * Calls {@code w} for every request answered from now on (null: stop). Once this returns with
   * null, no earlier watcher runs any more, so a watcher that interrupts a thread cannot do so late.
   */
  void watch(Consumer<Request> w) {
    synchronized (watchLock) {
      watch = w;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
