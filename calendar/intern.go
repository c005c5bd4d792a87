package calendar

import (
	"runtime"
	"sync"
	"weak"
)

// interned is the package's one cache: compiled calendars by canonical key
// (see compiled.key), so that calendars built from equal specs share their
// year tables. It is a pure memory optimisation, invisible in results, since
// the tables depend on nothing but the key. It holds at most 4096 entries.
var interned = internTable{limit: 4096}

// internTable maps canonical keys to compiled calendars. Entries are weak: a
// compiled calendar that no calendar uses any more is collected, and a cleanup
// then drops its entry. When the table is full, new calendars keep their own
// tables (the same results; only memory is not shared).
type internTable struct {
	mu    sync.Mutex
	m     map[string]internEntry
	limit int
}

type internEntry struct {
	c    weak.Pointer[compiled]
	spec *Spec // the Spec of the calendar that made the entry, shared when equal
}

// get returns the compiled calendar for key, building it with build when the
// table has none, and the Spec of the calendar that made the entry.
func (t *internTable) get(key string, spec *Spec, build func() (*compiled, error)) (*compiled, *Spec, error) {
	if c, s := t.lookup(key); c != nil {
		return c, s, nil
	}
	c, err := build() // outside the lock: loading a zone reads a file
	if err != nil {
		return nil, nil, err
	}
	own := cloneSpec(*spec)

	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.m[key]; ok { // built meanwhile by another goroutine
		if other := e.c.Value(); other != nil {
			return other, e.spec, nil
		}
	}
	if len(t.m) >= t.limit {
		return c, own, nil
	}
	if t.m == nil {
		t.m = map[string]internEntry{}
	}
	t.m[key] = internEntry{c: weak.Make(c), spec: own}
	runtime.AddCleanup(c, t.forget, key)
	return c, own, nil
}

func (t *internTable) lookup(key string) (*compiled, *Spec) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.m[key]; ok {
		if c := e.c.Value(); c != nil {
			return c, e.spec
		}
	}
	return nil, nil
}

// forget drops key's entry once its compiled calendar is gone; a newer entry
// for the same key stays.
func (t *internTable) forget(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.m[key]; ok && e.c.Value() == nil {
		delete(t.m, key)
	}
}

// size returns the number of entries.
func (t *internTable) size() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.m)
}
