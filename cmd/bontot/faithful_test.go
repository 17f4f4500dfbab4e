package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bontot/bontot/workbook/workbooktest"
)

// editPart copies the example workbook to a temporary file with one part's
// bytes changed by edit, and returns its path.
func editPart(t *testing.T, name, part string, edit func([]byte) []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	found := false
	err := workbooktest.EditParts("../../testdata/khoi-2024.xlsx", p, func(n string, data []byte) ([]byte, error) {
		if n != part {
			return data, nil
		}
		found = true
		return edit(data), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	return p
}

// rowElement finds a <row> element of a sheet part by its number.
func rowElement(n string) *regexp.Regexp {
	return regexp.MustCompile(`<row r="` + n + `"[^>]*>.*?</row>`)
}

// TestBlankFormattedRowReadsAsDeleted: a row whose contents were deleted in
// Excel (a cell-less row that keeps its height and format) evaluates
// exactly as the row removed, in Sinh hoạt and in Đơn vị. Before the
// row-buffer fix, blanking Sinh hoạt's row 10 changed the verdict or rank
// of 9 of the 23 units.
func TestBlankFormattedRowReadsAsDeleted(t *testing.T) {
	for _, tc := range []struct{ part, row string }{
		{"xl/worksheets/sheet2.xml", "10"}, // Sinh hoạt
		{"xl/worksheets/sheet2.xml", "17"},
		{"xl/worksheets/sheet2.xml", "40"},
		{"xl/worksheets/sheet4.xml", "25"}, // Đảng viên
		{"xl/worksheets/sheet1.xml", "3"},  // Đơn vị, right under the first unit
	} {
		blank := editPart(t, "blank.xlsx", tc.part, func(b []byte) []byte {
			return rowElement(tc.row).ReplaceAll(b, []byte(`<row r="`+tc.row+`" spans="1:12" s="3" customFormat="1" ht="6" customHeight="1"/>`))
		})
		deleted := editPart(t, "deleted.xlsx", tc.part, func(b []byte) []byte {
			return rowElement(tc.row).ReplaceAll(b, nil)
		})
		jb, _, cb := runCmd(t, "evaluate", blank, "--format", "json")
		jd, _, cd := runCmd(t, "evaluate", deleted, "--format", "json")
		jb = strings.ReplaceAll(jb, "blank.xlsx", "X")
		jd = strings.ReplaceAll(jd, "deleted.xlsx", "X")
		if cb != cd || jb != jd {
			t.Errorf("%s row %s: blank formatted row (exit %d) reads unlike the row deleted (exit %d)", tc.part, tc.row, cb, cd)
		}
		if !strings.Contains(jb, `"code": "CB01"`) || strings.Count(jb, `"code": "CB05"`) != 1 {
			t.Errorf("%s row %s: units lost or doubled", tc.part, tc.row)
		}
	}
}

// TestUnescapedAmpersandIsAnError: one raw & in a sheet (or in the shared
// strings) refuses the workbook with a sentence naming the sheet and the
// place, instead of reading the sheet up to it; validate says so too.
func TestUnescapedAmpersandIsAnError(t *testing.T) {
	inSheet := editPart(t, "amp.xlsx", "xl/worksheets/sheet8.xml", func(b []byte) []byte { // Đơn thư vụ việc
		return bytes.Replace(b, []byte(`<c r="C3" t="s"><v>770</v></c>`), []byte(`<c r="C3" t="inlineStr"><is><t>Đơn thư & khiếu nại</t></is></c>`), 1)
	})
	inStrings := editPart(t, "amp-sst.xlsx", "xl/sharedStrings.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte(`<si><t>Mã đơn vị</t></si>`), []byte(`<si><t>Mã & đơn vị</t></si>`), 1)
	})
	for _, tc := range []struct{ path, where string }{
		{inSheet, `sheet "Đơn thư vụ việc", gần dòng 3`},
		{inStrings, `phần "xl/sharedStrings.xml"`},
	} {
		for _, cmd := range []string{"evaluate", "validate"} {
			out, errOut, code := runCmd(t, cmd, tc.path, "--format", "json")
			if cmd == "validate" {
				out, errOut, code = runCmd(t, cmd, tc.path)
			}
			if code != 1 || !strings.Contains(errOut, tc.where) || !strings.Contains(errOut, "&amp;") || strings.Contains(out, `"units"`) {
				t.Errorf("%s %s: exit %d, stderr %q; want exit 1 naming %q and the &", cmd, filepath.Base(tc.path), code, errOut, tc.where)
			}
		}
	}
}

// TestShapesEvaluateAlike: the example workbook rewritten into every shape
// real producers write (workbook/workbooktest's Rewrite) gives the same JSON, verdicts,
// evidence and problems, as the workbook as written.
func TestShapesEvaluateAlike(t *testing.T) {
	const example = "../../testdata/khoi-2024.xlsx"
	want, _, wantCode := runCmd(t, "evaluate", example, "--format", "json")
	for _, shape := range workbooktest.Shapes() {
		// Same base name: the JSON names the file.
		p := filepath.Join(t.TempDir(), "khoi-2024.xlsx")
		if err := workbooktest.Rewrite(example, p, shape); err != nil {
			t.Fatalf("%s: %v", shape, err)
		}
		got, _, code := runCmd(t, "evaluate", p, "--format", "json")
		if code != wantCode || got != want {
			t.Errorf("%s: exit %d, JSON differs from the workbook as written (exit %d)", shape, code, wantCode)
		}
	}
}
