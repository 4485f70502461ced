package dev.acr.core;

import dev.acr.context.Dimension;

/**
 * What a router may see of a task before acting on it: its key, prompt (may be null in replays
 * that have none), dimension, and the bench or repo language it comes from (either may be null).
 */
public record Task(String key, String prompt, Dimension dimension, String bench, String language) {}
