package xlsxscan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The workbook part and the relationships are decoded with encoding/xml
// (decodeXML) so that sheet names and relationships mean exactly what they
// mean to excelize. For a folder of one-unit workbooks that decoding was a
// tenth of the reading, so the plain shape every spreadsheet program writes
// is decoded here first: one pass over the bytes, no reflection. Anything
// outside that shape — a comment, CDATA, a doctype, a namespace declared
// below the root, a prefix not declared on it, an entity other than the
// five and character references, a control character, invalid UTF-8, a
// carriage return, a repeated attribute — declines (ok false) and the part
// goes to encoding/xml, which decides. What the fast path accepts it
// decodes to the same value (TestFastPartsOracle, FuzzFastParts).

// miniElem is one start tag of a part, its depth counted from the root
// (0), its names resolved against the root's namespace declarations.
type miniElem struct {
	depth int
	space string // resolved namespace of the element
	local string
	attrs []miniAttr
}

type miniAttr struct {
	space, local, value string
}

// miniParse reads a part into its start tags, up to the end of the root
// element, as encoding/xml's Decode reads it; ok is false for anything
// outside the plain shape (see above). With whole, it reads the part as
// the checker does, token by token to its end: namespaces may be declared
// anywhere, names are not resolved (space stays "", local is the name
// after its prefix) and only white space may follow the root.
func miniParse(data []byte, whole bool) (elems []miniElem, ok bool) {
	if !utf8.Valid(data) {
		return nil, false
	}
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' || c == '\r' {
			return nil, false
		}
	}
	// One string for the part: every name and value is a piece of it,
	// not a copy (the styles part has thousands).
	doc := string(data)
	var (
		ns    map[string]string // prefix → namespace, from the root; "" the default
		stack []string          // qualified names of the open elements
		raw   []rawAttr         // the attributes of the tag read last
	)
	i := 0
	for i < len(doc) {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			// Text after the root's end is never read; text before the
			// root and inside it must be well formed.
			return nil, false
		}
		if !plainText(doc[i : i+lt]) {
			return nil, false
		}
		i += lt
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<?"):
			end := strings.Index(rest[2:], "?>")
			if end < 0 || len(stack) > 0 || !plainDecl(rest[2:2+end]) {
				return nil, false
			}
			i += 2 + end + 2
			continue
		case strings.HasPrefix(rest, "<!"):
			return nil, false
		case strings.HasPrefix(rest, "</"):
			end := strings.IndexByte(rest, '>')
			if end < 0 || len(stack) == 0 {
				return nil, false
			}
			name := strings.TrimRight(rest[2:end], " \t\n")
			if name != stack[len(stack)-1] {
				return nil, false
			}
			stack = stack[:len(stack)-1]
			i += end + 1
			if len(stack) == 0 {
				return elems, !whole || len(strings.TrimLeft(doc[i:], " \t\n")) == 0
			}
			continue
		}
		name, attrs, self, n, good := startTag(rest, raw[:0])
		raw = attrs
		if !good {
			return nil, false
		}
		if !plainName(name) {
			return nil, false
		}
		for k := range raw {
			if !plainName(raw[k].name) {
				return nil, false
			}
			if raw[k].value, good = unescape(raw[k].value); !good {
				return nil, false
			}
		}
		i += n
		if ns == nil {
			ns = map[string]string{"xml": "http://www.w3.org/XML/1998/namespace"}
			for _, a := range raw {
				switch {
				case a.name == "xmlns":
					ns[""] = a.value
				case strings.HasPrefix(a.name, "xmlns:"):
					ns[a.name[len("xmlns:"):]] = a.value
				}
			}
		}
		e := miniElem{depth: len(stack)}
		var known bool
		if whole {
			_, e.local, _ = strings.Cut(name, ":")
			if e.local == "" {
				e.local = name
			}
		} else if e.space, e.local, known = resolve(name, ns, true); !known {
			return nil, false
		}
		for k, a := range raw {
			for _, b := range raw[:k] {
				if b.name == a.name {
					return nil, false
				}
			}
			if a.name == "xmlns" || strings.HasPrefix(a.name, "xmlns:") {
				if len(stack) > 0 && !whole {
					return nil, false
				}
				continue
			}
			if whole {
				continue // the checker counts elements only
			}
			sp, loc, known := resolve(a.name, ns, false)
			if !known {
				return nil, false
			}
			e.attrs = append(e.attrs, miniAttr{sp, loc, a.value})
		}
		elems = append(elems, e)
		if self {
			if len(stack) == 0 {
				return elems, !whole || len(strings.TrimLeft(doc[i:], " \t\n")) == 0
			}
			continue
		}
		stack = append(stack, name)
	}
	return nil, false
}

type rawAttr struct{ name, value string }

// startTag reads `<name attr="v" …>` or `…/>` at the start of b: the
// name, the attributes as written, whether it closes itself and its
// length.
func startTag(b string, attrs []rawAttr) (name string, _ []rawAttr, self bool, n int, ok bool) {
	i := 1
	j := i
	for j < len(b) && isNameByte(b[j]) {
		j++
	}
	if j == i {
		return "", nil, false, 0, false
	}
	name = b[i:j]
	i = j
	for {
		sp := i
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return "", nil, false, 0, false
		}
		switch {
		case b[i] == '>':
			return name, attrs, false, i + 1, true
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '>':
			return name, attrs, true, i + 2, true
		}
		if i == sp {
			return "", nil, false, 0, false // no space before an attribute
		}
		j = i
		for j < len(b) && isNameByte(b[j]) {
			j++
		}
		if j == i {
			return "", nil, false, 0, false
		}
		an := b[i:j]
		i = j
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) || b[i] != '=' {
			return "", nil, false, 0, false
		}
		i++
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) || (b[i] != '"' && b[i] != '\'') {
			return "", nil, false, 0, false
		}
		q := b[i]
		end := strings.IndexByte(b[i+1:], q)
		if end < 0 {
			return "", nil, false, 0, false
		}
		v := b[i+1 : i+1+end]
		if strings.IndexByte(v, '<') >= 0 {
			return "", nil, false, 0, false
		}
		attrs = append(attrs, rawAttr{an, v})
		i += end + 2
	}
}

// isNameByte: the ASCII letters, digits and marks of XML names; a name
// with any other character declines.
func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '-' || c == '.'
}

// plainName is a name of one or two parts around a colon, each starting
// with a letter or '_'.
func plainName(name string) bool {
	prefix, local, found := strings.Cut(name, ":")
	start := func(s string) bool {
		return s != "" && ('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z' || s[0] == '_')
	}
	if !found {
		return start(name)
	}
	return start(prefix) && start(local) && !strings.Contains(local, ":")
}

// resolve splits a qualified name and resolves its prefix as encoding/xml
// does: an element without a prefix is in the default namespace, an
// attribute without one in none. known is false for a prefix the root
// does not declare, a name starting with a digit, mark or colon, or more
// than one colon.
func resolve(name string, ns map[string]string, elem bool) (space, local string, known bool) {
	if c := name[0]; c == ':' || c == '-' || c == '.' || '0' <= c && c <= '9' {
		return "", "", false
	}
	prefix, local, found := strings.Cut(name, ":")
	if !found {
		if elem {
			return ns[""], name, true
		}
		return "", name, true
	}
	if prefix == "" || local == "" || strings.Contains(local, ":") {
		return "", "", false
	}
	space, known = ns[prefix]
	return space, local, known
}

// plainText is text with no markup: no '>' (which encoding/xml takes,
// but no program writes bare), and '&' only in the entities unescape
// knows.
func plainText(b string) bool {
	if strings.IndexByte(b, '>') >= 0 {
		return false
	}
	if strings.IndexByte(b, '&') < 0 {
		return true
	}
	_, ok := unescape(b)
	return ok
}

// plainDecl accepts the XML declaration (`xml version="1.0"
// encoding="UTF-8" standalone="yes"`) when it says version 1.0 and UTF-8,
// which encoding/xml reads without a CharsetReader; any other processing
// instruction, or a declaration written otherwise, declines.
func plainDecl(b string) bool {
	rest, ok := strings.CutPrefix(b, "xml")
	if !ok || rest == "" || !isSpace(rest[0]) {
		return false
	}
	seen := map[string]bool{}
	for _, field := range strings.Fields(rest) {
		k, v, ok := strings.Cut(field, "=")
		if !ok || len(v) < 2 || (v[0] != '"' && v[0] != '\'') || v[len(v)-1] != v[0] || seen[k] {
			return false
		}
		seen[k] = true
		v = v[1 : len(v)-1]
		switch {
		case k == "version" && v == "1.0":
		case k == "encoding" && strings.EqualFold(v, "utf-8"):
		case k == "standalone" && (v == "yes" || v == "no"):
		default:
			return false
		}
	}
	return true
}

// unescape replaces the five predefined entities and character
// references; any other '&' declines.
func unescape(s string) (string, bool) {
	if strings.IndexByte(s, '&') < 0 {
		return s, true
	}
	var b strings.Builder
	for {
		amp := strings.IndexByte(s, '&')
		if amp < 0 {
			b.WriteString(s)
			return b.String(), true
		}
		b.WriteString(s[:amp])
		s = s[amp+1:]
		semi := strings.IndexByte(s, ';')
		if semi < 0 {
			return "", false
		}
		ent := s[:semi]
		s = s[semi+1:]
		switch ent {
		case "amp":
			b.WriteByte('&')
		case "lt":
			b.WriteByte('<')
		case "gt":
			b.WriteByte('>')
		case "quot":
			b.WriteByte('"')
		case "apos":
			b.WriteByte('\'')
		default:
			num, ok := strings.CutPrefix(ent, "#")
			if !ok || num == "" {
				return "", false
			}
			base := 10
			if h, ok := strings.CutPrefix(num, "x"); ok {
				num, base = h, 16
			}
			n, err := strconv.ParseUint(num, base, 32)
			// Only the characters XML allows, as encoding/xml checks.
			if err != nil || !(n == 0x9 || n == 0xA || n >= 0x20 && n <= 0xD7FF || n >= 0xE000 && n <= 0xFFFD || n >= 0x10000 && n <= 0x10FFFF) || n == 0xD {
				return "", false
			}
			b.WriteRune(rune(n))
		}
	}
}

const (
	nsRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsR    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// fastRelationships decodes a relationships part as decodeXML into
// relationships does, or declines.
func fastRelationships(data []byte) (rels relationships, ok bool) {
	elems, ok := miniParse(data, false)
	if !ok || len(elems) == 0 || elems[0].local != "Relationships" || elems[0].space != nsRels {
		return rels, false
	}
	rels.XMLName.Space, rels.XMLName.Local = nsRels, "Relationships"
	for _, e := range elems[1:] {
		if e.depth != 1 || e.local != "Relationship" {
			continue
		}
		var r struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:",attr"`
			Type   string `xml:",attr"`
		}
		for _, a := range e.attrs {
			switch a.local {
			case "Id":
				r.ID = a.value
			case "Target":
				r.Target = a.value
			case "Type":
				r.Type = a.value
			}
		}
		if hasTwice(e.attrs, "Id", "Target", "Type") {
			return rels, false
		}
		rels.Rels = append(rels.Rels, r)
	}
	return rels, true
}

// fastWorkbook decodes a workbook part as decodeXML into workbookXML
// does, or declines.
func fastWorkbook(data []byte) (wb workbookXML, ok bool) {
	elems, ok := miniParse(data, false)
	if !ok || len(elems) == 0 || elems[0].local != "workbook" || elems[0].space != nsMain {
		return wb, false
	}
	wb.XMLName.Space, wb.XMLName.Local = nsMain, "workbook"
	inSheets, sheetsSeen := false, false
	for _, e := range elems[1:] {
		if e.depth == 1 {
			inSheets = false
		}
		switch {
		case e.depth == 1 && e.local == "workbookPr":
			if wb.WorkbookPr != nil || hasTwice(e.attrs, "date1904") {
				return wb, false // a second one keeps the first's fields
			}
			wb.WorkbookPr = &struct {
				Date1904 bool `xml:"date1904,attr,omitempty"`
			}{}
			for _, a := range e.attrs {
				if a.local != "date1904" {
					continue
				}
				switch a.value {
				case "1", "true":
					wb.WorkbookPr.Date1904 = true
				case "0", "false":
				default:
					return wb, false
				}
			}
		case e.depth == 1 && e.local == "sheets":
			if sheetsSeen {
				return wb, false
			}
			inSheets, sheetsSeen = true, true
		case e.depth == 2 && inSheets && e.local == "sheet":
			var s struct {
				Name string `xml:"name,attr,omitempty"`
				ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			}
			ids := 0
			for _, a := range e.attrs {
				switch {
				case a.local == "name":
					s.Name = a.value
				case a.local == "id" && a.space == nsR:
					s.ID = a.value
					ids++
				}
			}
			if ids > 1 || hasTwice(e.attrs, "name") {
				return wb, false
			}
			wb.Sheets.Sheet = append(wb.Sheets.Sheet, s)
		}
	}
	return wb, true
}

// hasTwice reports whether two attributes of one of the local names
// stand on the element under different prefixes: encoding/xml keeps the
// last, and such a part is left to it.
func hasTwice(attrs []miniAttr, locals ...string) bool {
	for _, l := range locals {
		n := 0
		for _, a := range attrs {
			if a.local == l {
				n++
			}
		}
		if n > 1 {
			return true
		}
	}
	return false
}

// fastStyleCount is styleCount for a styles part in the plain shape: the
// <xf> of the root's <cellXfs>; ok is false when the part is left to the
// checker.
func fastStyleCount(data []byte) (n int, ok bool) {
	elems, ok := miniParse(data, true)
	if !ok {
		return 0, false
	}
	inXfs := false
	for _, e := range elems {
		switch e.depth {
		case 1:
			inXfs = e.local == "cellXfs"
		case 2:
			if inXfs && e.local == "xf" {
				n++
			}
		}
	}
	return n, true
}
