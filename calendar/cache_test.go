package calendar

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestYearCacheBudget(t *testing.T) {
	var c yearCache
	big := func(y int) *block { return &block{year: y, from: make([]int32, cacheBudget/4/2-64)} } // half the budget
	a, b, d := big(2000), big(2100), big(2200)
	assert.Same(t, a, c.put(a, true))
	assert.Same(t, b, c.put(b, true))
	assert.Same(t, a, c.put(big(2000), true), "a year already cached stays")
	assert.Same(t, d, c.put(d, false), "over the budget without eviction: given back, not kept")
	assert.Nil(t, c.get(2200))
	assert.Same(t, d, c.put(d, true))
	assert.Same(t, d, c.get(2200))
	assert.Nil(t, c.get(2000), "the oldest chunk went")
	assert.Same(t, b, c.get(2100))
	assert.LessOrEqual(t, c.bytes, cacheBudget)

	e := big(2202) // 2200 and 2202 share a chunk: eviction spares it
	assert.Same(t, e, c.put(e, true))
	assert.Same(t, e, c.get(2202))
	assert.Same(t, d, c.get(2200))
	assert.Nil(t, c.get(2100))
	assert.LessOrEqual(t, c.bytes, cacheBudget)
}
