package xlsxscan

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fuzzCompare writes a one-sheet workbook and checks the scanner against
// excelize. A fallback is fine; a difference is not.
func fuzzCompare(t *testing.T, sheet, sst string) {
	p := filepath.Join(t.TempDir(), "f.xlsx")
	writeXLSX(t, p, sst, false, sheet)
	f, err := excelize.OpenFile(p, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Skip()
	}
	f.Close()
	compareFile(t, p, nil)
}

// FuzzSheet mutates the content of sheetData and the string items of the
// shared strings table as free text: the scanner must never accept XML in a
// way encoding/xml (and so excelize) reads differently.
//
//	go test ./internal/xlsxscan -run '^$' -fuzz FuzzSheet -fuzztime 60s
func FuzzSheet(f *testing.F) {
	for _, data := range handSheets {
		if len(data) < 2000 && !bigRow.MatchString(data) {
			f.Add(data, `<si><t>x</t></si><si><r><t>a</t></r><r><t>b</t></r></si>`)
		}
	}
	for _, data := range oddSheets {
		f.Add(data, `<si><t>y</t></si>`)
	}
	for _, data := range handoverSheets {
		f.Add(data, `<si><t>z</t></si><si><t xml:space="preserve"> z&amp;</t></si>`)
	}
	f.Add(excelLike, `<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si><si><t>d</t></si><si><t>e</t></si>`)
	f.Fuzz(func(t *testing.T, data, items string) {
		if bigRow.MatchString(data) {
			return // a million gap rows per run would slow the fuzzer to a halt
		}
		fuzzCompare(t, sheetDoc(data), sstDoc(items))
	})
}

// FuzzCells builds well-formed sheets from fuzz bytes: each byte picks a row
// or cell shape, attributes and a value from pools mixed with fuzz text, so
// that the row/cell state machine is explored rather than the XML syntax.
//
//	go test ./internal/xlsxscan -run '^$' -fuzz FuzzCells -fuzztime 60s
func FuzzCells(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, "text")
	f.Add([]byte{0x80, 0x13, 0x27, 0x45, 0x81, 0x99, 0xfe, 0x02}, "a&b")
	f.Add([]byte("\x00\x10\x20\x30\x40\x50\x60\x70\x80\x90\xa0\xb0\xc0\xd0\xe0\xf0"), "_x0041_ ")
	f.Fuzz(func(t *testing.T, ops []byte, text string) {
		if len(ops) > 400 {
			return
		}
		fuzzCompare(t, sheetDoc(buildCells(ops, text)), commonSST)
	})
}

var bigRow = regexp.MustCompile(`[0-9]{5}`)

var (
	fuzzTypes  = []string{"", ` t="s"`, ` t="n"`, ` t="b"`, ` t="e"`, ` t="str"`, ` t="inlineStr"`, ` t="d"`, ` t="S"`}
	fuzzValues = []string{"0", "1", "2", "10", "3.5", "1E+20", "-0", " 4 ", "#N/A", "", "abc", "&amp;", "&#x41;", "12345678901234567890", "00", "<![CDATA[7]]>"}
)

func buildCells(ops []byte, text string) string {
	text = escapeXML(text)
	var sb strings.Builder
	inRow, rowNum, col := false, 0, 0
	for i, op := range ops {
		arg := 0
		if i+1 < len(ops) {
			arg = int(ops[i+1])
		}
		switch op >> 5 {
		case 0, 1: // new row
			if inRow {
				sb.WriteString("</row>")
			}
			col = 0
			switch arg % 4 {
			case 0:
				sb.WriteString("<row>")
				rowNum++
			case 1:
				rowNum += 1 + arg%4
				fmt.Fprintf(&sb, `<row r="%d" spans="1:5">`, rowNum)
			case 2:
				rowNum += 1 + arg%3
				fmt.Fprintf(&sb, `<row r="%d" spans="1:5" ht="15.75" x14ac:dyDescent="0.25">`, rowNum)
			default:
				rowNum += 1 + arg%2
				fmt.Fprintf(&sb, `<row r="%d"/>`, rowNum)
				inRow = false
				continue
			}
			inRow = true
		default: // a cell
			if !inRow {
				rowNum++
				sb.WriteString("<row>")
				inRow, col = true, 0
			}
			ref := ""
			if op&1 == 1 {
				col += 1 + int(op>>1)%3
				name, _ := excelize.CoordinatesToCellName(col, max(rowNum, 1))
				ref = ` r="` + name + `"`
			} else {
				col++
			}
			typ := fuzzTypes[arg%len(fuzzTypes)]
			val := fuzzValues[int(op)%len(fuzzValues)]
			if op&2 == 2 {
				val = text
			}
			style := ""
			if op&4 == 4 {
				style = ` s="1"`
			}
			switch (arg >> 4) % 10 {
			case 0:
				fmt.Fprintf(&sb, `<c%s%s%s><v>%s</v></c>`, ref, style, typ, val)
			case 1:
				fmt.Fprintf(&sb, `<c%s%s%s><f>A1</f><v>%s</v></c>`, ref, style, typ, val)
			case 2:
				fmt.Fprintf(&sb, `<c%s%s%s/>`, ref, style, typ)
			case 3:
				fmt.Fprintf(&sb, `<c%s%s t="inlineStr"><is><r><t>%s</t></r><r><t xml:space="preserve"> %s</t></r><rPh><t>p</t></rPh></is></c>`, ref, style, val, text)
			case 4:
				fmt.Fprintf(&sb, `<c%s%s%s><f t="shared" si="0"/></c>`, ref, style, typ)
			case 5:
				fmt.Fprintf(&sb, `<c%s%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, style, val)
			case 6:
				fmt.Fprintf(&sb, "<c%s%s%s>\n <f t=\"shared\" ref=\"A1:A9\" si=\"1\">%s</f>\r\n <v>%s</v>\n</c>", ref, style, typ, text, val)
			case 7:
				fmt.Fprintf(&sb, `<c%s%s%s><v>%s</v><v/></c>`, ref, style, typ, val)
			case 8:
				fmt.Fprintf(&sb, `<c%s%s%s><is/><v>%s</v></c>`, ref, style, typ, val)
			default:
				fmt.Fprintf(&sb, `<c%s%s%s><is><t>%s</t><t/></is><v>%s</v></c>`, ref, style, typ, text, val)
			}
		}
	}
	if inRow {
		sb.WriteString("</row>")
	}
	return sb.String()
}

func escapeXML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// rowShapes are whole rows as producers write them; %[1]d is the row
// number, %[2]s the cells. The cell-less ones are what Excel writes for a
// blank row that keeps a height or a format.
var rowShapes = []string{
	`<row r="%[1]d" spans="1:8" ht="6" customHeight="1"/>`,
	`<row r="%[1]d" s="3" customFormat="1"/>`,
	`<row r="%[1]d" ht="20.25" customHeight="1"></row>`,
	`<row r="%[1]d">%[2]s</row>`,
	`<row r="%[1]d" spans="1:8" x14ac:dyDescent="0.25">%[2]s</row>`,
	`<row r='%[1]d' s='0' ht='12.8' hidden='false' customHeight='false' outlineLevel='0' collapsed='false'>%[2]s</row>`,
	"<row r=\"%[1]d\">\r\n  %[2]s\r\n</row>",
}

// FuzzRows builds whole row sequences from fuzz bytes — cell-less rows
// with spans, heights and styles, rows with styled empty cells, shared and
// inline strings, gaps — whose cells the test knows, and requires every
// reader (fast path, lexer alone, excelize) to yield exactly those cells.
// The row-buffer bug needed a cell-less row followed by two rows with
// cells; the first seed is that sequence.
//
//	go test ./internal/xlsxscan -run '^$' -fuzz FuzzRows -fuzztime 60s
func FuzzRows(f *testing.F) {
	f.Add([]byte{3, 0x41, 0, 3, 0x22, 3, 0x63, 3, 0x14})
	f.Add([]byte{4, 0x55, 1, 0, 5, 0x33, 2, 6, 0x77, 6, 0x12, 0x80})
	f.Add([]byte{0, 0, 3, 0x99, 0x9a, 3, 0xff, 3, 0x01, 1, 4, 0x44})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 300 {
			return
		}
		doc, want := buildRows(ops)
		p := filepath.Join(t.TempDir(), "rows.xlsx")
		writeXLSX(t, p, commonSST, false, sheetDoc(doc))
		for _, how := range []string{"fast", "lexer", "excelize"} {
			var got []row
			var err error
			switch how {
			case "excelize":
				got, err = excelizeRows(t, p, "Sheet1")
			case "lexer":
				fastPath = false
				got, err = scanRows(p, "Sheet1")
				fastPath = true
			default:
				got, err = scanRows(p, "Sheet1")
			}
			if err != nil {
				t.Fatalf("%s: %v\n%s", how, err, doc)
			}
			if !sameRows(got, want) {
				t.Fatalf("%s: rows differ\n got %s\nwant %s\n%s", how, dump(got), dump(want), doc)
			}
		}
	})
}

// sstValues are the values of commonSST's items as excelize gives them.
var sstValues = []string{"Nguyễn Văn An", "  padded  ", "Rich text"}

// buildRows turns fuzz bytes into sheetData and the rows it must read as:
// each byte picks a row shape and a gap; the next bytes, the cells.
func buildRows(ops []byte) (string, []row) {
	var sb strings.Builder
	var want []row
	num := 0
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		num += 1 + int(op>>6) // gaps of 0 to 3 rows
		for len(want) < num-1 {
			want = append(want, row{len(want) + 1, nil})
		}
		shape := rowShapes[int(op&0x3f)%len(rowShapes)]
		if !strings.Contains(shape, "%[2]s") {
			fmt.Fprintf(&sb, shape, num)
			want = append(want, row{num, nil})
			continue
		}
		var cells strings.Builder
		var vals []string
		n := 0
		if i+1 < len(ops) {
			i++
			n = int(ops[i]) % 6
		}
		col := 0
		for k := 0; k < n; k++ {
			col += 1 + (k+int(op))%3
			ref := excelizeName(col, num)
			for len(vals) < col-1 {
				vals = append(vals, "")
			}
			switch (k + int(op)) % 4 {
			case 0:
				fmt.Fprintf(&cells, `<c r="%s" s="1" t="s"><v>%d</v></c>`, ref, k%len(sstValues))
				vals = append(vals, sstValues[k%len(sstValues)])
			case 1:
				fmt.Fprintf(&cells, `<c r="%s"><f t="shared" si="0"/><v>%d</v></c>`, ref, num*10+k)
				vals = append(vals, fmt.Sprint(num*10+k))
			case 2:
				// A styled empty cell: it holds no value, so it makes no
				// column of its own.
				fmt.Fprintf(&cells, `<c r="%s" s="2"/>`, ref)
				vals = append(vals, "")
			default:
				fmt.Fprintf(&cells, `<c r="%s" t="inlineStr"><is><r><t xml:space="preserve">r%d </t></r><r><rPr><b/></rPr><t>&#7843;</t></r></is></c>`, ref, num)
				vals = append(vals, fmt.Sprintf("r%d ả", num))
			}
		}
		for len(vals) > 0 && vals[len(vals)-1] == "" {
			vals = vals[:len(vals)-1]
		}
		if len(vals) == 0 {
			vals = nil
		}
		fmt.Fprintf(&sb, shape, num, cells.String())
		want = append(want, row{num, vals})
	}
	return sb.String(), want
}

func excelizeName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
