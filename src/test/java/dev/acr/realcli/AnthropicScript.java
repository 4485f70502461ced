package dev.acr.realcli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted model behind the Anthropic Messages API, enough for Claude Code to fix a file: the
 * first turn reads {@code file} (Claude Code's Edit refuses files it has not read), the second
 * edits {@code from} into {@code to}, the third says it is done. The turn is the number of
 * tool calls already in the conversation (Claude Code merges assistant messages that share a
 * message id, so counting messages would not do), so the script needs no state of its own.
 * Requests without the Edit tool (side queries) get a short text answer. Each reply reports
 * {@link #INPUT_TOKENS} and {@link #OUTPUT_TOKENS} of usage.
 */
final class AnthropicScript implements Function<ModelServer.Request, ModelServer.Reply> {
  static final int INPUT_TOKENS = 1200;
  static final int OUTPUT_TOKENS = 40;
  private static final Pattern WORKDIR = Pattern.compile("[Ww]orking directory: (/[^\\s\"\\\\]+)");

  private final java.util.concurrent.atomic.AtomicInteger replies = new java.util.concurrent.atomic.AtomicInteger();
  private final String file;
  private final String from;
  private final String to;

  AnthropicScript(String file, String from, String to) {
    this.file = file;
    this.from = from;
    this.to = to;
  }

  @Override
  public ModelServer.Reply apply(ModelServer.Request req) {
    if (req.path().endsWith("/count_tokens")) {
      return ModelServer.Reply.json(200, "{\"input_tokens\": " + INPUT_TOKENS + "}");
    }
    if (!req.path().endsWith("/messages")) {
      return ModelServer.Reply.json(404, "{\"type\": \"error\", \"error\": {\"type\": \"not_found_error\", \"message\": \"not scripted\"}}");
    }
    JsonNode body = req.json();
    ObjectNode block = ModelServer.JSON.createObjectNode();
    String stop;
    if (!hasTool(body, "Edit")) {
      block.put("type", "text").put("text", "ok");
      stop = "end_turn";
    } else {
      int turn = 0;
      for (JsonNode m : body.path("messages")) {
        for (JsonNode b : m.path("content")) {
          turn += "assistant".equals(m.path("role").asText()) && "tool_use".equals(b.path("type").asText()) ? 1 : 0;
        }
      }
      Matcher wd = WORKDIR.matcher(req.body());
      String path = (wd.find() ? wd.group(1) + "/" : "") + file;
      if (turn == 0) {
        toolUse(block, "toolu_acr_read", "Read").putObject("input").put("file_path", path);
        stop = "tool_use";
      } else if (turn == 1) {
        toolUse(block, "toolu_acr_edit", "Edit").putObject("input").put("file_path", path)
            .put("old_string", from).put("new_string", to);
        stop = "tool_use";
      } else {
        block.put("type", "text").put("text", "Changed " + file + " from " + from + " to " + to + ".");
        stop = "end_turn";
      }
    }
    String model = body.path("model").asText("claude");
    String id = "msg_acr_" + replies.incrementAndGet();
    return body.path("stream").asBoolean(false) ? stream(id, model, block, stop) : whole(id, model, block, stop);
  }

  private static boolean hasTool(JsonNode body, String name) {
    for (JsonNode t : body.path("tools")) {
      if (name.equals(t.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode toolUse(ObjectNode block, String id, String name) {
    return block.put("type", "tool_use").put("id", id).put("name", name);
  }

  private static ModelServer.Reply whole(String id, String model, ObjectNode block, String stop) {
    ObjectNode msg = message(id, model, stop);
    ((ArrayNode) msg.get("content")).add(block);
    msg.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", OUTPUT_TOKENS);
    return ModelServer.Reply.json(200, msg.toString());
  }

  /** The same message as server-sent events, the way the Messages API streams it. */
  private static ModelServer.Reply stream(String id, String model, ObjectNode block, String stop) {
    ObjectNode start = message(id, model, null);
    start.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", 1);
    StringBuilder sse = new StringBuilder();
    event(sse, "message_start", obj("message_start").set("message", start));
    ObjectNode empty = block.deepCopy();
    ObjectNode delta = ModelServer.JSON.createObjectNode();
    if ("tool_use".equals(block.path("type").asText())) {
      empty.putObject("input");
      delta.put("type", "input_json_delta").put("partial_json", block.get("input").toString());
    } else {
      empty.put("text", "");
      delta.put("type", "text_delta").put("text", block.get("text").asText());
    }
    event(sse, "content_block_start", obj("content_block_start").put("index", 0).set("content_block", empty));
    event(sse, "content_block_delta", obj("content_block_delta").put("index", 0).set("delta", delta));
    event(sse, "content_block_stop", obj("content_block_stop").put("index", 0));
    ObjectNode md = obj("message_delta");
    md.putObject("delta").put("stop_reason", stop).putNull("stop_sequence");
    md.putObject("usage").put("output_tokens", OUTPUT_TOKENS);
    event(sse, "message_delta", md);
    event(sse, "message_stop", obj("message_stop"));
    return ModelServer.Reply.sse(sse.toString());
  }

  private static ObjectNode message(String id, String model, String stop) {
    ObjectNode msg = ModelServer.JSON.createObjectNode();
    msg.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
    msg.putArray("content");
    msg.put("stop_reason", stop).putNull("stop_sequence");
    return msg;
  }

  private static ObjectNode obj(String type) {
    return ModelServer.JSON.createObjectNode().put("type", type);
  }

  private static void event(StringBuilder sse, String name, JsonNode data) {
    sse.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
  }
}
