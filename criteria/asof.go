package criteria

import (
	"strconv"
	"time"
)

func dayKey(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

// counts reports whether a row dated t is taken into account. An undated
// row (a case with no date) always counts: it happened in the year.
func (e *evaluator) counts(t time.Time) bool {
	return !e.asOf || t.IsZero() || dayKey(t) <= dayKey(e.opts.AsOf)
}

// yearOver reports whether nothing more can happen in the evaluation year:
// always without --as-of, and from 31/12 on with it.
func (e *evaluator) yearOver() bool {
	return !e.asOf || dayKey(e.opts.AsOf) >= e.year*10000+1231
}

// futureRegular is how many regular meetings the rest of the year can
// still hold: one per month after the self-check date's month, plus that
// month itself if it has none yet (SPEC §2, "Self-check"). It is zero
// without --as-of and from 31/12 on.
func (e *evaluator) futureRegular(v *view) int {
	if e.yearOver() {
		// On 31/12 the data of the whole year is in: the year is judged
		// as ended, as every other check judges it then.
		return 0
	}
	switch {
	case e.opts.AsOf.Year() > e.year:
		return 0
	case e.opts.AsOf.Year() < e.year:
		return 12
	}
	month := e.opts.AsOf.Month()
	f := 12 - int(month)
	if v.regularByMonth[month] == 0 {
		f++
	}
	return f
}

// deadline is "31/12/2024", the date a self-check counts towards.
func (e *evaluator) deadline() string { return "31/12/" + strconv.Itoa(e.year) }

func regularIn(ms []Meeting, year int, month time.Month) []Meeting {
	var out []Meeting
	for _, m := range ms {
		if m.Kind == Regular && m.Date.Year() == year && m.Date.Month() == month {
			out = append(out, m)
		}
	}
	return out
}
