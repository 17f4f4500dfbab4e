package report

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/nfc"
	"github.com/bontot/bontot/internal/xlsxout"
)

// typeColors are the bar colours per unit type in the score chart.
var typeColors = map[criteria.UnitType]string{
	criteria.Committee:       "1F4E79",
	criteria.CellGrassroots:  "5B9BD5",
	criteria.CellSubordinate: "A5A5A5",
}

// noCluster names the units that belong to no cluster in the figures. The
// cluster chart leaves them out: in a province they are the thousands of
// chi bộ trực thuộc, a bar that would flatten every cluster's.
const noCluster = "(không thuộc cụm — không vẽ)"

// Layout of Biểu đồ: sixteen columns of equal width, two charts side by
// side under the title, the cluster chart below them across the page, and
// the figures the charts draw from under the print area.
const (
	chartCols     = 16
	chartColWidth = 9.0 // characters; about 68 pixels
	chartColPx    = 68
	chartRowPx    = 20 // a default row of 15 points
)

// charts writes Biểu đồ: native Excel charts (they redraw when a figure is
// corrected by hand) of the verdicts per unit type and per cluster and of
// the units' mean meeting scores by quality band, printable on one page.
func (x *xlsxWriter) charts() error {
	sheet, st, f := SheetCharts, x.st, x.f
	if err := x.newSheet(sheet); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(chartCols)
	if err := f.SetColWidth(sheet, "A", lastCol, chartColWidth); err != nil {
		return err
	}
	if err := x.text(sheet, 1, 1, chartCols, fmt.Sprintf("BIỂU ĐỒ KẾT QUẢ ĐÁNH GIÁ “BỐN TỐT” NĂM %d", x.r.Year), st.docTitle); err != nil {
		return err
	}
	if len(x.r.Units) == 0 {
		if err := x.text(sheet, 3, 1, chartCols, "Không có đơn vị nào được đánh giá: không có biểu đồ.", st.docLeft); err != nil {
			return err
		}
		return x.chartPage(sheet, 3, 3)
	}

	// The verdicts that occur, in ranking order: a series per verdict.
	seen := map[criteria.Status]bool{}
	for _, ur := range x.r.Units {
		seen[ur.Verdict] = true
	}
	var verdicts []criteria.Status
	for _, v := range []criteria.Status{criteria.Met, criteria.NotMet, criteria.MissingData, criteria.Reachable, criteria.DataError} {
		if seen[v] || v == criteria.Met || v == criteria.NotMet {
			verdicts = append(verdicts, v)
		}
	}
	var types []criteria.UnitType
	byType := map[criteria.UnitType]map[criteria.Status]int{}
	var clusters []string
	byCluster := map[string]map[criteria.Status]int{}
	for _, ur := range x.r.Units {
		t := ur.Unit.Type
		if byType[t] == nil {
			byType[t] = map[criteria.Status]int{}
			types = append(types, t)
		}
		byType[t][ur.Verdict]++
		c := nfc.String(ur.Unit.Cluster)
		if c == "" {
			c = noCluster
		}
		if byCluster[c] == nil {
			byCluster[c] = map[criteria.Status]int{}
			clusters = append(clusters, c)
		}
		byCluster[c][ur.Verdict]++
	}
	slices.SortFunc(clusters, func(a, b string) int {
		switch {
		case a == noCluster:
			return 1
		case b == noCluster:
			return -1
		}
		return criteria.NaturalCompare(a, b)
	})

	// Heights: the cluster chart grows with the clusters, 18 pixels a bar.
	topH := 300
	named := len(clusters) // the clusters drawn: all but noCluster
	if named > 0 && clusters[named-1] == noCluster {
		named--
	}
	clusterH := min(max(260, 90+18*named), 620)
	clusterRow := 3 + topH/chartRowPx + 1
	printEnd := clusterRow + clusterH/chartRowPx + 1
	row := printEnd + 2

	// The figures, under the print area.
	if err := x.text(sheet, row, 1, chartCols, "Số liệu của các biểu đồ", st.listTitle); err != nil {
		return err
	}
	row += 2
	verdictHeader := []any{"Loại đơn vị"}
	for _, v := range verdicts {
		verdictHeader = append(verdictHeader, v.Label())
	}
	typeTable := row
	if err := x.figures(sheet, row, verdictHeader, len(types), func(i int) []any {
		out := []any{types[i].Label()}
		for _, v := range verdicts {
			out = append(out, byType[types[i]][v])
		}
		return out
	}); err != nil {
		return err
	}
	row += len(types) + 2
	clusterHeader := slices.Clone(verdictHeader)
	clusterHeader[0] = "Cụm"
	clusterTable := row
	if err := x.figures(sheet, row, clusterHeader, len(clusters), func(i int) []any {
		out := []any{clusters[i]}
		for _, v := range verdicts {
			out = append(out, byCluster[clusters[i]][v])
		}
		return out
	}); err != nil {
		return err
	}
	row += len(clusters) + 2
	th := x.r.Thresholds
	if th.MeetingGood == 0 && th.MeetingFair == 0 {
		th = criteria.Default() // a report built by hand: the guidance's bands
	}
	bands := criteria.Describe(th).MeetingBands
	scores := map[criteria.UnitType][]int{}
	unscored := map[criteria.UnitType]int{}
	for _, ur := range x.r.Units {
		t := ur.Unit.Type
		if scores[t] == nil {
			scores[t] = make([]int, len(bands))
		}
		if !ur.HasMeanScore {
			unscored[t]++
			continue
		}
		for b, band := range bands {
			if ur.MeanScore >= band.From && ur.MeanScore < band.Below {
				scores[t][b]++
				break
			}
		}
	}
	bandHeader := []any{"Điểm sinh hoạt bình quân"}
	for _, t := range types {
		bandHeader = append(bandHeader, t.Label())
	}
	bandTable := row
	if err := x.figures(sheet, row, bandHeader, len(bands)+1, func(i int) []any {
		label := "Chưa có điểm (không vẽ)"
		if i < len(bands) {
			label = bands[i].Legend()
		}
		out := []any{label}
		for _, t := range types {
			if i < len(bands) {
				out = append(out, scores[t][i])
			} else {
				out = append(out, unscored[t])
			}
		}
		return out
	}); err != nil {
		return err
	}

	ref := func(col, row1, row2 int) string {
		c, _ := excelize.ColumnNumberToName(col)
		if row2 == 0 {
			return fmt.Sprintf("'%s'!$%s$%d", sheet, c, row1)
		}
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, c, row1, c, row2)
	}
	verdictSeries := func(table, n int) []excelize.ChartSeries {
		var out []excelize.ChartSeries
		for i, v := range verdicts {
			out = append(out, excelize.ChartSeries{
				Name:       ref(i+2, table, 0),
				Categories: ref(1, table+1, table+n),
				Values:     ref(i+2, table+1, table+n),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{statusLooks[v].bar}},
			})
		}
		return out
	}
	halfW := uint(chartCols / 2 * chartColPx)
	if err := f.AddChart(sheet, "A3", x.chart(excelize.ColStacked, "Kết quả theo loại đơn vị", verdictSeries(typeTable, len(types)), halfW-8, uint(topH), false)); err != nil {
		return err
	}
	var bandSeries []excelize.ChartSeries
	for i, t := range types {
		bandSeries = append(bandSeries, excelize.ChartSeries{
			Name:       ref(i+2, bandTable, 0),
			Categories: ref(1, bandTable+1, bandTable+len(bands)),
			Values:     ref(i+2, bandTable+1, bandTable+len(bands)),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{typeColors[t]}},
		})
	}
	right, _ := excelize.ColumnNumberToName(chartCols/2 + 1)
	if err := f.AddChart(sheet, right+"3", x.chart(excelize.Col, "Số đơn vị theo điểm sinh hoạt thường kỳ bình quân", bandSeries, halfW-8, uint(topH), false)); err != nil {
		return err
	}
	if named == 0 {
		if err := x.text(sheet, clusterRow, 1, chartCols, "Không có đơn vị nào thuộc một cụm: không có biểu đồ theo cụm.", st.docLeft); err != nil {
			return err
		}
	} else if err := f.AddChart(sheet, fmt.Sprintf("A%d", clusterRow), x.chart(excelize.BarStacked, "Kết quả theo cụm", verdictSeries(clusterTable, named), uint(chartCols*chartColPx-8), uint(clusterH), true)); err != nil {
		return err
	}
	return x.chartPage(sheet, printEnd, bandTable+len(bands)+1)
}

// chart is one chart of Biểu đồ in the report's typeface. reverse lists a
// horizontal bar chart's categories from the top, in table order.
func (x *xlsxWriter) chart(typ excelize.ChartType, title string, series []excelize.ChartSeries, w, h uint, reverse bool) *excelize.Chart {
	// Black: without a colour LibreOffice draws axis labels pale grey.
	font := excelize.Font{Family: fontName, Size: 10, Color: "000000"}
	overlap := 100
	gap := uint(60)
	c := &excelize.Chart{
		Type:      typ,
		Series:    series,
		Dimension: excelize.ChartDimension{Width: w, Height: h},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: title, Font: &excelize.Font{Family: fontName, Size: 12, Bold: true},
		}}},
		Legend: excelize.ChartLegend{Position: "bottom", Font: &font},
		// Values on the bars, zeros left out: a stack of "0" labels says
		// nothing and hides the bars beside it.
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;-0;;"}},
		XAxis:    excelize.ChartAxis{Font: font, ReverseOrder: reverse},
		YAxis:    excelize.ChartAxis{Font: font, MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		GapWidth: &gap,
	}
	if typ != excelize.Col {
		c.Overlap = &overlap
	}
	return c
}

// figures writes a small table of the figures a chart draws from.
func (x *xlsxWriter) figures(sheet string, row int, header []any, n int, line func(int) []any) error {
	st := x.st
	cols := make([]column, len(header))
	styles := make([]int, len(header))
	for i := range header {
		cols[i] = column{"", chartColWidth}
		styles[i] = st.header
	}
	cols[0].width = 3 * chartColWidth
	first, _ := excelize.CoordinatesToCellName(1, row)
	if err := x.f.SetSheetRow(sheet, first, &header); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(header), row)
	if err := x.f.SetCellStyle(sheet, first, last, st.header); err != nil {
		return err
	}
	for i := range n {
		values := line(i)
		styles := make([]int, len(values))
		styles[0] = st.text
		for j := 1; j < len(values); j++ {
			styles[j] = st.integer
		}
		if err := x.putRow(sheet, cols, row+1+i, values, styles); err != nil {
			return err
		}
	}
	return nil
}

// chartPage prints rows 1…lastRow of Biểu đồ on one A4 landscape page,
// fitted (a picture, not text), in the document's margins, without a
// footer;
// usedRow is the last row of the figures, the sheet's used range.
func (x *xlsxWriter) chartPage(sheet string, lastRow, usedRow int) error {
	f := x.f
	lastCol, _ := excelize.ColumnNumberToName(chartCols)
	// excelize leaves <dimension ref="A1"> here too.
	if err := xlsxout.SetDimension(f, sheet, chartCols, usedRow); err != nil {
		return err
	}
	if err := xlsxout.A4(f, sheet, "landscape", 1); err != nil {
		return err
	}
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: ptr(marginLeft), Right: ptr(marginRight), Top: ptr(marginTop), Bottom: ptr(marginBottom),
		Header: ptr(marginHeader), Footer: ptr(marginFooter), Horizontally: ptr(true),
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, lastCol, lastRow),
	})
}

// text writes text into columns c1…c2 of a row of a sheet kept in memory,
// merged when they are more than one, with one style over the range.
func (x *xlsxWriter) text(sheet string, row, c1, c2 int, text string, style int) error {
	from, _ := excelize.CoordinatesToCellName(c1, row)
	to, _ := excelize.CoordinatesToCellName(c2, row)
	if c2 > c1 {
		if err := x.f.MergeCell(sheet, from, to); err != nil {
			return err
		}
	}
	if text != "" {
		if err := x.f.SetCellStr(sheet, from, text); err != nil {
			return err
		}
	}
	return x.f.SetCellStyle(sheet, from, to, style)
}
