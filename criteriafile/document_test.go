package criteriafile

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bontot/bontot/criteria"
)

func TestParseDocument(t *testing.T) {
	file := `profile: hd17-2023
regular_meetings: 12
report:
  committee: "ĐẢNG ỦY SỞ TƯ PHÁP"
  number: 125-BC/ĐU
  place: Hà Nội
  date: 20/12/2024
  signer_title: BÍ THƯ
  signer: Nguyễn Văn A
  recipients: ["Ban Tổ chức Đảng ủy Khối", "Lưu Văn phòng"]
`
	d, err := ParseDocument([]byte(file), "tieu-chi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Committee != "ĐẢNG ỦY SỞ TƯ PHÁP" || d.Number != "125-BC/ĐU" || d.Place != "Hà Nội" || d.Signer != "Nguyễn Văn A" ||
		d.SignerTitle != "BÍ THƯ" || !d.Date.Equal(time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)) ||
		!slices.Equal(d.Recipients, []string{"Ban Tổ chức Đảng ủy Khối", "Lưu Văn phòng"}) {
		t.Errorf("document %+v", d)
	}
	// The rules of the same file read as before: the section is no rule.
	th, err := ParseThresholds([]byte(file), "tieu-chi.yaml")
	if err != nil || th.RegularMeetings != 12 {
		t.Errorf("thresholds beside a report section: %v", err)
	}
	// A file without the section: the zero document, every field blank.
	if d, err := ParseDocument([]byte("regular_meetings: 12\n"), "x.yaml"); err != nil || d.Committee != "" || !d.Date.IsZero() {
		t.Errorf("no section: %+v, %v", d, err)
	}
}

func TestParseDocumentErrors(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"report: Sở Tư pháp\n", `x.yaml dòng 1: khóa "report" phải là các dòng`},
		{"report:\n  date: 31/02/2024\n", "x.yaml dòng 2: khóa report.date phải là một ngày dd/mm/yyyy"},
		{"report:\n  signr: A\n", "x.yaml dòng 2: khóa report.signr không có; phần report gồm: upper_committee, committee"},
		{"report:\n  recipients: Lưu VP\n", "x.yaml dòng 2: khóa report.recipients phải là danh sách"},
		{"report:\n  committee: [a]\n", "x.yaml dòng 2: khóa report.committee phải là một dòng chữ"},
		{"report:\n  place: A\n  place: B\n", "x.yaml dòng 3: khóa report.place đã có ở dòng 2"},
		{"report:\n  place: A\nreport:\n  place: B\n", `x.yaml dòng 3: khóa "report" đã có ở dòng 1`},
	} {
		_, err := ParseDocument([]byte(c.file), "x.yaml")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want prefix %q", c.file, err, c.want)
		}
	}
}

// The export carries the report section, commented out, so that the file
// it writes still reads back to the same rules.
func TestExportCarriesDocumentExample(t *testing.T) {
	out := Marshal(criteria.Default())
	if !strings.Contains(string(out), "#   committee: \"ĐẢNG ỦY SỞ TƯ PHÁP\"") {
		t.Error("export has no report section example")
	}
	uncommented := strings.ReplaceAll(string(out), "\n# report:", "\nreport:")
	uncommented = strings.ReplaceAll(uncommented, "\n#   # ", "\n  # ")
	uncommented = strings.ReplaceAll(uncommented, "\n#   ", "\n  ")
	d, err := ParseDocument([]byte(uncommented), "x.yaml")
	if err != nil || d.Committee != "ĐẢNG ỦY SỞ TƯ PHÁP" || d.Date.IsZero() || len(d.Recipients) != 2 {
		t.Errorf("uncommented example: %+v, %v", d, err)
	}
	if _, err := ParseThresholds([]byte(uncommented), "x.yaml"); err != nil {
		t.Errorf("uncommented example breaks the rules: %v", err)
	}
}

// TestDocumentSectionRoundTrip: a criteria file exported from one with a
// report section keeps that section, filled in, and reads back to the same
// document and thresholds; without one the section is the commented
// example and reads back to nothing.
func TestDocumentSectionRoundTrip(t *testing.T) {
	d := criteria.Document{
		UpperCommittee: "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", Committee: "ĐẢNG ỦY SỞ TƯ PHÁP", Number: "125-BC/ĐU",
		Place: "Hà Nội", Date: time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC), SignerTitle: `BÍ THƯ "kiêm" GIÁM ĐỐC`,
		Signer: "Nguyễn Văn A", Recipients: []string{"Ban Tổ chức Đảng ủy Khối", "Lưu Văn phòng"},
	}
	th, err := criteria.ProfileThresholds(criteria.Profile2025)
	if err != nil {
		t.Fatal(err)
	}
	data := MarshalWithDocument(th, d)
	got, err := ParseDocument(data, "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("document read back as %+v, want %+v", got, d)
	}
	back, err := ParseThresholds(data, "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, th) {
		t.Errorf("thresholds changed by the report section")
	}
	if !strings.Contains(string(data), "\nreport:\n  # ") || !strings.Contains(string(data), `  on_behalf: ""`) {
		t.Errorf("section not written filled in:\n%s", data[bytes.LastIndex(data, []byte("── Thể thức")):])
	}

	plain := Marshal(th)
	if got, err := ParseDocument(plain, "x.yaml"); err != nil || !got.IsZero() {
		t.Errorf("the commented example reads as %+v, %v", got, err)
	}
	if !strings.Contains(string(plain), "\n# report:\n") {
		t.Error("no commented example without a document")
	}
}

// TestDocumentFieldsAreNotZero: every field the report section reads makes
// the Document non-zero, so that the export writes a committee's own
// section back rather than the example.
func TestDocumentFieldsAreNotZero(t *testing.T) {
	for _, f := range documentFields {
		var d criteria.Document
		switch f.key {
		case "date":
			d.Date = time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)
		case "recipients":
			d.Recipients = []string{"Lưu Văn phòng"}
		default:
			*f.text(&d) = "x"
		}
		if d.IsZero() {
			t.Errorf("%s set, IsZero says nothing is given", f.key)
		}
	}
}
