package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// Regression: the CSV listed only the problems of a
// whole file, so a CSV of a workbook with cell errors had none while
// stderr pointed to a section it does not have. Every problem gets a row
// of its own after the checks, in report order: the unit's code, the
// severity, the located message and, last, the problem's code.
func TestCSVListsEveryProblem(t *testing.T) {
	r := fixture()
	r.Problems = append(r.Problems,
		criteria.Problem{File: "khoi.xlsx", Sheet: "Sinh hoạt", Cell: "D17", Unit: "CB03"}.Of(criteria.ScoreOutOfRange, "Điểm", "105", "100"),
		criteria.Problem{File: "cu/don-vi.xls"}.Of(criteria.FileForeignFormat, "sổ Excel cũ (.xls)"),
		criteria.Problem{Code: "file.lock_file", Severity: criteria.SeverityNote, File: "~$khoi.xlsx", Message: "=Tệp khóa"},
	)
	out := render(t, func(b *bytes.Buffer) error { return CSV(b, r) })
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, row := range rows {
		if row[0] == "problem" {
			got = append(got, row[2]+"|"+row[11]+"|"+row[14]+"|"+row[15])
		}
	}
	for _, p := range r.Problems {
		want = append(want, p.Unit+"|"+string(p.Severity)+"|"+neutralise(p.String())+"|"+p.Code)
	}
	if !slices.Contains(want, "CB03|error|khoi.xlsx › Sinh hoạt!D17: Điểm 105 ngoài khoảng 0–100|score.out_of_range") {
		t.Fatalf("test is wrong: %q", want)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problem rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if last := rows[len(rows)-1]; last[0] != "problem" {
		t.Errorf("problem rows do not come last: %v", last)
	}
}

// The Excel report carries the custom property by which a folder run
// recognises and skips it.
func TestXLSXReportIsMarked(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error { return XLSX(b, fixture(), XLSXOptions{}) })
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "docProps/custom.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Contains(data, []byte(`name="`+MarkerProperty+`"`)) {
			t.Errorf("docProps/custom.xml lacks the marker: %s", data)
		}
		return
	}
	t.Error("the report has no docProps/custom.xml")
}
