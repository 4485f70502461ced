package dev.acr.realcli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A model behind the OpenAI Responses API (what Codex speaks) and the Chat Completions API (what
 * opencode's OpenAI-compatible providers speak) that answers every request with one short text
 * and reports fixed usage: {@link #INPUT_TOKENS} in, of which {@link #CACHED_TOKENS} cached, and
 * {@link #OUTPUT_TOKENS} out, of which {@link #REASONING_TOKENS} reasoning.
 */
final class OpenAiScript implements Function<ModelServer.Request, ModelServer.Reply> {
  static final int INPUT_TOKENS = 2000;
  static final int CACHED_TOKENS = 500;
  static final int OUTPUT_TOKENS = 60;
  static final int REASONING_TOKENS = 20;
  static final String ANSWER = "ok";

  @Override
  public ModelServer.Reply apply(ModelServer.Request req) {
    if (req.path().endsWith("/responses")) {
      return responses();
    }
    if (req.path().endsWith("/chat/completions")) {
      return chat(req.json());
    }
    return ModelServer.Reply.json(404, "{\"error\": {\"message\": \"not scripted: " + req.path() + "\"}}");
  }

  private static ModelServer.Reply responses() {
    ObjectNode item = ModelServer.JSON.createObjectNode().put("type", "message").put("role", "assistant").put("id", "msg_acr");
    item.putArray("content").addObject().put("type", "output_text").put("text", ANSWER);
    ObjectNode completed = ModelServer.JSON.createObjectNode().put("type", "response.completed");
    ObjectNode response = completed.putObject("response").put("id", "resp_acr");
    ObjectNode usage = response.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", OUTPUT_TOKENS)
        .put("total_tokens", INPUT_TOKENS + OUTPUT_TOKENS);
    usage.putObject("input_tokens_details").put("cached_tokens", CACHED_TOKENS);
    usage.putObject("output_tokens_details").put("reasoning_tokens", REASONING_TOKENS);
    StringBuilder sse = new StringBuilder();
    event(sse, "response.created", "{\"type\": \"response.created\", \"response\": {\"id\": \"resp_acr\"}}");
    event(sse, "response.output_item.done", ModelServer.JSON.createObjectNode()
        .put("type", "response.output_item.done").set("item", item).toString());
    event(sse, "response.completed", completed.toString());
    return ModelServer.Reply.sse(sse.toString());
  }

  private static ModelServer.Reply chat(JsonNode body) {
    String model = body.path("model").asText("model");
    ObjectNode usage = ModelServer.JSON.createObjectNode().put("prompt_tokens", INPUT_TOKENS)
        .put("completion_tokens", OUTPUT_TOKENS).put("total_tokens", INPUT_TOKENS + OUTPUT_TOKENS);
    usage.putObject("prompt_tokens_details").put("cached_tokens", CACHED_TOKENS);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", REASONING_TOKENS);
    if (!body.path("stream").asBoolean(false)) {
      ObjectNode c = chunk(model, "chat.completion");
      c.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
          .putObject("message").put("role", "assistant").put("content", ANSWER);
      c.set("usage", usage);
      return ModelServer.Reply.json(200, c.toString());
    }
    ObjectNode first = chunk(model, "chat.completion.chunk");
    first.putArray("choices").addObject().put("index", 0).putNull("finish_reason")
        .putObject("delta").put("role", "assistant").put("content", ANSWER);
    ObjectNode last = chunk(model, "chat.completion.chunk");
    last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
    last.set("usage", usage);
    return ModelServer.Reply.sse("data: " + first + "\n\ndata: " + last + "\n\ndata: [DONE]\n\n");
  }

  private static ObjectNode chunk(String model, String object) {
    return ModelServer.JSON.createObjectNode().put("id", "chatcmpl-acr").put("object", object).put("created", 1)
        .put("model", model);
  }

  private static void event(StringBuilder sse, String name, String data) {
    sse.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
  }
}
