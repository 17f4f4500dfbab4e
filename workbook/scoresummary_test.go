package workbook

import (
	"testing"

	"github.com/bontot/bontot/criteria"
)

// FuzzScoreSummary: whatever a sheet holds, reading it as a year's
// summary never panics, and gives at most two meetings per row.
func FuzzScoreSummary(f *testing.F) {
	f.Add("STT\tKỳ sinh hoạt\tNgày sinh hoạt\tA (40 điểm)\tB (60 điểm)\tTổng điểm\tXếp loại\n1\tThường kỳ tháng 1\t10/01/2024\t38\t55\t93\tTốt\n2\tThường kỳ tháng 3 kết hợp chuyên đề quý I\t12/03/2024\t\t\t80\nCộng")
	f.Add("Kỳ sinh hoạt\tNgày\tTổng điểm\nChuyên đề quý V\t31/02/2024\t101\nThường kỳ\tabc\t-1")
	th := criteria.Default()
	th.UpperScoreGap = 5
	f.Fuzz(func(t *testing.T, text string) {
		rows := fuzzRows(text)
		h, ok := findSummaryHeader(rows)
		if !ok {
			return
		}
		fd := fuzzFile(&th)
		n := fd.readSummary("Tổng hợp", rows, h)
		if n != len(fd.rows) || n > 2*len(rows) {
			t.Errorf("%d meetings, %d rows recorded, from %d rows", n, len(fd.rows), len(rows))
		}
	})
}
