package bucket

import (
	"testing"
	"time"
)

var t0 = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func TestStartsFull(t *testing.T) {
	b := New(3, time.Second)
	for i := 0; i < 3; i++ {
		if !b.Allow(t0) {
			t.Fatalf("call %d refused, the bucket starts with 3 tokens", i+1)
		}
	}
	if b.Allow(t0) {
		t.Fatal("4th call at the same instant allowed")
	}
}

func TestRefillsOneTokenPerInterval(t *testing.T) {
	b := New(2, time.Second)
	b.Allow(t0)
	b.Allow(t0)
	if b.Allow(t0.Add(999 * time.Millisecond)) {
		t.Fatal("allowed before a full interval passed")
	}
	if !b.Allow(t0.Add(time.Second)) {
		t.Fatal("refused after one interval")
	}
	if b.Allow(t0.Add(1500 * time.Millisecond)) {
		t.Fatal("only one token came back after 1.5 intervals")
	}
	if !b.Allow(t0.Add(2 * time.Second)) {
		t.Fatal("refused after the second interval")
	}
}

func TestNeverHoldsMoreThanCapacity(t *testing.T) {
	b := New(2, time.Second)
	later := t0.Add(time.Hour)
	b.Allow(t0)
	allowed := 0
	for i := 0; i < 5; i++ {
		if b.Allow(later) {
			allowed++
		}
	}
	if allowed != 2 {
		t.Fatalf("after a long pause %d calls were allowed at once, want 2 (the capacity)", allowed)
	}
}

func TestPartialIntervalsAreNotLost(t *testing.T) {
	b := New(1, time.Second)
	b.Allow(t0)
	// 0.6 s + 0.6 s: the second check is past one full interval since the token was taken.
	if b.Allow(t0.Add(600 * time.Millisecond)) {
		t.Fatal("allowed too early")
	}
	if !b.Allow(t0.Add(1200 * time.Millisecond)) {
		t.Fatal("the time of a refused call must still count toward the refill")
	}
}
