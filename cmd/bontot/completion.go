package main

import "github.com/spf13/cobra"

// completeWorkbooks offers, for the file arguments of evaluate and
// validate, folders and the workbooks bontot reads: Tab should not offer
// the PDFs and Word files beside them.
func completeWorkbooks(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"xlsx", "xlsm"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeValues completes a flag from a fixed list, without files.
func completeValues(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}
