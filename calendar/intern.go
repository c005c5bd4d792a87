package calendar

import (
	"runtime"
	"sync"
	"weak"
)

// maxShared bounds the intern table: beyond it, new calendars keep their own
// tables (results are the same; only memory is not shared).
const maxShared = 4096

// interned is the package's one cache: compiled calendars by canonical key (see
// compiled.key), so that calendars built from equal specs share their year
// tables. It is a pure memory optimisation, invisible in results, since the
// tables depend on nothing but the key. Entries are weak: a compiled calendar
// no calendar uses any more is collected, and a cleanup then drops its entry.
var interned struct {
	mu sync.Mutex
	m  map[string]internEntry
}

type internEntry struct {
	c    weak.Pointer[compiled]
	spec *Spec // the Spec of the calendar that made the entry, shared when equal
}

// intern returns the compiled calendar for key, building it with build when
// the table has none, and the Spec of the calendar that made the entry.
func intern(key string, spec *Spec, build func() (*compiled, error)) (*compiled, *Spec, error) {
	interned.mu.Lock()
	if e, ok := interned.m[key]; ok {
		if c := e.c.Value(); c != nil {
			interned.mu.Unlock()
			return c, e.spec, nil
		}
	}
	interned.mu.Unlock()

	c, err := build() // outside the lock: loading a zone reads a file
	if err != nil {
		return nil, nil, err
	}
	own := cloneSpec(*spec)

	interned.mu.Lock()
	defer interned.mu.Unlock()
	if e, ok := interned.m[key]; ok { // built meanwhile by another goroutine
		if other := e.c.Value(); other != nil {
			return other, e.spec, nil
		}
	}
	if interned.m == nil {
		interned.m = map[string]internEntry{}
	}
	if len(interned.m) >= maxShared {
		return c, own, nil
	}
	interned.m[key] = internEntry{c: weak.Make(c), spec: own}
	runtime.AddCleanup(c, forget, key)
	return c, own, nil
}

// forget drops key's entry once its compiled calendar is gone; a newer entry
// for the same key stays.
func forget(key string) {
	interned.mu.Lock()
	defer interned.mu.Unlock()
	if e, ok := interned.m[key]; ok && e.c.Value() == nil {
		delete(interned.m, key)
	}
}
