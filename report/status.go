package report

import "github.com/bontot/bontot/criteria"

// The report's status vocabulary: how each status of a check, criterion or
// unit and each severity of a problem reads and looks in the terminal
// table, the Excel report and its chart. The long Vietnamese words are
// criteria's (Status.Label); the CSV and JSON write the codes (SPEC §5).
// A renderer asks these tables and keeps no colour or word of its own.

// verdictOrder is the ranking order of SPEC §2, used for the counts line and
// wherever verdicts are listed.
var verdictOrder = []criteria.Status{
	criteria.Met, criteria.Reachable, criteria.MissingData, criteria.NotMet, criteria.DataError,
}

// statusLook is how one status is shown.
type statusLook struct {
	// short is the word inside narrow table cells, so that an 80-column
	// terminal can hold the summary; the legend under the table spells
	// the abbreviations out (shortLegend).
	short string
	// mark is a one-character mark readable without colour; ascii its
	// stand-in for a legacy console whose font lacks ✓ and ✗.
	mark, ascii string
	// ansi is the SGR code of its colour on a terminal: green met, red
	// not met, yellow missing, cyan still reachable, magenta data error;
	// "" leaves the word plain.
	ansi string
	// fill and font are the Excel cell colours: the usual spreadsheet
	// good/bad/neutral palette, so that a verdict reads at a glance and
	// still differs in grey print.
	fill, font string
	// bar is the colour of a verdict's bar in the chart: the hue of fill,
	// dark enough to tell apart on paper; "" for a status no unit or
	// criterion has as a verdict.
	bar string
}

var statusLooks = map[criteria.Status]statusLook{
	criteria.Met:           {short: "Đạt", mark: "✓", ascii: "v", ansi: "32", fill: "C6EFCE", font: "006100", bar: "70AD47"},
	criteria.NotMet:        {short: "K.đạt", mark: "✗", ascii: "x", ansi: "31", fill: "FFC7CE", font: "9C0006", bar: "C00000"},
	criteria.MissingData:   {short: "Thiếu", mark: "?", ascii: "?", ansi: "33", fill: "FFEB9C", font: "9C5700", bar: "FFC000"},
	criteria.NotApplicable: {short: "K.áp dụng", mark: "–", ascii: "-", fill: "F2F2F2", font: "595959"},
	criteria.Reachable:     {short: "Còn KN", mark: "…", ascii: "~", ansi: "36", fill: "DDEBF7", font: "1F4E78", bar: "5B9BD5"},
	criteria.NotAssessed:   {short: "Chưa ĐG", mark: "○", ascii: "o", ansi: "33", fill: "FFF2CC", font: "7F6000"},
	criteria.DataError:     {short: "Lỗi DL", mark: "!", ascii: "!", ansi: "1;35", fill: "E4C1F9", font: "5B2C83", bar: "7030A0"},
}

// shortLabel is the status word used inside narrow table cells.
func shortLabel(s criteria.Status) string {
	if l, ok := statusLooks[s]; ok {
		return l.short
	}
	return string(s)
}

// shortLegend spells out the short words of the summary table, on two
// lines that fit 80 columns.
func shortLegend() [2]string {
	w := func(s criteria.Status) string { return statusLooks[s].short + " = " + s.Label() }
	return [2]string{
		"Viết tắt: " + w(criteria.NotMet) + "; " + w(criteria.MissingData) + "; " + w(criteria.Reachable) + ";",
		w(criteria.DataError) + "; Điểm = điểm bình quân sinh hoạt thường kỳ.",
	}
}

// severityLook is how one severity of a problem is shown.
type severityLook struct {
	label      string // Vietnamese name
	ansi       string // terminal colour in the list of problems; "" plain
	fill, font string // Excel cell colours, those of the matching status
}

var severityLooks = map[criteria.Severity]severityLook{
	criteria.SeverityError:   {label: "Lỗi", ansi: "31", fill: "FFC7CE", font: "9C0006"},
	criteria.SeverityWarning: {label: "Cảnh báo", fill: "FFEB9C", font: "9C5700"},
	criteria.SeverityNote:    {label: "Ghi chú", fill: "F2F2F2", font: "404040"},
}

// severityLabel is the Vietnamese name of a problem severity.
func severityLabel(s criteria.Severity) string {
	if l, ok := severityLooks[s]; ok {
		return l.label
	}
	return string(s)
}
