// Package bucket limits how often the API client may call the server: a token bucket that
// holds up to capacity tokens, starts full, and gets one token back per refill interval.
// Callers pass the current time in, so tests (and the client) never sleep.
package bucket
