package buildorder

import (
	"reflect"
	"strings"
	"testing"
)

func TestOrderPutsDependenciesFirst(t *testing.T) {
	got, err := Order(map[string][]string{
		"app":    {"lib", "assets"},
		"lib":    {"codegen"},
		"assets": {},
		"tests":  {"app", "lib"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"assets", "codegen", "lib", "app", "tests"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Order = %v, want %v", got, want)
	}
}

func TestOrderBreaksTiesAlphabetically(t *testing.T) {
	got, err := Order(map[string][]string{"c": {}, "a": {}, "b": {}, "d": {"c"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "c", "d"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Order = %v, want %v", got, want)
	}
}

func TestOrderOfNothing(t *testing.T) {
	got, err := Order(map[string][]string{})
	if err != nil || len(got) != 0 {
		t.Fatalf("Order(empty) = %v, %v", got, err)
	}
}

func TestOrderReportsACycle(t *testing.T) {
	_, err := Order(map[string][]string{"alpha": {"beta"}, "beta": {"gamma"}, "gamma": {"alpha"}, "solo": {}})
	if err == nil {
		t.Fatal("want an error for the cycle alpha -> beta -> gamma -> alpha")
	}
	msg := err.Error()
	if !strings.Contains(msg, "alpha") && !strings.Contains(msg, "beta") && !strings.Contains(msg, "gamma") {
		t.Fatalf("error %q names no target on the cycle", msg)
	}
}
