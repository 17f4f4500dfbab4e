package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
)

// csvHeader names the CSV columns with the JSON keys of SPEC §5, so a script
// can move between the two formats without a lookup table. code is the
// unit's, as in the JSON unit objects; problem_code, last so that the
// columns before it keep their places, the problem's ("code" of a JSON
// problem object).
var csvHeader = []string{
	"type", "rank", "code", "name", "parent", "cluster", "verdict", "commendation",
	"criterion", "criterion_verdict", "check", "status", "value", "threshold", "message",
	"problem_code",
}

// utf8BOM makes Excel on Windows open the file as UTF-8 instead of the
// system code page, which would garble every Vietnamese letter.
const utf8BOM = "\uFEFF"

// CSV writes one row per unit × check (self-assessment items included) in
// report order, then one row per problem (type "problem", code the unit
// when there is one, status its severity — error, warning, note —,
// message "file › sheet!cell: what", problem_code its code); UTF-8 with a BOM,
// comma-separated with CRLF-free "\n" line ends. Numbers use a dot and
// their shortest exact form; an absent value is an empty cell. Every cell
// that a spreadsheet could take for a formula is neutralised (see
// neutralise).
func CSV(w io.Writer, r *criteria.Report) error {
	// A larger buffer than csv.Writer's own 4 KB: csv.NewWriter uses a
	// *bufio.Writer it is given as is, and a province runs to 45 MB.
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := io.WriteString(bw, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, ur := range r.Units {
		u := ur.Unit
		unitCols := []string{
			string(u.Type), strconv.Itoa(ur.Rank), u.Code, nfc.String(u.Name), u.Parent, nfc.String(u.Cluster),
			string(ur.Verdict), strconv.FormatBool(ur.Commendation),
		}
		for _, c := range ur.Criteria {
			for _, ch := range c.Checks {
				// A fresh slice per row: csv.Writer does not keep it, but the
				// unit's columns must not be shared with the next row's edits.
				row := make([]string, 0, len(csvHeader))
				row = append(row, unitCols...)
				row = append(row, c.ID, string(c.Verdict), ch.ID, string(ch.Status),
					machineNumber(finite(ch.Value)), machineNumber(finite(ch.Threshold)), nfc.String(ch.Message), "")
				for i := range row {
					// Controls go first, so that one cannot hide a
					// formula's "=" from neutralise.
					row[i] = neutralise(dropControls(row[i]))
				}
				if err := cw.Write(row); err != nil {
					return err
				}
			}
		}
	}
	// Every problem, a row each: a script reading the CSV learns why the
	// run exited 3 and which cell to fix without a second format. Row
	// problems show in their units' verdicts (loi_du_lieu) only as a
	// verdict; the message says the file, sheet and cell.
	for _, p := range r.Problems {
		row := make([]string, len(csvHeader))
		row[0], row[2], row[11], row[14], row[15] = "problem", p.Unit, string(p.Severity), nfc.String(p.String()), p.Code
		for i := range row {
			row[i] = neutralise(dropControls(row[i]))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralise prefixes an apostrophe to a cell that begins with a character
// Excel or LibreOffice would read as the start of a formula (=, +, -, @) or
// that hides one behind a tab or carriage return (OWASP "CSV injection").
// Unit names and evidence come from workbooks anyone may have edited.
func neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
