closures.go:6:6: can inline apply with cost N as: func(func(int) int, int) int { return f(x) }
closures.go:9:7: can inline twice.func1 with cost N as: func(int) int { return y * 2 }
closures.go:8:6: can inline twice with cost N as: func(int) int { g := func literal; return g(x) }
closures.go:10:10: inlining call to twice.func1
closures.go:13:6: can inline sign with cost N as: func(int) (int, bool) { var y int; y = <nil>; if x > 0 { y = x } else { y = -x }; y += 1; return y, x == 0 }
closures.go:24:6: can inline sum with cost N as: func([]int) int { s := 0; for loop; return s }
closures.go:32:6: can inline lookup with cost N as: func(map[string]int, string) int { v, ok := m[k]; if !ok { return -1 }; return v }
closures.go:44:2: can inline main.func2 with cost N as: func() { println("direct") }
closures.go:51:10: can inline main.func3 with cost N as: func(int) int { return i + k }
closures.go:42:15: inlining call to apply
closures.go:42:16: can inline main.func1 with cost N as: func(int) int { return x + k }
closures.go:42:15: inlining call to main.func1
closures.go:43:15: inlining call to twice
closures.go:46:3: inlining call to main.func2
closures.go:47:14: inlining call to sign
closures.go:48:13: inlining call to sum
closures.go:48:37: inlining call to lookup
closures.go:54:16: inlining call to main.func3
