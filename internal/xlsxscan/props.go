package xlsxscan

import (
	"io"
	"time"
)

// partCoreProps is where Excel, LibreOffice and excelize keep the core
// properties (who wrote the package, and when).
const partCoreProps = "docProps/core.xml"

// maxCoreProps bounds the core properties read: Excel's are under a
// kilobyte, and a part that inflates to more is not looked into.
const maxCoreProps = 64 << 10

// Modified is when the package says it was last saved (dcterms:modified
// of its core properties), false when it does not say or says it in a way
// that is not a date. It is a hint about the workbook, never a value read
// from a cell: nothing a reader decides may rest on it alone.
func (b *Book) Modified() (time.Time, bool) {
	f := b.partFold(partCoreProps)
	if f == nil || f.UncompressedSize64 > maxCoreProps {
		return time.Time{}, false
	}
	rc, err := f.Open()
	if err != nil {
		return time.Time{}, false
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxCoreProps+1))
	if err != nil || len(data) > maxCoreProps {
		return time.Time{}, false
	}
	var props struct {
		Modified string `xml:"http://purl.org/dc/terms/ modified"`
	}
	if decodeXML(data, &props) != nil || props.Modified == "" {
		return time.Time{}, false
	}
	// W3CDTF as the packages write it; LibreOffice adds fractions of a
	// second, some writers leave the time out.
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, props.Modified); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
