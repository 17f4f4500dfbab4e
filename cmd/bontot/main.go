// Command bontot evaluates the "chi bộ bốn tốt" / "đảng bộ cơ sở bốn tốt"
// model from the Excel workbooks party cells keep.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], systemStreams()))
}
