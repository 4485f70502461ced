package dev.acr.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One line of {@code decisions/<router>.jsonl}: what a router did on one task of the canonical
 * order. {@code chain} is the routes run in order, {@code outcome} the final attempt's status
 * ("none" when nothing ran), {@code stop} why the loop stopped; reward and regret per README.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
  "dataset", "index", "task", "chain", "final_route", "outcome", "stop", "performance", "cost_usd", "reward", "regret"
})
public record Decision(
    String dataset,
    int index,
    String task,
    List<String> chain,
    String finalRoute,
    String outcome,
    String stop,
    double performance,
    double costUsd,
    double reward,
    double regret) {}
