package xlsxout

import (
	"bytes"
	"io"
)

// autoFilterRef starts the attribute AutoFilterFixer rewrites.
var autoFilterRef = []byte(`<autoFilter ref="`)

// AutoFilterFixer passes a worksheet part through, writing its
// <autoFilter ref="$A$1:$I$260"> as ref="A1:I260". excelize v2.11.1
// writes the range with "$", the form of the hidden _FilterDatabase name,
// but the attribute is a plain ST_Ref (ECMA-376 §18.3.1.2), which is what
// Excel itself writes and what strict readers expect. Fixing it while the
// part is written spares inflating and deflating the package a second
// time.
//
// It holds back the few bytes that may be the start of the attribute
// until the next write shows what they are; Flush writes them once the
// part is done.
type AutoFilterFixer struct {
	w       io.Writer
	pending []byte
}

// NewAutoFilterFixer returns an AutoFilterFixer that writes to w.
func NewAutoFilterFixer(w io.Writer) *AutoFilterFixer { return &AutoFilterFixer{w: w} }

// Write passes p on, fixing every autoFilter range in it.
func (r *AutoFilterFixer) Write(p []byte) (int, error) {
	data := p
	if len(r.pending) > 0 {
		data = append(r.pending, p...)
		r.pending = nil
	}
	for {
		i := bytes.Index(data, autoFilterRef)
		if i < 0 {
			// Keep what could be the first bytes of the attribute.
			keep := min(len(data), len(autoFilterRef)-1)
			for ; keep > 0; keep-- {
				if bytes.HasPrefix(autoFilterRef, data[len(data)-keep:]) {
					break
				}
			}
			r.pending = append(r.pending, data[len(data)-keep:]...)
			_, err := r.w.Write(data[:len(data)-keep])
			return len(p), err
		}
		start := i + len(autoFilterRef)
		end := bytes.IndexByte(data[start:], '"')
		if end < 0 {
			// The range goes on in the next write (a ref is short: past 64
			// bytes it is not one excelize wrote, and goes out as it is).
			if len(data)-start <= 64 {
				if _, err := r.w.Write(data[:i]); err != nil {
					return 0, err
				}
				r.pending = append(r.pending, data[i:]...)
				return len(p), nil
			}
			_, err := r.w.Write(data)
			return len(p), err
		}
		ref := bytes.ReplaceAll(data[start:start+end], []byte("$"), nil)
		if _, err := r.w.Write(data[:start]); err != nil {
			return 0, err
		}
		if _, err := r.w.Write(ref); err != nil {
			return 0, err
		}
		data = data[start+end:]
	}
}

// Flush writes the bytes held back.
func (r *AutoFilterFixer) Flush() error {
	_, err := r.w.Write(r.pending)
	r.pending = nil
	return err
}
