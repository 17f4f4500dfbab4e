package workbook

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// asXLSM rewrites the .xlsx at src as a macro-enabled workbook at dst: the
// same package with the workbook part's content type Excel gives .xlsm.
func asXLSM(t *testing.T, src, dst string) {
	t.Helper()
	const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	const xlsm = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
	rewriteZip(t, src, dst, func(name string, data []byte) []byte {
		if name == "[Content_Types].xml" {
			if !bytes.Contains(data, []byte(xlsx)) {
				t.Fatalf("no workbook content type in %s", data)
			}
			data = bytes.ReplaceAll(data, []byte(xlsx), []byte(xlsm))
		}
		return data
	})
}

// rewriteZip copies the package at src to dst, each part through edit.
func rewriteZip(t *testing.T, src, dst string, edit func(name string, data []byte) []byte) {
	t.Helper()
	err := workbooktest.EditParts(src, dst, func(name string, data []byte) ([]byte, error) { return edit(name, data), nil })
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func codes(ds *criteria.Dataset) []string {
	var out []string
	for _, u := range ds.Units {
		out = append(out, u.Code)
	}
	return out
}

func problemStrings(ds *criteria.Dataset) []string {
	var out []string
	for _, p := range ds.Problems {
		out = append(out, string(p.Severity)+" "+p.String())
	}
	return out
}

// problemPlaces renders problems as "file › sheet!cell: code", for tests
// of what was found where rather than how it is worded.
func problemPlaces(t *testing.T, ds *criteria.Dataset) []string {
	t.Helper()
	registered(t, ds.Problems)
	var out []string
	for _, p := range ds.Problems {
		p.Message = p.Code
		out = append(out, p.String())
	}
	return out
}

// A unit's workbook in a subfolder, and one saved as .xlsm, are read like
// the others; hidden files and folders are not.
func TestFolderReadsSubfoldersAndXLSM(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}))
	sub := filepath.Join(dir, "cum-2")
	if err := os.MkdirAll(filepath.Join(sub, "sau"), 0o755); err != nil {
		t.Fatal(err)
	}
	plain := writeBook(t, t.TempDir(), "b.xlsx", unitsSheet([]any{"CB02", "Chi bộ B", "Chi bộ cơ sở"}))
	asXLSM(t, plain, filepath.Join(sub, "b.xlsm"))
	writeBook(t, filepath.Join(sub, "sau"), "c.XLSX", unitsSheet([]any{"CB03", "Chi bộ C", "Chi bộ cơ sở"}))
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeBook(t, filepath.Join(dir, ".git"), "x.xlsx", unitsSheet([]any{"CB09", "Ẩn", "Chi bộ cơ sở"}))
	writeBook(t, dir, ".an.xlsx", unitsSheet([]any{"CB08", "Ẩn", "Chi bộ cơ sở"}))
	writeFile(t, filepath.Join(dir, "bien-ban.docx"), []byte("not a workbook"))

	res, err := Read([]string{dir}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(res.Dataset); !slices.Equal(got, []string{"CB01", "CB02", "CB03"}) {
		t.Errorf("units = %v, want CB01 CB02 CB03 (subfolders and .xlsm read, hidden skipped)", got)
	}
	if len(res.Dataset.Problems) != 0 {
		t.Errorf("problems = %q, want none", problemStrings(res.Dataset))
	}
	// The macro-enabled workbook is read on its own too.
	one := readOne(t, filepath.Join(sub, "b.xlsm"), Options{Year: 2024})
	if got := codes(one.Dataset); !slices.Equal(got, []string{"CB02"}) {
		t.Errorf(".xlsm read as %v", got)
	}
}

// Problems name a file found in a subfolder by its path below the folder,
// so that two units' "so-2024.xlsx" stay apart.
func TestFolderNamesFilesBelowIt(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeBook(t, filepath.Join(dir, "a"), "so.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}))
	writeBook(t, filepath.Join(dir, "b"), "so.xlsx", unitsSheet([]any{"CB01", "Chi bộ B", "Chi bộ cơ sở"}))
	res, err := Read([]string{dir}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range res.Dataset.Problems {
		files = append(files, p.File)
	}
	want := []string{filepath.Join("a", "so.xlsx"), filepath.Join("b", "so.xlsx")}
	if !slices.Equal(files, want) {
		t.Errorf("duplicate code reported in %v, want %v", files, want)
	}
}

func TestFolderForeignSpreadsheetsAreErrors(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}))
	for _, name := range []string{"b.xls", "c.xlsb", "d.ods", filepath.Join("con", "e.csv")} {
		writeFile(t, filepath.Join(dir, name), []byte("x"))
	}
	res, err := Read([]string{dir}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(res.Dataset); !slices.Equal(got, []string{"CB01"}) {
		t.Errorf("units = %v", got)
	}
	var files []string
	for _, p := range res.Dataset.Problems {
		files = append(files, p.File)
		if p.Code != criteria.FileForeignFormat.Code {
			t.Errorf("%s: %s %q, want %s, an error asking to save it as .xlsx", p.File, p.Code, p.Message, criteria.FileForeignFormat.Code)
		}
	}
	want := []string{"b.xls", "c.xlsb", filepath.Join("con", "e.csv"), "d.ods"}
	if !slices.Equal(files, want) {
		t.Errorf("problems name %v, want %v", files, want)
	}
}

// Excel's lock file and a report bontot wrote are skipped with a note; a
// workbook without the report marker is read.
func TestFolderSkipsLockFilesAndReportsWithANote(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}))
	writeFile(t, filepath.Join(dir, "~$a.xlsx"), []byte("owner"))
	writeBookOpts(t, dir, "bao-cao.xlsx", func(f *excelize.File) {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: ReportProperty, Value: "bontot/v1"}); err != nil {
			t.Fatal(err)
		}
	}, sheet{"Tổng hợp", [][]any{{"Hạng", "Mã đơn vị"}}})
	// Another custom property is no marker.
	writeBookOpts(t, dir, "c.xlsx", func(f *excelize.File) {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: "bontot", Value: "x"}); err != nil {
			t.Fatal(err)
		}
	}, unitsSheet([]any{"CB03", "Chi bộ C", "Chi bộ cơ sở"}))
	res, err := Read([]string{dir}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(res.Dataset); !slices.Equal(got, []string{"CB01", "CB03"}) {
		t.Errorf("units = %v", got)
	}
	want := []string{"bao-cao.xlsx: file.own_report", "~$a.xlsx: file.lock_file"}
	if got := problemPlaces(t, res.Dataset); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFolderWithoutWorkbooksIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.xls"), []byte("x"))
	writeFile(t, filepath.Join(dir, "~$b.xlsx"), []byte("x"))
	_, err := Read([]string{dir}, Options{})
	var fe *fileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "không có sổ .xlsx, .xlsm nào") || !strings.Contains(err.Error(), "a.xls") {
		t.Errorf("error = %v, want the folder has no workbook, naming a.xls", err)
	}
}

// With several workbooks, one that cannot be read is an error problem and
// the others are read; alone, or with none readable, it is the error.
func TestUnreadableWorkbookAmongSeveralIsAProblem(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}))
	junk := writeFile(t, filepath.Join(dir, "b.xlsx"), []byte("not a workbook at all"))
	noUnits := writeBook(t, dir, "c.xlsx", sheet{"Sinh hoạt", [][]any{{"Ngày", "Loại", "Điểm"}}})

	res, err := Read([]string{dir}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(res.Dataset); !slices.Equal(got, []string{"CB01"}) {
		t.Errorf("units = %v", got)
	}
	want := []string{"b.xlsx: file.unreadable", "c.xlsx: owner.unknown"}
	if got := problemPlaces(t, res.Dataset); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The sentence says the others are still evaluated, then the file's own.
	if got := problemStrings(res.Dataset); got[0] != "error b.xlsx: Không đọc được sổ này, các sổ khác vẫn được đánh giá: tệp không phải sổ Excel .xlsx" {
		t.Errorf("refusal %q", got[0])
	}

	// One file alone, or a folder holding only it: nothing to evaluate.
	alone := t.TempDir()
	writeFile(t, filepath.Join(alone, "b.xlsx"), []byte("not a workbook at all"))
	for _, paths := range [][]string{{junk}, {alone}} {
		_, err := Read(paths, Options{})
		var fe *fileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "tệp không phải sổ Excel .xlsx") {
			t.Errorf("Read(%v) error = %v, want the file's own sentence", paths, err)
		}
	}
	_, err = Read([]string{junk, noUnits}, Options{})
	if err == nil || !strings.Contains(err.Error(), junk) || !strings.Contains(err.Error(), "1 sổ còn lại cũng không đọc được") {
		t.Errorf("none readable: error = %v", err)
	}
}

// Sheets bontot does not know are named in a note, one each; the guide
// sheet of its template is not.
func TestUnknownSheetsAreNoted(t *testing.T) {
	path := writeBook(t, t.TempDir(), "so.xlsx",
		sheet{"Hướng dẫn", [][]any{{"Cách điền sổ"}}},
		unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}),
		sheet{"T1", [][]any{{"Điểm", 90}}},
		sheet{"T2", [][]any{{"Điểm", 95}}},
		sheet{"Sinh hoat chi bo 2024", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}}},
	)
	res := readOne(t, path, Options{Year: 2024})
	want := []string{
		`T1!  note: Sheet "T1" không thuộc mẫu của bontot nên không được đọc`,
		`T2!  note: Sheet "T2" không thuộc mẫu của bontot nên không được đọc`,
		`Sinh hoat chi bo 2024!  note: Sheet "Sinh hoat chi bo 2024" không thuộc mẫu của bontot nên không được đọc; nếu đây là sheet "Sinh hoạt" thì hãy đổi tên sheet cho đúng`,
	}
	var got []string
	for _, p := range res.Dataset.Problems {
		got = append(got, p.Sheet+"! "+p.Cell+" "+string(p.Severity)+": "+p.Message)
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A workbook whose Đơn vị is sound but another sheet cannot be parsed: in
// a run of several its units stay, as data errors, beside an error naming
// the sheet; alone it is refused.
func TestBrokenSheetAmongSeveralMarksItsUnits(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "a.xlsx", unitsSheet([]any{"CB01", "Chi bộ A", "Chi bộ cơ sở"}))
	sound := writeBook(t, t.TempDir(), "b.xlsx", unitsSheet([]any{"CB02", "Chi bộ B", "Chi bộ cơ sở"}),
		sheet{"Sinh hoạt", [][]any{{"Mã đơn vị", "Ngày", "Loại", "Điểm"}, {"CB02", "10/01/2024", "Thường kỳ", 91}}})
	broken := filepath.Join(dir, "b.xlsx")
	rewriteZip(t, sound, broken, func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet2.xml" {
			// A column past Excel's last, XFD.
			return bytes.Replace(data, []byte(`r="D2"`), []byte(`r="XFE2"`), 1)
		}
		return data
	})
	_, err := Read([]string{broken}, Options{Year: 2024})
	if err == nil || !strings.Contains(err.Error(), "bị hỏng") {
		t.Skipf("the reader does not refuse this broken sheet (error %v): nothing to test here", err)
	}
	res, err := Read([]string{dir}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Dataset.Units {
		if u.HasErrors != (u.Code == "CB02") {
			t.Errorf("%s: HasErrors %v", u.Code, u.HasErrors)
		}
	}
	if got := problemPlaces(t, res.Dataset); !slices.Equal(got, []string{"b.xlsx › Sinh hoạt!D2: read.xml_defect"}) {
		t.Errorf("problems = %q", got)
	}
}

// Inputs.Bytes is the size on disk of what is to be read, from the look
// Expand already takes at each file: the command sizes its memory by it.
func TestInputsBytes(t *testing.T) {
	dir := filepath.Join("..", "testdata", "offices", "chi-bo-gui")
	in, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var want int64
	for _, f := range in.Files {
		st, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		want += st.Size()
	}
	if len(in.Files) < 2 || in.Bytes() != want {
		t.Errorf("%d files, Bytes %d, want %d", len(in.Files), in.Bytes(), want)
	}
}
