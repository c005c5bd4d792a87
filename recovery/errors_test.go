package recovery_test

import (
	"errors"
	"testing"
	"time"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/recovery"
)

func TestFieldErrorMessages(t *testing.T) {
	at := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		err  error
		kind error
		want string
	}{
		{
			"restored before reported",
			errOf(recovery.CheckRTO(at, at.Add(-time.Hour), time.Hour)), recovery.ErrReversed,
			`restored "2026-06-10T08:00:00Z": end before start: want an instant at or after reported 2026-06-10T09:00:00Z`,
		},
		{
			"started after reported",
			errOf(recovery.Incident{Started: at.Add(time.Minute), Reported: at, Restored: at}.Check(time.Hour)), recovery.ErrReversed,
			`started "2026-06-10T09:01:00Z": end before start: want an instant at or before reported 2026-06-10T09:00:00Z`,
		},
		{
			"zero reported",
			errOf(recovery.CheckRTO(time.Time{}, at, time.Hour)), recovery.ErrZeroTime,
			`reported: zero time: want the instant the disruption was reported`,
		},
		{
			"zero restored",
			errOf(recovery.CheckRTO(at, time.Time{}, time.Hour)), recovery.ErrZeroTime,
			`restored: zero time: want the instant the service was restored (CheckAt measures an incident still open)`,
		},
		{
			"objective",
			errOf(recovery.CheckRTO(at, at, 0)), recovery.ErrObjective,
			`objective "0s": objective not positive: want a positive duration such as "24h" or "30m"`,
		},
		{
			"negative objective in the one duration form",
			errOf(recovery.CheckRTO(at, at, -24*time.Hour)), recovery.ErrObjective,
			`objective "-24h": objective not positive: want a positive duration such as "24h" or "30m"`,
		},
		{
			"restored after now",
			errOf(recovery.Incident{Reported: at, Restored: at.Add(2 * time.Hour)}.CheckAt(at.Add(time.Hour), time.Hour)), recovery.ErrFuture,
			`restored "2026-06-10T11:00:00Z": after now: want an instant at or before now 2026-06-10T10:00:00Z, or none while the incident is ongoing`,
		},
		{
			"reported after now",
			errOf(recovery.Incident{Reported: at}.CheckAt(at.Add(-time.Hour), time.Hour)), recovery.ErrFuture,
			`reported "2026-06-10T09:00:00Z": after now: want an instant at or before now 2026-06-10T08:00:00Z`,
		},
		{
			"zero now",
			errOf(recovery.Incident{Reported: at}.CheckAt(time.Time{}, time.Hour)), recovery.ErrZeroTime,
			`now: zero time: want the instant of the check`,
		},
		{
			"point stored before at",
			errOf(recovery.DataLoss([]recovery.Point{{At: at}, {At: at, Stored: at.Add(-time.Hour)}}, at, time.Hour)), recovery.ErrReversed,
			`points[1].stored "2026-06-10T08:00:00Z": end before start: want an instant at or after at 2026-06-10T09:00:00Z`,
		},
		{
			"point with zero at",
			errOf(recovery.Exposure([]recovery.Point{{}}, at, at.Add(time.Hour), time.Hour)), recovery.ErrZeroTime,
			`points[0].at: zero time: want the instant the data is consistent as of`,
		},
		{
			"point after now",
			errOf(recovery.Current([]recovery.Point{{At: at.Add(time.Second)}}, at, time.Hour)), recovery.ErrFuture,
			`points[0].at "2026-06-10T09:00:01Z": after now: want an instant at or before now 2026-06-10T09:00:00Z`,
		},
		{
			"point stored after now",
			errOf(recovery.Current([]recovery.Point{{At: at, Stored: at.Add(time.Second)}}, at, time.Hour)), recovery.ErrFuture,
			`points[0].stored "2026-06-10T09:00:01Z": after now: want an instant at or before now 2026-06-10T09:00:00Z`,
		},
		{
			"no point",
			errOf(recovery.DataLoss(nil, at, time.Hour)), recovery.ErrNoPoint,
			`incident "2026-06-10T09:00:00Z": no recovery point usable: want a recovery point usable at the incident`,
		},
		{
			"no point now",
			errOf(recovery.Current(nil, at, time.Hour)), recovery.ErrNoPoint,
			`now "2026-06-10T09:00:00Z": no recovery point usable: want a recovery point usable at now`,
		},
		{
			"zero incident",
			errOf(recovery.DataLoss(nil, time.Time{}, time.Hour)), recovery.ErrZeroTime,
			`incident: zero time: want the instant of the incident`,
		},
		{
			"empty period",
			errOf(recovery.Exposure(nil, at, at, time.Hour)), recovery.ErrReversed,
			`end "2026-06-10T09:00:00Z": end before start: want an instant after start 2026-06-10T09:00:00Z`,
		},
		{
			"zero start",
			errOf(recovery.Exposure(nil, time.Time{}, at, time.Hour)), recovery.ErrZeroTime,
			`start: zero time: want the first instant of the period`,
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
			if !errors.Is(tt.err, tt.kind) {
				t.Errorf("%v does not wrap %v", tt.err, tt.kind)
			}
			var fe *recovery.FieldError
			if !errors.As(tt.err, &fe) {
				t.Errorf("%v (%T) is not a *FieldError", tt.err, tt.err)
			}
		})
	}
}

// The sentinels are slakit's own: the general ones are the same values in every
// package, and the specific ones refine a general one.
func TestSentinels(t *testing.T) {
	same := map[error]error{
		recovery.ErrInvalid: fault.ErrInvalid, recovery.ErrMissing: fault.ErrMissing,
		recovery.ErrZeroTime: fault.ErrZeroTime, recovery.ErrReversed: fault.ErrReversed,
		recovery.ErrSyntax: fault.ErrSyntax, recovery.ErrLimit: fault.ErrLimit,
		recovery.ErrUnknown: fault.ErrUnknown, recovery.ErrDuplicate: fault.ErrDuplicate,
	}
	for ours, general := range same {
		if ours != general {
			t.Errorf("%v is not fault's value", ours)
		}
	}
	refines := map[error]error{
		recovery.ErrFuture: fault.ErrInvalid, recovery.ErrObjective: fault.ErrRange,
		recovery.ErrNoPoint: fault.ErrMissing, recovery.ErrZeroTime: fault.ErrMissing,
	}
	for specific, general := range refines {
		if !errors.Is(specific, general) {
			t.Errorf("%v does not refine %v", specific, general)
		}
	}
}

func errOf[V any](_ V, err error) error { return err }
