package wordfreq

import (
	"reflect"
	"testing"
)

func TestTop(t *testing.T) {
	text := "Go is fast, go is simple. Is Go fun? Simple: yes -- and fast!"
	got := Top(text, 4)
	want := []Count{{"go", 3}, {"is", 3}, {"fast", 2}, {"simple", 2}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Top = %v, want %v", got, want)
	}
}

func TestTopWithFewerWordsThanAsked(t *testing.T) {
	got := Top("b a b", 10)
	want := []Count{{"b", 2}, {"a", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Top = %v, want %v", got, want)
	}
}

func TestTopOfPunctuationOnly(t *testing.T) {
	if got := Top("-- ... !", 3); len(got) != 0 {
		t.Fatalf("Top = %v, want nothing", got)
	}
}
