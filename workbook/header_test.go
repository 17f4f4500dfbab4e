package workbook

import (
	"testing"

	"github.com/bontot/bontot/criteria"
)

func TestMatchHeader(t *testing.T) {
	tests := []struct {
		sheet criteria.Sheet
		text  string
		key   string
	}{
		{criteria.SheetUnits, "Mã đơn vị", "code"},
		{criteria.SheetUnits, "ma don vi", "code"},
		{criteria.SheetUnits, "MÃ  ĐƠN VỊ", "code"},
		{criteria.SheetUnits, "Mã\nđơn vị", "code"},
		{criteria.SheetUnits, "Mã đơn vị (*)", "code"},
		{criteria.SheetUnits, "Mã đơn vị:", "code"},
		{criteria.SheetUnits, "[Cụm]", "cluster"},
		{criteria.SheetUnits, "Loại hình", "type"},
		{criteria.SheetMeetings, "Ngày (dd/mm/yyyy)", "date"},
		{criteria.SheetMeetings, "Tổng điểm", "score"},
		{criteria.SheetMeetings, "Tỷ lệ đảng viên tham gia", "g1"},
		{criteria.SheetMeetings, "Kết quả", "g5"},
		{criteria.SheetSelfAssessment, "Kết quả", "result"},
		{criteria.SheetMembers, "Họ tên", "name"},
		{criteria.SheetMembers, "Chức vụ", ""},
		{criteria.SheetMembers, "STT", ""},
	}
	for _, tt := range tests {
		if key, _ := matchHeader(tt.sheet, tt.text); key != tt.key {
			t.Errorf("matchHeader(%v, %q) = %q, want %q", tt.sheet, tt.text, key, tt.key)
		}
	}
}

func TestFindHeader(t *testing.T) {
	tests := []struct {
		name      string
		sheet     criteria.Sheet
		rows      [][]string
		headerEnd int
		index     map[string]int
		stt       int // -1: none
	}{
		{
			name:  "first row",
			sheet: criteria.SheetCommittee, rows: [][]string{{"Mã đơn vị", "Ngày", "Loại"}, {"DB01", "45306", "BCH"}},
			headerEnd: 1, index: map[string]int{"unit": 0, "date": 1, "kind": 2}, stt: -1,
		},
		{
			name:  "below title rows",
			sheet: criteria.SheetMembers,
			rows: [][]string{{"ĐẢNG BỘ KHỐI"}, {"", "DANH SÁCH ĐẢNG VIÊN"}, {}, {"STT", "Họ và tên", "Xếp loại"},
				{"1", "Nguyễn Văn A", "HTNV"}},
			headerEnd: 4, index: map[string]int{"name": 1, "rating": 2}, stt: 0,
		},
		{
			name:  "merged over two rows",
			sheet: criteria.SheetMeetings,
			rows: [][]string{
				{"STT", "Ngày", "Loại", "Điểm từng nhóm", "", "", "", "", "Điểm"},
				{"", "", "", "Tỷ lệ tham gia", "Chuẩn bị", "Tổ chức", "Nguyên tắc", "Kết quả", ""},
				{"1", "45306", "Thường kỳ", "18", "18", "18", "18", "18", "90"},
			},
			headerEnd: 2, stt: 0,
			index: map[string]int{"date": 1, "kind": 2, "g1": 3, "g2": 4, "g3": 5, "g4": 6, "g5": 7, "score": 8},
		},
		{
			// "Tổng" under "Điểm" only means the total read together.
			name:  "group title combined with its sub-header",
			sheet: criteria.SheetMeetings,
			rows: [][]string{
				{"Mã đơn vị", "Tháng", "Hình thức", "Điểm", ""},
				{"", "", "", "Tổng", "Chấm"},
			},
			headerEnd: 2, stt: -1,
			index: map[string]int{"unit": 0, "month": 1, "kind": 2, "score": 3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := findHeader(tt.sheet, tt.rows)
			if c == nil {
				t.Fatal("no header found")
			}
			if c.headerEnd != tt.headerEnd {
				t.Errorf("header ends at row %d, want %d", c.headerEnd, tt.headerEnd)
			}
			for k, i := range tt.index {
				if got, ok := c.index[k]; !ok || got != i {
					t.Errorf("column %s at %d (%v), want %d", k, got, ok, i)
				}
			}
			if len(c.index) != len(tt.index) {
				t.Errorf("bound %v, want %v", c.index, tt.index)
			}
			if tt.stt >= 0 && !c.stt[tt.stt] {
				t.Errorf("STT column %d not recognised", tt.stt)
			}
		})
	}
	if c := findHeader(criteria.SheetMembers, [][]string{{"DANH SÁCH"}, {"Họ và tên"}}); c != nil {
		t.Errorf("a single matching cell was taken for the header: %+v", c)
	}
}

func TestSkipRow(t *testing.T) {
	cols := &columns{stt: map[int]bool{0: true}}
	cols.resolve()
	tests := []struct {
		row  []string
		skip bool
	}{
		{[]string{}, true},
		{[]string{"", " ", ""}, true},
		{[]string{"12", "", ""}, true}, // a pre-numbered empty template row
		{[]string{"", "Cộng", "12"}, true},
		{[]string{"", "TỔNG CỘNG:", "12"}, true},
		{[]string{"Tổng cộng", "", "12"}, true},
		{[]string{"II", "Chi bộ trực thuộc"}, true},
		{[]string{"A.", "Đảng bộ cơ sở"}, true},
		{[]string{"1", "CB01", "Chi bộ A"}, false},
		{[]string{"I", "CB01", "Chi bộ A"}, false},
		{[]string{"", "Công đoàn", "HTNV"}, false},
		{[]string{"", "Công đoàn", "HTNV", "Cộng"}, false},
		{[]string{"Cộng", "Công đoàn", "HTNV"}, true},
		{[]string{"III", "", "", "Chi bộ cơ quan"}, true},
	}
	for _, tt := range tests {
		for i, v := range tt.row {
			tt.row[i] = clean(v) // as the reader hands rows over
		}
		if got := skipRow(tt.row, cols); got != tt.skip {
			t.Errorf("skipRow(%q) = %v, want %v", tt.row, got, tt.skip)
		}
	}
	for row, want := range map[string]bool{"(1)|(2)|(3)": true, "1|2|3": true, "A|B|1|2": true, "1|CB01": false, "1|": false} {
		if got := isNumberingRow(splitBar(row)); got != want {
			t.Errorf("isNumberingRow(%q) = %v, want %v", row, got, want)
		}
	}
}

func splitBar(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '|' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}
