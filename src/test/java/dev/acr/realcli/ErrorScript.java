package dev.acr.realcli;

import java.util.Map;
import java.util.function.Function;

/**
 * A model API that refuses every request the way the real providers do: the Anthropic Messages
 * error shape on {@code /messages}, the OpenAI one (Responses and Chat Completions) elsewhere.
 * Kinds: "401", "403", "429" (with {@code retry-after: 120}), "500", "model not found"; any
 * other kind (the closed-port and unresolvable-host cases never reach a server) answers 500.
 */
final class ErrorScript {
  private ErrorScript() {}

  static Function<ModelServer.Request, ModelServer.Reply> of(String kind) {
    return req -> {
      boolean anthropic = req.path().endsWith("/messages");
      return switch (kind) {
        case "401" -> reply(401, anthropic, "authentication_error", "invalid x-api-key",
            "invalid_request_error", "invalid_api_key", "Incorrect API key provided: acr-test****", Map.of());
        case "403" -> reply(403, anthropic, "permission_error", "Your API key does not have permission to use the specified resource.",
            "invalid_request_error", "unsupported_country_region_territory", "Country, region, or territory not supported", Map.of());
        case "429" -> reply(429, anthropic, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit",
            "requests", "rate_limit_exceeded", "Rate limit reached for requests per min", Map.of("retry-after", "120"));
        case "model not found" -> reply(404, anthropic, "not_found_error", "model: " + req.model(),
            "invalid_request_error", "model_not_found", "The model `" + req.model() + "` does not exist or you do not have access to it.", Map.of());
        default -> reply(500, anthropic, "api_error", "Internal server error",
            "server_error", null, "The server had an error while processing your request. Sorry about that!", Map.of());
      };
    };
  }

  private static ModelServer.Reply reply(int status, boolean anthropic, String anthropicType, String anthropicMessage,
      String openAiType, String openAiCode, String openAiMessage, Map<String, String> headers) {
    var body = ModelServer.JSON.createObjectNode();
    if (anthropic) {
      body.put("type", "error").putObject("error").put("type", anthropicType).put("message", anthropicMessage);
    } else {
      body.putObject("error").put("message", openAiMessage).put("type", openAiType).put("code", openAiCode);
    }
    return new ModelServer.Reply(status, "application/json", body.toString(), headers);
  }
}
