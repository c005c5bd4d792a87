package enum

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/slakit/slakit/internal/fault"
)

var colour = Names{Type: "Colour", Names: []string{"", "red", "green"}}

func TestNames(t *testing.T) {
	assert.Equal(t, "red", colour.String(1))
	assert.Equal(t, "%!Colour(9)", colour.String(9))
	assert.Equal(t, "%!Colour(-1)", colour.String(-1))
	_, err := colour.Marshal(9)
	assert.True(t, errors.Is(err, fault.ErrInvalid))
	_, err = colour.Parse([]byte("blue"))
	assert.EqualError(t, err, `"blue": invalid value: want one of "red", "green"`)
}

func TestRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := rapid.IntRange(-3, 5).Draw(t, "v")
		b, err := colour.Marshal(v)
		if v != 0 && !colour.Valid(v) {
			require.Error(t, err)
			return
		}
		require.NoError(t, err)
		got, err := colour.Parse(b)
		require.NoError(t, err)
		require.Equal(t, v, got)
	})
}
