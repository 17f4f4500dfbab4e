package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"github.com/bontot/bontot/internal/syserr"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/bontot/bontot/criteria"
)

// Input is one workbook to read.
type Input struct {
	Path string // as opened
	// Name is how problems name the file: its base name when given on the
	// command line, its path below the folder when found in one (two units
	// may both send "so-2024.xlsx" in their own subfolders).
	Name string
	// Size is the file's size on disk when Expand looked at it; 0 when it
	// could not (reading it will say why).
	Size int64
}

// Inputs are the workbooks the command-line paths hold, and what was found
// in their folders but not read.
type Inputs struct {
	Files []Input
	// Problems are one per file found in a folder and left out: an error
	// for a spreadsheet in a format bontot does not read, a note for an
	// Excel lock file or a report bontot wrote.
	Problems []criteria.Problem
}

// Bytes is the size on disk of all the files to read.
func (in *Inputs) Bytes() int64 {
	var n int64
	for _, f := range in.Files {
		n += f.Size
	}
	return n
}

// Paths lists the files to read.
func (in *Inputs) Paths() []string {
	out := make([]string, len(in.Files))
	for i, f := range in.Files {
		out[i] = f.Path
	}
	return out
}

// ReportProperty is the custom document property (docProps/custom.xml)
// that marks a workbook as a report bontot wrote (report.MarkerProperty
// writes it; the two packages do not import each other). A report left in
// the folder it was made from is skipped on the next run instead of
// failing it for having no Đơn vị sheet. Excel keeps custom properties when
// the report is edited and saved again.
const ReportProperty = "bontot-report"

// foreignFormats are spreadsheet formats a unit may send instead of .xlsx:
// each one found in a folder is an error naming it, never a silent gap in
// the ranking.
var foreignFormats = map[string]string{
	".xls":  "sổ Excel cũ (.xls)",
	".xlsb": "sổ Excel nhị phân (.xlsb)",
	".ods":  "bảng tính LibreOffice/OpenOffice (.ods)",
	".csv":  "tệp CSV",
}

// Expand turns command-line paths into the workbooks to read. A file is
// read as it is, whatever its name. A folder is walked with its subfolders,
// in name order: .xlsx and .xlsm files are workbooks; .xls, .xlsb, .ods
// and .csv files are errors asking for .xlsx; Excel lock files ("~$…") and
// reports bontot wrote are skipped with a note; hidden files and folders
// (".…", where bontot's own temporary files live) and files of other kinds
// are skipped silently. A path that does not exist, or a folder without
// workbooks, is an error naming it.
func Expand(paths []string) (*Inputs, error) {
	in := &Inputs{Files: []Input{}}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, &fileError{path: p, msg: "không tìm thấy tệp hoặc thư mục", err: err}
			}
			return nil, &fileError{path: p, msg: "không mở được: " + syserr.Explain(err), err: err}
		}
		if !st.IsDir() {
			// A .ods, .csv or .xlsb named on the command line gets the
			// sentence it gets in a folder, not "not an .xlsx" from its
			// first bytes; one that is an .xlsx after all is read. (A .xls
			// is told apart by its bytes: it may be an encrypted .xlsx.)
			ext := strings.ToLower(filepath.Ext(p))
			if what := foreignFormats[ext]; what != "" && ext != ".xls" && !hasWorkbookPart(p) {
				return nil, &fileError{path: p, msg: fmt.Sprintf("đây là %s, bontot không đọc được; hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi chạy lại", what)}
			}
			in.Files = append(in.Files, Input{Path: p, Name: filepath.Base(p)})
			continue
		}
		if err := in.walk(p); err != nil {
			return nil, err
		}
	}
	in.dropRepeats()
	return in, nil
}

// dropRepeats keeps one of the paths that reach the same file — a folder
// and a file in it both on the command line, a link beside what it points
// to — with a note: read twice, its units would be declared twice and its
// rows counted twice.
func (in *Inputs) dropRepeats() {
	type seen struct {
		st os.FileInfo
		at int // in kept
	}
	bySize := map[int64][]seen{}
	kept := make([]Input, 0, len(in.Files))
	isLink := func(p string) bool {
		st, err := os.Lstat(p)
		return err == nil && st.Mode()&os.ModeSymlink != 0
	}
	for _, f := range in.Files {
		st, err := os.Stat(f.Path)
		if err != nil {
			kept = append(kept, f) // reading it will say what is wrong
			continue
		}
		f.Size = st.Size()
		at := -1
		for _, s := range bySize[st.Size()] {
			if os.SameFile(s.st, st) {
				at = s.at
				break
			}
		}
		if at < 0 {
			bySize[st.Size()] = append(bySize[st.Size()], seen{st, len(kept)})
			kept = append(kept, f)
			continue
		}
		dropped := f
		if isLink(kept[at].Path) && !isLink(f.Path) {
			// Problems name the file itself rather than a link to it.
			kept[at], dropped = f, kept[at]
		}
		first := kept[at].Name
		if first == dropped.Name {
			first = kept[at].Path
		}
		in.Problems = append(in.Problems, criteria.Problem{File: dropped.Name}.Of(criteria.FileSameFile, "\""+first+"\""))
	}
	in.Files = kept
}

// walk adds what folder dir holds.
func (in *Inputs) walk(dir string) error {
	var found []Input
	var probs []criteria.Problem
	var foreign []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			// A subfolder that cannot be listed is a gap: say so.
			probs = append(probs, criteria.Problem{File: rel(dir, path)}.Of(criteria.FolderUnreadable, syserr.Explain(err)))
			return fs.SkipDir
		}
		name := d.Name()
		if path == dir {
			return nil
		}
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		typ := d.Type()
		if typ&fs.ModeSymlink != 0 {
			// WalkDir does not follow links, so a linked folder cannot loop;
			// a linked file is read like the file it points to.
			st, err := os.Stat(path)
			switch {
			case err != nil:
				return nil
			case st.IsDir():
				probs = append(probs, criteria.Problem{File: rel(dir, path)}.Of(criteria.FolderLink))
				return nil
			}
			typ = st.Mode().Type()
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		name2 := rel(dir, path)
		switch {
		case strings.HasPrefix(name, "~$"):
			probs = append(probs, criteria.Problem{File: name2}.Of(criteria.FileLockFile))
		case ext == ".xlsx" || ext == ".xlsm":
			switch {
			case !typ.IsRegular():
				probs = append(probs, criteria.Problem{File: name2}.Of(criteria.FileNotRegular))
			case isReport(path):
				probs = append(probs, criteria.Problem{File: name2}.Of(criteria.FileOwnReport))
			default:
				found = append(found, Input{Path: path, Name: name2})
			}
		case foreignFormats[ext] != "":
			foreign = append(foreign, name2)
			probs = append(probs, criteria.Problem{File: name2}.Of(criteria.FileForeignFormat, foreignFormats[ext]))
		}
		return nil
	})
	if err != nil {
		return &fileError{path: dir, msg: "không đọc được thư mục: " + syserr.Explain(err), err: err}
	}
	if len(found) == 0 {
		msg := "thư mục không có sổ .xlsx, .xlsm nào"
		if len(foreign) > 0 {
			msg += fmt.Sprintf(" (có %d tệp cần lưu lại dưới dạng .xlsx: %s)", len(foreign), listNames(foreign))
		}
		return &fileError{path: dir, msg: msg}
	}
	// WalkDir visits in lexical order already; sorting again keeps the
	// order explicit should that ever change.
	sort.SliceStable(found, func(i, j int) bool { return found[i].Path < found[j].Path })
	in.Files = append(in.Files, found...)
	in.Problems = append(in.Problems, probs...)
	return nil
}

// hasWorkbookPart reports whether path is a zip holding xl/workbook.xml:
// an .xlsx whatever its name.
func hasWorkbookPart(path string) bool {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// rel names path below the folder the user gave.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return r
	}
	return filepath.Base(path)
}

func listNames(names []string) string {
	const shown = 3
	s := strings.Join(names[:min(shown, len(names))], ", ")
	if len(names) > shown {
		s += fmt.Sprintf(" … (tất cả %d tệp)", len(names))
	}
	return s
}

// templateYearProperty is template.YearProperty: the year a template
// bontot made was made for, in its custom document properties.
const templateYearProperty = "bontot-year"

var reTemplateYear = regexp.MustCompile(`name="` + templateYearProperty + `"[^>]*>\s*<vt:[a-z0-9]+>\s*(\d{4})(?:\.0+)?\s*<`)

// templateYear is the year recorded in the workbook at path by the
// template it was made from (templateYearProperty), or 0.
func templateYear(path string) int {
	data := customProps(path)
	m := reTemplateYear.FindSubmatch(data)
	if m == nil {
		return 0
	}
	y, err := strconv.Atoi(string(m[1]))
	if err != nil || y < 1950 || y > 2100 {
		return 0
	}
	return y
}

// customProps is the docProps/custom.xml part of the workbook at path,
// reading only the zip directory and that part, or nil. The part holds a
// handful of properties: past 64 KiB it is not one bontot wrote, and only
// its first 64 KiB are returned.
func customProps(path string) []byte {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name != "docProps/custom.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, 64<<10))
		if err != nil {
			return nil
		}
		return data
	}
	return nil
}

// isReport tells a report bontot wrote by its custom document property.
// A file that is not a readable zip is not a report: reading it will say
// what it is.
func isReport(path string) bool {
	return bytes.Contains(customProps(path), []byte(`name="`+ReportProperty+`"`))
}
