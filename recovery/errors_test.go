package recovery_test

import (
	"errors"
	"testing"
	"time"

	"github.com/slakit/slakit/recovery"
)

func TestInputErrorMessages(t *testing.T) {
	at := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{
			"restored before reported",
			errOf(recovery.CheckRTO(at, at.Add(-time.Hour), time.Hour)),
			`recovery: restored "2026-06-10T08:00:00Z": out of order: before reported 2026-06-10T09:00:00Z`,
		},
		{
			"zero reported",
			errOf(recovery.CheckRTO(time.Time{}, at, time.Hour)),
			`recovery: reported "0001-01-01T00:00:00Z": zero time`,
		},
		{
			"objective",
			errOf(recovery.CheckRTO(at, at, 0)),
			`recovery: objective "0s": objective must be positive`,
		},
		{
			"point stored before at",
			errOf(recovery.DataLoss([]recovery.Point{{At: at}, {At: at, Stored: at.Add(-time.Hour)}}, at, time.Hour)),
			`recovery: points[1].stored "2026-06-10T08:00:00Z": out of order: before at 2026-06-10T09:00:00Z`,
		},
		{
			"point with zero at",
			errOf(recovery.Exposure([]recovery.Point{{}}, at, at.Add(time.Hour), time.Hour)),
			`recovery: points[0].at "0001-01-01T00:00:00Z": zero time`,
		},
		{
			"point after now",
			errOf(recovery.Current([]recovery.Point{{At: at.Add(time.Second)}}, at, time.Hour)),
			`recovery: points[0].at "2026-06-10T09:00:01Z": after now 2026-06-10T09:00:00Z`,
		},
		{
			"no point",
			errOf(recovery.DataLoss(nil, at, time.Hour)),
			`recovery: incident "2026-06-10T09:00:00Z": no recovery point usable`,
		},
		{
			"empty period",
			errOf(recovery.Exposure(nil, at, at, time.Hour)),
			`recovery: end "2026-06-10T09:00:00Z": out of order: not after start 2026-06-10T09:00:00Z`,
		},
		{
			"hand-made, nil cause",
			&recovery.InputError{Field: "now", Index: -1, Value: "x"},
			`recovery: now "x": <nil>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestInputErrorUnwrap(t *testing.T) {
	err := error(&recovery.InputError{Field: "at", Index: 2, Value: "v", Err: recovery.ErrFuture})
	if !errors.Is(err, recovery.ErrFuture) || errors.Is(err, recovery.ErrReversed) {
		t.Errorf("errors.Is does not see the cause of %v", err)
	}
}

func errOf[V any](_ V, err error) error { return err }
