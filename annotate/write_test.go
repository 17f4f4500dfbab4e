package annotate

import (
	"strings"
	"testing"
)

// TestReorderWorkbook: moving Góp ý (the last sheet) first moves every
// sheet-scoped defined name with its sheet — a print area of the first
// sheet stays on it — and opens the copy on Góp ý.
func TestReorderWorkbook(t *testing.T) {
	in := `<workbook><bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews><sheets>` +
		`<sheet name="Đơn vị" sheetId="1" r:id="rId1"/><sheet name="Sinh hoạt" sheetId="2" r:id="rId2"></sheet><sheet name="Góp ý" sheetId="3" r:id="rId3"/></sheets>` +
		`<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'Đơn vị'!$A$1:$K$20</definedName>` +
		`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Sinh hoạt'!$A$1:$F$9</definedName><definedName name="x">1</definedName></definedNames></workbook>`
	out, err := reorderWorkbook([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		`<sheets><sheet name="Góp ý" sheetId="3" r:id="rId3"/><sheet name="Đơn vị"`,
		`localSheetId="1">'Đơn vị'!$A$1:$K$20`, `localSheetId="2" hidden="1">'Sinh hoạt'`,
		`activeTab="0"`, `<definedName name="x">1`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s in\n%s", want, s)
		}
	}
	if strings.Contains(s, "firstSheet") {
		t.Error("firstSheet kept: the tab strip would hide Góp ý")
	}
}

// TestCopyName: the copy's name from the input's, whatever its folder.
func TestCopyName(t *testing.T) {
	for in, want := range map[string]string{"khoi-2024.xlsx": "khoi-2024-gop-y.xlsx", "a/b/so.xlsm": "so-gop-y.xlsx", `c:\x\Chi bộ.xlsx`: "Chi bộ-gop-y.xlsx"} {
		if got := CopyName(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
