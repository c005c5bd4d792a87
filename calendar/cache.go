package calendar

import (
	"sync"
	"sync/atomic"
)

const (
	// chunkYears is how many consecutive years share a chunk of the cache.
	chunkYears = 64
	// cacheBudget bounds the bytes of year tables a calendar keeps: about
	// 1 000 years of a typical business week, so that queries spread over
	// centuries keep their cost; past it, whole chunks of other years go.
	cacheBudget = 8 << 20
)

// yearCache holds the year tables of a calendar by year. Reads take no lock:
// two atomic loads. Insertion and eviction take a mutex, on the path that has
// just spent tens of microseconds building a year.
type yearCache struct {
	chunks [maxYear/chunkYears + 1]atomic.Pointer[yearChunk]
	mu     sync.Mutex // guards the fields below and chunk sizes
	bytes  int        // bytes held in all chunks
	next   int        // next chunk to consider for eviction
}

type yearChunk struct {
	years [chunkYears]atomic.Pointer[block]
	bytes int // under yearCache.mu
}

// get returns year y's table, or nil.
func (c *yearCache) get(y int) *block {
	if ch := c.chunks[y/chunkYears].Load(); ch != nil {
		return ch.years[y%chunkYears].Load()
	}
	return nil
}

// put stores b and returns the table now cached for its year (another
// goroutine may have stored one first; both are the same). When the budget is
// spent it evicts chunks of other years, or, with evict false, leaves b out.
func (c *yearCache) put(b *block, evict bool) *block {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := b.year / chunkYears
	ch := c.chunks[i].Load()
	if ch == nil {
		ch = new(yearChunk)
		c.chunks[i].Store(ch)
	}
	slot := &ch.years[b.year%chunkYears]
	if old := slot.Load(); old != nil {
		return old
	}
	size := b.size()
	if c.bytes+size > cacheBudget {
		if !evict {
			return b
		}
		// In turn, so that no chunk stays forever; a single year larger than
		// the budget still goes in, alone with its chunk.
		for n := 0; n < len(c.chunks) && c.bytes+size > cacheBudget; n++ {
			j := c.next
			c.next = (c.next + 1) % len(c.chunks)
			if old := c.chunks[j].Load(); j != i && old != nil {
				c.chunks[j].Store(nil)
				c.bytes -= old.bytes
			}
		}
	}
	slot.Store(b)
	ch.bytes += size
	c.bytes += size
	return b
}
