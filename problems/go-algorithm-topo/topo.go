// Package buildorder decides in which order build targets run.
package buildorder

import "errors"

// Order returns every target of deps (keys and the targets they depend on) so that each
// target comes after all of its dependencies. Among targets that are ready at the same time
// the alphabetically smallest comes first, so the order is deterministic. When the graph has
// a cycle, Order returns an error whose message names a target on the cycle.
func Order(deps map[string][]string) ([]string, error) {
	return nil, errors.New("not implemented")
}
