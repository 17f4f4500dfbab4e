package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
)

// A problem of a whole file (a workbook left out of a folder run) has no
// unit whose verdict shows it: the CSV gives it a row of its own, after the
// checks; problems of a sheet or cell do not get one.
func TestCSVListsWholeFileProblems(t *testing.T) {
	r := fixture()
	r.Problems = append(r.Problems,
		criteria.Problem{Severity: criteria.SeverityError, File: "cu/don-vi.xls", Message: "Đây là sổ Excel cũ (.xls)"},
		criteria.Problem{Severity: criteria.SeverityNote, File: "~$khoi.xlsx", Message: "=Tệp khóa"},
	)
	out := render(t, func(b *bytes.Buffer) error { return CSV(b, r) })
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range rows {
		if row[0] == "problem" {
			got = append(got, row[11]+"|"+row[14])
		}
	}
	want := []string{"error|cu/don-vi.xls: Đây là sổ Excel cũ (.xls)", "note|~$khoi.xlsx: =Tệp khóa"}
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
