package bucket

import "time"

// Bucket is a token bucket; it is not safe for concurrent use.
type Bucket struct {
	capacity int
	every    time.Duration
	tokens   int
	last     time.Time // when the last token was added (or the bucket started)
	started  bool
}

// New returns a full bucket of capacity tokens that regains one token per every.
func New(capacity int, every time.Duration) *Bucket {
	if capacity < 1 || every <= 0 {
		panic("bucket: capacity and refill interval must be positive")
	}
	return &Bucket{capacity: capacity, every: every, tokens: capacity}
}

// Allow takes a token at time now and reports whether there was one.
func (b *Bucket) Allow(now time.Time) bool {
	if !b.started {
		b.started = true
		b.last = now
	}
	if elapsed := now.Sub(b.last); elapsed >= b.every {
		gained := int(elapsed / b.every)
		b.last = b.last.Add(time.Duration(gained) * b.every)
		b.tokens += gained
		if b.tokens >= b.capacity {
			b.tokens = b.capacity
			b.last = now
		}
	}
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}
