package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bontot/bontot/criteria"
	"github.com/xuri/excelize/v2"
)

// fixture2025 is the fixture under the 2025 rules: DB01-CB1 (chi bộ trực
// thuộc, dat, HTXSNV) on the second list, CB01 with five years HTXSNV and
// the higher award, DB01 with a history short of it.
func fixture2025(t *testing.T) *criteria.Report {
	t.Helper()
	r := fixture()
	th, err := criteria.ProfileThresholds(criteria.Profile2025)
	if err != nil {
		t.Fatal(err)
	}
	r.Thresholds, r.Rules.Profile = th, criteria.Profile2025
	for i := range r.Units {
		ur := &r.Units[i]
		switch ur.Unit.Code {
		case "DB01":
			ur.CommendationLevel = criteria.CommendUpper
			ur.History = &criteria.HistoryResult{
				HTXSNV:     criteria.Streak{Years: 2, From: 2023, To: 2024, ThisYear: true, Stop: "năm 2022 xếp loại HTTNV"},
				FourGood:   criteria.Streak{Years: 0, To: 2023, Stop: "năm 2023 không có trong Lịch sử"},
				Incomplete: true,
				Message:    "HTXSNV: 2 năm liên tục (2023–2024); trước đó năm 2022 xếp loại HTTNV; bốn tốt: năm 2024 chưa đạt bốn tốt; năm 2023 không có trong Lịch sử",
			}
		case "CB01":
			ur.CommendationLevel = criteria.CommendUpper
			ur.History = &criteria.HistoryResult{
				HTXSNV:      criteria.Streak{Years: 5, From: 2020, To: 2024, ThisYear: true, Stop: "năm 2019 không có trong Lịch sử"},
				FourGood:    criteria.Streak{Years: 3, From: 2022, To: 2024, ThisYear: true, Stop: "năm 2021 chưa ghi Bốn tốt"},
				HigherAward: true,
				Message:     "HTXSNV: 5 năm liên tục (2020–2024); trước đó năm 2019 không có trong Lịch sử; bốn tốt: 3 năm liên tục (2022–2024); trước đó năm 2021 chưa ghi Bốn tốt — HTXSNV đủ 5 năm liên tục: đề nghị khen thưởng cấp cao hơn",
			}
		case "DB01-CB1":
			ur.Commendation, ur.CommendationLevel = true, criteria.CommendGrassroots
		case "DB02-CB2": // not dat this year: its bốn tốt run ended in 2023
			ur.History = &criteria.HistoryResult{
				HTXSNV:      criteria.Streak{Years: 5, From: 2020, To: 2024, ThisYear: true, Stop: "năm 2019 không có trong Lịch sử"},
				FourGood:    criteria.Streak{Years: 6, From: 2018, To: 2023, Stop: "năm 2017 không có trong Lịch sử"},
				HigherAward: true,
				Message:     "HTXSNV: 5 năm liên tục (2020–2024); …",
			}
		}
	}
	return r
}

// rawJSON is v as encoding/json writes it, for the reference document.
func rawJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSpace(b.Bytes())
}

type jsonStreak struct {
	Years    int    `json:"years"`
	From     *int   `json:"from"`
	To       *int   `json:"to"`
	ThisYear bool   `json:"this_year"`
	Stop     string `json:"stop"`
}

type jsonHistory struct {
	HTXSNV      jsonStreak `json:"htxsnv"`
	FourGood    jsonStreak `json:"bon_tot"`
	HigherAward bool       `json:"higher_award"`
	Incomplete  bool       `json:"incomplete"`
	Message     string     `json:"message"`
}

// historyDoc is the "history" value of SPEC §6 for h (nil: null).
func historyDoc(h *criteria.HistoryResult) *jsonHistory {
	if h == nil {
		return nil
	}
	streak := func(s criteria.Streak) jsonStreak {
		js := jsonStreak{Years: s.Years, ThisYear: s.ThisYear, Stop: s.Stop}
		if s.Years > 0 {
			js.From, js.To = &s.From, &s.To
		}
		return js
	}
	return &jsonHistory{HTXSNV: streak(h.HTXSNV), FourGood: streak(h.FourGood), HigherAward: h.HigherAward, Incomplete: h.Incomplete, Message: h.Message}
}

// TestJSON2025Keys: the 2025 rules add commendation_level and history to
// every unit, as encoding/json would write them; hd17-2023 adds neither.
func TestJSON2025Keys(t *testing.T) {
	r := fixture2025(t)
	var got bytes.Buffer
	if err := JSON(&got, r); err != nil {
		t.Fatal(err)
	}
	if want := referenceJSON(t, r); !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("streamed JSON differs from encoding/json\n--- got ---\n%s\n--- want ---\n%s", got.Bytes(), want)
	}
	for _, want := range []string{`"commendation": true,
      "commendation_level": "dang_uy_co_so",
      "history": null,`, `"commendation_level": "cap_tren_co_so",
      "history": {
        "htxsnv": {
          "years": 5,
          "from": 2020,`, `"bon_tot": {
          "years": 0,
          "from": null,
          "to": null,
          "this_year": false,`, `"higher_award": true,`} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("JSON lacks\n%s", want)
		}
	}
	var old bytes.Buffer
	if err := JSON(&old, fixture()); err != nil {
		t.Fatal(err)
	}
	if s := old.String(); strings.Contains(s, "commendation_level") || strings.Contains(s, `"history"`) {
		t.Error("hd17-2023 JSON has a 2025 key")
	}
}

// TestTable2025Lists: the bloc view shows the second list grouped by đảng
// ủy cơ sở and the units for a higher award; a unit's view says which
// list and its years in a row; hd17-2023 shows neither section.
func TestTable2025Lists(t *testing.T) {
	r := fixture2025(t)
	out := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{}) }))
	for _, want := range []string{
		"ĐỀ NGHỊ ĐẢNG ỦY CƠ SỞ TẶNG GIẤY KHEN (chi bộ trực thuộc đạt “bốn tốt”, xếp loại\nHTXSNV; khen thưởng theo Hướng dẫn 06-HD/TW)",
		"  DB01 Đảng bộ Sở Tài chính:\n    - DB01-CB1 Chi bộ Phòng Ngân sách (hạng 1/3 chi bộ trực thuộc)",
		"ĐỀ NGHỊ KHEN THƯỞNG CẤP CAO HƠN (HTXSNV đủ 5 năm liên tục, Hướng dẫn 06-HD/TW)",
		"  - CB01 Chi bộ Sở Tư pháp (chi bộ cơ sở): HTXSNV: 5 năm liên tục (2020–2024)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "DB01 Đảng bộ Sở Tài chính (đảng bộ cơ sở): HTXSNV") {
		t.Error("DB01, two years, is listed for a higher award")
	}
	sub := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{Unit: "DB01-CB1"}) }))
	if !strings.Contains(sub, " · đề nghị đảng ủy cơ sở tặng giấy khen") || strings.Contains(sub, "Các năm liên tục") {
		t.Errorf("DB01-CB1 view:\n%s", sub)
	}
	cb := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{Unit: "CB01"}) }))
	if !strings.Contains(cb, " · đề xuất tặng giấy khen\nCác năm liên tục:\n  HTXSNV: 5 năm liên tục (2020–2024)") {
		t.Errorf("CB01 view:\n%s", cb)
	}
	for _, view := range []string{out, cb, sub} {
		for _, l := range strings.Split(view, "\n") {
			if n := utf8.RuneCountInString(l); n > MinWidth {
				t.Errorf("line of %d columns: %q", n, l)
			}
		}
	}
	color := string(render(t, func(b *bytes.Buffer) error { return Table(b, r, TableOptions{Color: true}) }))
	if !strings.Contains(color, "\x1b[1mĐỀ NGHỊ ĐẢNG ỦY CƠ SỞ TẶNG GIẤY KHEN") || strings.Contains(color, "␛") {
		t.Error("the 2025 titles are not bold in colour, or show their escape codes")
	}
	old := string(render(t, func(b *bytes.Buffer) error { return Table(b, fixture(), TableOptions{}) }))
	if strings.Contains(old, "ĐẢNG ỦY CƠ SỞ TẶNG") || strings.Contains(old, "CẤP CAO HƠN") {
		t.Error("hd17-2023 table has a 2025 section")
	}
}

// TestXLSX2025CommendationSheet: the first list keeps its units, the
// second list and the higher awards follow on the same sheet, inside its
// used range.
func TestXLSX2025CommendationSheet(t *testing.T) {
	data := render(t, func(b *bytes.Buffer) error { return XLSX(b, fixture2025(t), XLSXOptions{}) })
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetCommendation)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, strings.Join(r, "|"))
	}
	got := strings.Join(lines, "\n")
	// The three lists, each titled, follow one another between the heading
	// and the signature, in the columns of the first.
	want := strings.Join([]string{
		"1. Danh sách đề nghị tặng giấy khen",
		"Chi bộ cơ sở, đảng bộ cơ sở đạt “bốn tốt” năm 2024 và được xếp loại “Hoàn thành xuất sắc nhiệm vụ” (Hướng dẫn 17-HD/ĐUK).",
		"STT|Mã|Tên đơn vị|Loại|Xếp loại|Căn cứ đề nghị",
		"1|DB01|Đảng bộ Sở Tài chính|Đảng bộ cơ sở|HTXSNV|Đạt “bốn tốt” năm 2024 (4/4 tiêu chí đạt); tự xếp loại HTXSNV; hạng 1/2 đảng bộ cơ sở",
		"2|CB01|Chi bộ Sở Tư pháp|Chi bộ cơ sở|HTXSNV|Đạt “bốn tốt” năm 2024 (4/4 tiêu chí đạt); tự xếp loại HTXSNV; hạng 1/4 chi bộ cơ sở",
		"Tổng số|||2 đơn vị",
		"",
		"2. Danh sách đề nghị đảng ủy cơ sở tặng giấy khen",
		"Chi bộ trực thuộc đạt “bốn tốt” năm 2024 và được xếp loại “Hoàn thành xuất sắc nhiệm vụ”, theo từng đảng ủy cơ sở; đảng ủy cơ sở khen thưởng theo Hướng dẫn 06-HD/TW.",
		"STT|Mã|Tên đơn vị|Loại|Xếp loại|Căn cứ đề nghị",
		"1|DB01-CB1|Chi bộ Phòng Ngân sách|Chi bộ trực thuộc|HTXSNV|Đạt “bốn tốt” năm 2024 (4/4 tiêu chí đạt); xếp loại HTXSNV; thuộc DB01 Đảng bộ Sở Tài chính",
		"Tổng số|||1 đơn vị",
		"",
		"3. Danh sách đề nghị khen thưởng cấp cao hơn",
		"Đơn vị “Hoàn thành xuất sắc nhiệm vụ” đủ 5 năm liên tục đến năm 2024 (Hướng dẫn 06-HD/TW).",
		"STT|Mã|Tên đơn vị|Loại|Xếp loại|Căn cứ đề nghị",
		// The grounds are the HTXSNV years alone, though CB01 is "bốn tốt"
		// three years running (Hướng dẫn 06-HD/TW §19).
		"1|CB01|Chi bộ Sở Tư pháp|Chi bộ cơ sở|HTXSNV|HTXSNV 5 năm liên tục (2020–2024)",
		"2|DB02-CB2|Chi bộ Phòng Giáo dục trung học|Chi bộ trực thuộc|HTNV|HTXSNV 5 năm liên tục (2020–2024)",
		"Tổng số|||2 đơn vị",
	}, "\n")
	if !strings.Contains(got, want) {
		t.Errorf("commendation sheet:\n%s\nwant within it:\n%s", got, want)
	}
	// The used range reaches the signature below the last list.
	last := len(rows)
	if dim, _ := f.GetSheetDimension(SheetCommendation); !strings.HasSuffix(dim, fmt.Sprint(last)) {
		t.Errorf("dimension %s does not reach row %d", dim, last)
	}
}
