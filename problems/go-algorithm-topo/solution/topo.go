// Package buildorder decides in which order build targets run.
package buildorder

import (
	"fmt"
	"sort"
)

// Order returns every target of deps (keys and the targets they depend on) so that each
// target comes after all of its dependencies. Among targets that are ready at the same time
// the alphabetically smallest comes first, so the order is deterministic. When the graph has
// a cycle, Order returns an error whose message names a target on the cycle.
func Order(deps map[string][]string) ([]string, error) {
	pending := map[string]int{}         // target -> number of unbuilt dependencies
	dependents := map[string][]string{} // dependency -> targets waiting for it
	for target, ds := range deps {
		if _, ok := pending[target]; !ok {
			pending[target] = 0
		}
		for _, d := range ds {
			if _, ok := pending[d]; !ok {
				pending[d] = 0
			}
			pending[target]++
			dependents[d] = append(dependents[d], target)
		}
	}
	var ready []string
	for t, n := range pending {
		if n == 0 {
			ready = append(ready, t)
		}
	}
	var order []string
	for len(ready) > 0 {
		sort.Strings(ready)
		next := ready[0]
		ready = ready[1:]
		order = append(order, next)
		for _, t := range dependents[next] {
			pending[t]--
			if pending[t] == 0 {
				ready = append(ready, t)
			}
		}
	}
	if len(order) < len(pending) {
		var stuck []string
		for t, n := range pending {
			if n > 0 {
				stuck = append(stuck, t)
			}
		}
		sort.Strings(stuck)
		return nil, fmt.Errorf("dependency cycle involving %s", stuck[0])
	}
	return order, nil
}
