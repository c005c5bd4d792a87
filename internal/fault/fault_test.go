package fault

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFieldError(t *testing.T) {
	err := At("policies[0].policy", Field("availability", "99.95", ErrInvalid, `want a percentage such as "99.9%"`))
	assert.EqualError(t, err, `policies[0].policy.availability "99.95": invalid value: want a percentage such as "99.9%"`)
	assert.True(t, errors.Is(err, ErrInvalid))

	joined := At("support", errors.Join(Field("hours.mon[0]", "25:00", ErrSyntax, ""), Field("[1]", "", ErrMissing, "")))
	assert.EqualError(t, joined, "support.hours.mon[0] \"25:00\": invalid syntax\nsupport[1]: missing")
	assert.True(t, errors.Is(joined, ErrInvalid), "ErrSyntax refines ErrInvalid")

	assert.EqualError(t, At("tickets[2]", errors.New("boom")), "tickets[2]: boom")
	assert.Nil(t, At("x", nil))
	assert.True(t, errors.Is(ErrZeroTime, ErrMissing))
	assert.False(t, errors.Is(ErrMissing, ErrInvalid))
}

func TestShort(t *testing.T) {
	assert.Equal(t, "abc", Short("abc"))
	long := strings.Repeat("é", 30) // 60 bytes
	got := Short(long)
	assert.Equal(t, strings.Repeat("é", 20)+"…", got)
}
