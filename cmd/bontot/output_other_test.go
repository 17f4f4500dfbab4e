//go:build !unix

package main

import "testing"

func nonRegularOutputs(t *testing.T, dir string) [][2]string { return nil }

func nonRegularInputs(t *testing.T, dir string) []string { return nil }
