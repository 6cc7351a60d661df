examples/optimise.go:15:6: can inline square
examples/optimise.go:13:6: can inline Point.Dist2
examples/optimise.go:13:43: inlining call to square
examples/optimise.go:13:57: inlining call to square
examples/optimise.go:17:6: can inline sum
examples/optimise.go:39:17: inlining call to Point.Dist2
examples/optimise.go:39:17: inlining call to square
examples/optimise.go:39:17: inlining call to square
examples/optimise.go:41:13: inlining call to sum
examples/optimise.go:41:24: inlining call to square
examples/optimise.go:17:10: s does not escape
examples/optimise.go:36:16: []Point{...} does not escape
examples/optimise.go:37:11: make([]int, len(pts)) escapes to heap
