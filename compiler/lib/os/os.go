// Package os, as shipped with golift: the part of Go's os package that golift supports.
// Functions declared without a body are implemented by the golift runtime.
package os

// Args hold the command-line arguments, starting with the program name.
// The runtime fills it in before package initialisation.
var Args []string

// Exit causes the current program to exit with the given status code.
func Exit(code int)
