// Package workbooktest makes workbooks for tests and benchmarks, as
// net/http/httptest makes servers: the generator of the example bloc, the
// benchmark scales (bloc, province, max, a folder of one-unit workbooks)
// and the layouts offices keep (score sheets, member lists, workbooks
// without a Đơn vị sheet), all deterministic and committed under testdata/
// where tests read them; and Rewrite, which rewrites a workbook into the
// shapes other spreadsheet programs write, for the reader's differential
// tests. Only tests, benchmarks and tools/gen import it.
package workbooktest
