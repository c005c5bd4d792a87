package jsonx

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slakit/slakit/internal/fault"
)

type inner struct {
	Took  time.Duration   `json:"took"`
	Names map[string]int  `json:"names,omitempty"`
	Steps []time.Duration `json:"steps,omitempty"`
}

type outer struct {
	Name  string    `json:"name"`
	At    time.Time `json:"at,omitzero"`
	Items []inner   `json:"items"`
	Ptr   *inner    `json:"ptr,omitempty"`
}

func TestRoundTrip(t *testing.T) {
	in := outer{Name: "x", At: time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC),
		Items: []inner{{Took: 24 * time.Hour, Steps: []time.Duration{-time.Minute}}, {Took: 41*time.Minute + 18600*time.Millisecond, Names: map[string]int{"b": 2, "a": 1}}}}
	b, err := Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"x","at":"2026-06-01T09:00:00Z","items":[{"took":"24h","steps":["-1m"]},{"took":"41m18.6s","names":{"a":1,"b":2}}]}`, string(b))
	var out outer
	require.NoError(t, Decode(b, &out))
	assert.Equal(t, in, out)
}

func TestDecodeErrors(t *testing.T) {
	for _, c := range []struct {
		in, msg string
		kind    error
	}{
		{`{"name":"a","name":"b"}`, `name: duplicate: key written twice in one object`, fault.ErrDuplicate},
		{`{"items":[{"took":"1y"}]}`, `items[0].took "1y": invalid syntax: want a duration such as "24h", "1h30m" or "90s"`, fault.ErrSyntax},
		{`{"items":[{"tok":"1h"}]}`, `items[0].tok: unknown field: want one of took, names, steps`, fault.ErrUnknown},
		{`{"name":"a"} {}`, `"{}": invalid syntax: want nothing after the JSON value (offset 12)`, fault.ErrSyntax},
		{`{"name":3}`, `name "3": invalid value: want a string`, fault.ErrInvalid},
		{`{"items":[{"took":"1h"},]}`, ``, fault.ErrSyntax},
	} {
		var out outer
		err := Decode([]byte(c.in), &out)
		require.Error(t, err, c.in)
		assert.True(t, errors.Is(err, c.kind), "%s: %v", c.in, err)
		if c.msg != "" {
			assert.Equal(t, c.msg, err.Error())
		}
	}
}
