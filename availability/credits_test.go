package availability_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"pgregory.net/rapid"
)

func ratio(s string) availability.Ratio {
	r, err := availability.ParseRatio(s)
	if err != nil {
		panic(err)
	}
	return r
}

// aws is the credit table of AWS S3: 10 % below 99.9 %, 25 % below 99 %,
// 100 % below 95 %.
func aws() availability.Credits {
	return availability.Credits{Tiers: []availability.Tier{
		{Below: ratio("99.9%"), Credit: ratio("10%")},
		{Below: ratio("99%"), Credit: ratio("25%")},
		{Below: ratio("95%"), Credit: ratio("100%")},
	}, Cap: ratio("100%")}
}

const awsJSON = `{"tiers":[{"below":"99.9%","credit":"10%"},{"below":"99%","credit":"25%"},{"below":"95%","credit":"100%"}],"cap":"100%"}`

func TestCreditsJSON(t *testing.T) {
	data, err := json.Marshal(aws())
	if err != nil || string(data) != awsJSON {
		t.Fatalf("Marshal = %s, %v\nwant %s", data, err, awsJSON)
	}
	var c availability.Credits
	if err := json.Unmarshal([]byte(awsJSON), &c); err != nil || c.Validate() != nil || len(c.Tiers) != 3 ||
		c.Tiers[1].Below.Cmp(ratio("99%")) != 0 || c.Tiers[2].Credit.Cmp(ratio("100%")) != 0 || c.Cap.Cmp(ratio("100%")) != 0 {
		t.Fatalf("Unmarshal = %+v, %v", c, err)
	}
	for _, tc := range []struct{ in, msg string }{
		{`{"tiers":[{"below":"99.9%","credit":"10"}],"cap":"100%"}`, `tiers[0].credit "10": invalid syntax: want a percentage such as "99.9%"`},
		{`{"tiers":[{"below":"99.9%","credit":"10%","over":"1%"}],"cap":"100%"}`, `tiers[0].over: unknown field: want one of below, credit`},
		{`{"tiers":[],"cap":"100%","cap":"50%"}`, `cap: duplicate: key written twice in one object`},
		{`{"tiers":[],"limit":"100%"}`, `limit: unknown field: want one of tiers, cap`},
		{`{"tiers":{},"cap":"100%"}`, `tiers "{}": invalid value: want a list`},
		{`{"tiers":[],"cap":0.5}`, `cap "0.5": invalid syntax: want a percentage in quotes, such as "99.9%"`},
	} {
		var c availability.Credits
		if err := json.Unmarshal([]byte(tc.in), &c); err == nil || err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.in, err, tc.msg)
		}
	}
}

func TestCreditsValidate(t *testing.T) {
	tier := func(below, credit string) availability.Tier {
		return availability.Tier{Below: ratio(below), Credit: ratio(credit)}
	}
	for _, tc := range []struct {
		name string
		c    availability.Credits
		msg  string
	}{
		{"aws", aws(), ""},
		{"none", availability.Credits{}, ""},
		{"one tier", availability.Credits{Tiers: []availability.Tier{tier("99.5%", "5%")}, Cap: ratio("5%")}, ""},
		{"thresholds not decreasing", availability.Credits{Tiers: []availability.Tier{tier("99%", "10%"), tier("99.9%", "25%")}, Cap: ratio("100%")},
			`tiers[1].below "99.9%": invalid value: want less than tiers[0].below "99%": thresholds strictly decreasing`},
		{"equal thresholds", availability.Credits{Tiers: []availability.Tier{tier("99%", "10%"), tier("99%", "25%")}, Cap: ratio("100%")},
			`tiers[1].below "99%": invalid value: want less than tiers[0].below "99%": thresholds strictly decreasing`},
		{"credits not increasing", availability.Credits{Tiers: []availability.Tier{tier("99.9%", "25%"), tier("99%", "10%")}, Cap: ratio("100%")},
			`tiers[1].credit "10%": invalid value: want more than tiers[0].credit "25%": a lower threshold earns more`},
		{"out of range", availability.Credits{Tiers: []availability.Tier{tier("0%", "0%"), tier("-1%", "101%")}, Cap: ratio("100%")},
			`tiers[0].below "0%": out of range: want above 0% and at most 100%` + "\n" +
				`tiers[0].credit "0%": out of range: want above 0% and at most 100%` + "\n" +
				`tiers[1].below "-1%": out of range: want above 0% and at most 100%` + "\n" +
				`tiers[1].credit "101%": out of range: want above 0% and at most 100%` + "\n" +
				`cap "100%": out of range: want at least tiers[1].credit "101%", the largest credit`},
		{"threshold above 100 %", availability.Credits{Tiers: []availability.Tier{tier("100.5%", "10%")}, Cap: ratio("100%")},
			`tiers[0].below "100.5%": out of range: want above 0% and at most 100%`},
		{"cap below a tier", availability.Credits{Tiers: aws().Tiers, Cap: ratio("50%")},
			`cap "50%": out of range: want at least tiers[2].credit "100%", the largest credit`},
		{"cap missing", availability.Credits{Tiers: aws().Tiers},
			`cap "0%": out of range: want at least tiers[2].credit "100%", the largest credit`},
		{"cap above 100 %", availability.Credits{Cap: ratio("150%")}, `cap "150%": out of range: want at least 0% and at most 100%`},
	} {
		err := tc.c.Validate()
		if tc.msg == "" && err != nil || tc.msg != "" && (err == nil || err.Error() != tc.msg || !errors.Is(err, availability.ErrInvalid)) {
			t.Errorf("%s:\n got %v\nwant %s", tc.name, err, tc.msg)
		}
	}
}

func TestCreditsRate(t *testing.T) {
	c := aws()
	for _, tc := range []struct{ avail, credit string }{
		{"1", "0%"},
		{"0.9995", "0%"},
		{"0.999", "0%"}, // exactly 99.9 % is not below 99.9 %
		{"0.99899999999999999999999999999999999", "10%"},
		{"0.9986", "10%"},
		{"0.99", "10%"},
		{"0.9899", "25%"},
		{"0.95", "25%"},
		{"0.9499", "100%"},
		{"0", "100%"},
	} {
		if got := c.Rate(dec(tc.avail)); got.Cmp(ratio(tc.credit)) != 0 {
			t.Errorf("Rate(%s) = %s, want %s", tc.avail, got, tc.credit)
		}
	}
	capped := availability.Credits{Tiers: c.Tiers, Cap: ratio("50%")} // invalid, but Rate still caps
	if got := capped.Rate(dec("0.5")); got.Cmp(ratio("50%")) != 0 {
		t.Errorf("capped Rate = %s, want 50%%", got)
	}
}

// TestCreditsFor is the acceptance of I19 on June 2026 in Paris with the
// preset rules (T − P = 690 h): 99.86 % owes 10 %, exactly 99.9 % owes
// nothing, no monitoring data owes an unknown credit.
func TestCreditsFor(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	at := paris(t, 2026, 6, 15, 10, 0, 0)
	committed := 690 * time.Hour
	down := func(f string) time.Duration { // the downtime that leaves availability f
		return time.Duration(decimal.NewFromInt(1).Sub(dec(f)).Mul(decimal.NewFromInt(int64(committed))).IntPart())
	}
	gap := func(from time.Time, d time.Duration) availability.Coverage {
		return availability.Monitored(calendar.Interval{Start: june.Start, End: from}, calendar.Interval{Start: from.Add(d), End: june.End})
	}
	for _, tc := range []struct {
		name     string
		outage   time.Duration
		coverage availability.Coverage
		avail    string
		verdict  availability.Verdict
		credit   string
	}{
		{"99.86 % owes 10 %", down("0.9986"), availability.FullyMonitored(), "0.9986", availability.VerdictMissed, "10%"},
		{"exactly 99.9 % owes nothing", down("0.999"), availability.FullyMonitored(), "0.999", availability.VerdictMet, "0%"},
		{"a nanosecond under 99.9 % owes 10 %", down("0.999") + 1, availability.FullyMonitored(), "0.998999999999999597423510466989", availability.VerdictMissed, "10%"},
		{"98.99 % owes 25 %", down("0.9899"), availability.FullyMonitored(), "0.9899", availability.VerdictMissed, "25%"},
		{"no monitoring data: unknown", 0, availability.Coverage{}, "0", availability.VerdictUnknown, "unknown"},
		{"no monitoring data and an outage: unknown", down("0.9"), availability.Coverage{}, "0", availability.VerdictUnknown, "unknown"},
		{"missed, both bounds in the 10 % tier", down("0.995"), gap(at.Add(-48*time.Hour), down("0.997")), "0.992", availability.VerdictMissed, "10%"},
		{"missed, the bounds straddle 99 %: unknown", down("0.995"), gap(at.Add(-48*time.Hour), down("0.99")), "0.985", availability.VerdictMissed, "unknown"},
		{"unknown verdict: unknown", 0, gap(at.Add(-48*time.Hour), time.Hour), "0.998550724637681159420289855072", availability.VerdictUnknown, "unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := availability.ComputeCovered(june, []availability.Outage{unplanned(at, at.Add(tc.outage))}, tc.coverage, specRules("Europe/Paris"))
			if err != nil {
				t.Fatal(err)
			}
			got := aws().For(r)
			if !r.Availability.Equal(dec(tc.avail)) || r.Verdict != tc.verdict || got.String() != tc.credit || got.Known != (tc.credit != "unknown") {
				t.Errorf("%s; credit %s (known %v)\nwant availability %s, %v, credit %s", summary(r), got, got.Known, tc.avail, tc.verdict, tc.credit)
			}
		})
	}
}

func TestCreditText(t *testing.T) {
	for _, tc := range []struct {
		c    availability.Credit
		text string
	}{
		{availability.Credit{}, "unknown"},
		{availability.Credit{Known: true, Rate: ratio("0%")}, "0%"},
		{availability.Credit{Known: true, Rate: ratio("10%")}, "10%"},
	} {
		text, err := tc.c.MarshalText()
		var back availability.Credit
		if err != nil || string(text) != tc.text || back.UnmarshalText(text) != nil || back.Known != tc.c.Known || back.Rate.Cmp(tc.c.Rate) != 0 {
			t.Errorf("%+v -> %q, %v -> %+v", tc.c, text, err, back)
		}
	}
	var c availability.Credit
	for _, in := range []string{"", "Unknown", "10", "none"} {
		if err := c.UnmarshalText([]byte(in)); err == nil || err.Error() != `"`+in+`": invalid syntax: want "unknown" or a percentage such as "10%"` && in != "" {
			t.Errorf("UnmarshalText(%q): %v", in, err)
		}
	}
}

// ---- properties -------------------------------------------------------------

// genCredits draws a valid credit table of up to four tiers, thresholds and
// credits in thousandths of a percent.
func genCredits(t *rapid.T) availability.Credits {
	n := rapid.IntRange(0, 4).Draw(t, "tiers")
	below := rapid.SliceOfNDistinct(rapid.IntRange(1, 100_000), n, n, rapid.ID[int]).Draw(t, "thresholds")
	credit := rapid.SliceOfNDistinct(rapid.IntRange(1, 100_000), n, n, rapid.ID[int]).Draw(t, "credits")
	slices.Sort(below)
	slices.Reverse(below)
	slices.Sort(credit)
	thousandths := func(v int) availability.Ratio { return availability.Ratio(decimal.New(int64(v), -5)) }
	c := availability.Credits{Cap: thousandths(rapid.IntRange(slices.Max(append(credit, 0)), 100_000).Draw(t, "cap"))}
	for i := range n {
		c.Tiers = append(c.Tiers, availability.Tier{Below: thousandths(below[i]), Credit: thousandths(credit[i])})
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("generated %+v: %v", c, err)
	}
	return c
}

// genAvailability draws a fraction in [0, 1], often on or next to a
// threshold of c.
func genAvailability(t *rapid.T, c availability.Credits, label string) decimal.Decimal {
	if len(c.Tiers) > 0 && rapid.Bool().Draw(t, label+" near a threshold") {
		b := c.Tiers[rapid.IntRange(0, len(c.Tiers)-1).Draw(t, label+" tier")].Below.Decimal()
		return b.Add(decimal.New(int64(rapid.IntRange(-1, 1).Draw(t, label+" nudge")), -40))
	}
	return decimal.New(rapid.Int64Range(0, 1_000_000_000).Draw(t, label), -9)
}

// checkCreditsMonotonic: less availability never earns less credit.
func checkCreditsMonotonic(t *rapid.T) {
	c := genCredits(t)
	a, b := genAvailability(t, c, "a"), genAvailability(t, c, "b")
	if a.Cmp(b) > 0 {
		a, b = b, a
	}
	if ra, rb := c.Rate(a), c.Rate(b); ra.Cmp(rb) < 0 {
		t.Fatalf("availability %s earns %s, more availability %s earns more: %s", a, ra, b, rb)
	}
}

// checkCreditsBoundary: at a threshold exactly, its tier does not apply;
// just under it, it does.
func checkCreditsBoundary(t *rapid.T) {
	c := genCredits(t)
	if len(c.Tiers) == 0 {
		return
	}
	i := rapid.IntRange(0, len(c.Tiers)-1).Draw(t, "tier")
	want := availability.Ratio(decimal.Zero) // at the threshold: the tier above, if any
	if i > 0 {
		want = c.Tiers[i-1].Credit
	}
	if got := c.Rate(c.Tiers[i].Below.Decimal()); got.Cmp(want) != 0 {
		t.Fatalf("at tiers[%d].below %s: %s, want %s", i, c.Tiers[i].Below, got, want)
	}
	under := c.Tiers[i].Below.Decimal().Sub(decimal.New(1, -40))
	if got := c.Rate(under); got.Cmp(c.Tiers[i].Credit) != 0 {
		t.Fatalf("just under tiers[%d].below %s: %s, want %s", i, c.Tiers[i].Below, got, c.Tiers[i].Credit)
	}
}

// checkCreditsFor: the credit of a report is known only with a known verdict
// and both bounds in one tier, and it is then that tier's, decided with
// big.Rat on the report's durations.
func checkCreditsFor(t *rapid.T) {
	s := genScenario(t)
	cov := genCoverage(t, s.period)
	r, err := availability.ComputeCovered(s.period, s.outages, cov.c, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	c := genCredits(t)
	committed := int64(r.Total - r.Planned)
	rate := func(down time.Duration) *big.Rat { // the oracle: the lowest threshold above, capped
		a := big.NewRat(1, 1)
		if committed > 0 {
			a = big.NewRat(committed-int64(down), committed)
		}
		best := -1
		for i, tier := range c.Tiers {
			if a.Cmp(rat(tier.Below.Decimal())) < 0 && (best < 0 || tier.Below.Cmp(c.Tiers[best].Below) < 0) {
				best = i
			}
		}
		if best < 0 {
			return new(big.Rat)
		}
		if x, cp := rat(c.Tiers[best].Credit.Decimal()), rat(c.Cap.Decimal()); x.Cmp(cp) < 0 {
			return x
		}
		return rat(c.Cap.Decimal())
	}
	lo, hi := rate(r.Unplanned+r.Unknown), rate(r.Unplanned)
	got := c.For(r)
	switch {
	case r.Verdict == availability.VerdictUnknown || lo.Cmp(hi) != 0:
		if got.Known {
			t.Fatalf("%s: credit %s, want unknown", summary(r), got)
		}
	case !got.Known || rat(got.Rate.Decimal()).Cmp(lo) != 0:
		t.Fatalf("%s: credit %s, want %s", summary(r), got, lo.FloatString(10))
	}
}

func TestCreditsMonotonic(t *testing.T) { rapid.Check(t, checkCreditsMonotonic) }
func TestCreditsBoundary(t *testing.T)  { rapid.Check(t, checkCreditsBoundary) }
func TestCreditsForOracle(t *testing.T) { rapid.Check(t, checkCreditsFor) }

func FuzzCreditsMonotonic(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkCreditsMonotonic)) }
func FuzzCreditsBoundary(f *testing.F)  { f.Fuzz(rapid.MakeFuzz(checkCreditsBoundary)) }
func FuzzCreditsForOracle(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkCreditsFor)) }

// FuzzCreditsJSON decodes arbitrary bytes: no panic; what decodes validates
// or fails with paths, and encodes to JSON that decodes to the same table.
func FuzzCreditsJSON(f *testing.F) {
	for _, s := range []string{awsJSON, `{}`, `{"tiers":null,"cap":"0%"}`, `{"tiers":[{"below":"1%","credit":"-1%"}],"cap":"5%"}`, `[]`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c availability.Credits
		if err := json.Unmarshal(data, &c); err != nil {
			return
		}
		if err := c.Validate(); err != nil {
			var fe *availability.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Validate: %v is not a FieldError", err)
			}
		}
		_ = c.Rate(decimal.New(9986, -4))
		again, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("%+v does not encode: %v", c, err)
		}
		var back availability.Credits
		if err := json.Unmarshal(again, &back); err != nil || len(back.Tiers) != len(c.Tiers) || back.Cap.Cmp(c.Cap) != 0 {
			t.Fatalf("%s -> %s -> %+v, %v", data, again, back, err)
		}
		for i := range c.Tiers {
			if back.Tiers[i].Below.Cmp(c.Tiers[i].Below) != 0 || back.Tiers[i].Credit.Cmp(c.Tiers[i].Credit) != 0 {
				t.Fatalf("tier %d changed: %+v -> %+v", i, c.Tiers[i], back.Tiers[i])
			}
		}
	})
}
