package calendar

// This file maps holiday codes to the lists shipped by github.com/rickar/cal/v2,
// in one table sorted by code.

import (
	"slices"
	"strings"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/ar"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/cy"
	"github.com/rickar/cal/v2/cz"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/ecb"
	"github.com/rickar/cal/v2/ee"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fi"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/gr"
	"github.com/rickar/cal/v2/hr"
	"github.com/rickar/cal/v2/hu"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/is"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/ke"
	"github.com/rickar/cal/v2/lt"
	"github.com/rickar/cal/v2/lu"
	"github.com/rickar/cal/v2/lv"
	"github.com/rickar/cal/v2/mt"
	"github.com/rickar/cal/v2/mw"
	"github.com/rickar/cal/v2/mx"
	"github.com/rickar/cal/v2/nc"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/pt"
	"github.com/rickar/cal/v2/ro"
	"github.com/rickar/cal/v2/rs"
	"github.com/rickar/cal/v2/ru"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/si"
	"github.com/rickar/cal/v2/sk"
	"github.com/rickar/cal/v2/th"
	"github.com/rickar/cal/v2/ua"
	"github.com/rickar/cal/v2/us"
	"github.com/rickar/cal/v2/za"
)

// holidaySource is one code of [Spec].Holidays and the rickar/cal list it names.
type holidaySource struct {
	code string
	list []*cal.Holiday // shared with rickar/cal: never written
}

// holidaySources is read-only: sorted by code, looked up by binary search.
var holidaySources = [...]holidaySource{
	{"AR", ar.Holidays},
	{"AT", at.Holidays},
	{"AU-ACT", au.HolidaysACT},
	{"AU-NSW", au.HolidaysNSW},
	{"AU-NT", au.HolidaysNT},
	{"AU-QLD", au.HolidaysQLD},
	{"AU-SA", au.HolidaysSA},
	{"AU-TAS", au.HolidaysTAS},
	{"AU-VIC", au.HolidaysVIC},
	{"AU-WA", au.HolidaysWA},
	{"BE", be.Holidays},
	{"BG", bg.Holidays},
	{"BR", br.Holidays},
	{"CA", ca.Holidays},
	{"CH", ch.Holidays},
	{"CH-AG", ch.HolidaysAG},
	{"CH-AI", ch.HolidaysAI},
	{"CH-AR", ch.HolidaysAR},
	{"CH-BE", ch.HolidaysBE},
	{"CH-BL", ch.HolidaysBL},
	{"CH-BS", ch.HolidaysBS},
	{"CH-FR", ch.HolidaysFR},
	{"CH-GE", ch.HolidaysGE},
	{"CH-GL", ch.HolidaysGL},
	{"CH-GR", ch.HolidaysGR},
	{"CH-JU", ch.HolidaysJU},
	{"CH-LU", ch.HolidaysLU},
	{"CH-NE", ch.HolidaysNE},
	{"CH-NW", ch.HolidaysNW},
	{"CH-OW", ch.HolidaysOW},
	{"CH-SG", ch.HolidaysSG},
	{"CH-SH", ch.HolidaysSH},
	{"CH-SO", ch.HolidaysSO},
	{"CH-SZ", ch.HolidaysSZ},
	{"CH-TG", ch.HolidaysTG},
	{"CH-TI", ch.HolidaysTI},
	{"CH-UR", ch.HolidaysUR},
	{"CH-VD", ch.HolidaysVD},
	{"CH-VS", ch.HolidaysVS},
	{"CH-ZG", ch.HolidaysZG},
	{"CH-ZH", ch.HolidaysZH},
	{"CY", cy.Holidays},
	{"CZ", cz.Holidays},
	{"DE", de.Holidays},
	{"DE-BB", de.HolidaysBB},
	{"DE-BE", de.HolidaysBE},
	{"DE-BW", de.HolidaysBW},
	{"DE-BY", de.HolidaysBY},
	{"DE-HB", de.HolidaysHB},
	{"DE-HE", de.HolidaysHE},
	{"DE-HH", de.HolidaysHH},
	{"DE-MV", de.HolidaysMV},
	{"DE-NI", de.HolidaysNI},
	{"DE-NW", de.HolidaysNW},
	{"DE-RP", de.HolidaysRP},
	{"DE-SH", de.HolidaysSH},
	{"DE-SL", de.HolidaysSL},
	{"DE-SN", de.HolidaysSN},
	{"DE-ST", de.HolidaysST},
	{"DE-TH", de.HolidaysTH},
	{"DK", dk.Holidays},
	{"ECB", ecb.Holidays},
	{"EE", ee.Holidays},
	{"ES", es.Holidays},
	{"FI", fi.Holidays},
	{"FR", fr.Holidays},
	{"GB", gb.Holidays},
	{"GR", gr.Holidays},
	{"HR", hr.Holidays},
	{"HU", hu.Holidays},
	{"IE", ie.Holidays},
	{"IS", is.Holidays},
	{"IT", it.Holidays},
	{"JP", jp.Holidays},
	{"KE", ke.Holidays},
	{"LT", lt.Holidays},
	{"LU", lu.Holidays},
	{"LV", lv.Holidays},
	{"MT", mt.Holidays},
	{"MW", mw.Holidays},
	{"MX", mx.Holidays},
	{"NC", nc.Holidays},
	{"NL", nl.Holidays},
	{"NO", no.Holidays},
	{"NZ", nz.Holidays},
	{"PL", pl.Holidays},
	{"PT", pt.Holidays},
	{"RO", ro.Holidays},
	{"RS", rs.Holidays},
	{"RU", ru.Holidays},
	{"SE", se.Holidays},
	{"SI", si.Holidays},
	{"SK", sk.Holidays},
	{"TH", th.Holidays},
	{"UA", ua.Holidays},
	{"US", us.Holidays},
	{"ZA", za.Holidays},
}

// HolidayCodes lists every code accepted in [Spec].Holidays, sorted.
func HolidayCodes() []string {
	out := make([]string, len(holidaySources))
	for i, s := range holidaySources {
		out[i] = s.code
	}
	return out
}

// holidayCode returns the index in holidaySources of a code, in any case, or false.
func holidayCode(code string) (int, bool) {
	return slices.BinarySearchFunc(holidaySources[:], strings.ToUpper(code), func(s holidaySource, c string) int {
		return strings.Compare(s.code, c)
	})
}

// holidayList returns the shared list for a code (case-insensitive), or false.
// Callers must not modify the returned slice: it belongs to rickar/cal.
func holidayList(code string) ([]*cal.Holiday, bool) {
	i, ok := holidayCode(code)
	if !ok {
		return nil, false
	}
	return holidaySources[i].list, true
}
