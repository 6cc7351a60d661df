package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	lines := 0
	for sc.Scan() {
		lines++
		fmt.Printf("%d: %q\n", lines, sc.Text())
	}
	ws := bufio.NewScanner(newReader("  one two\tthree\n four  "))
	ws.Split(bufio.ScanWords)
	for ws.Scan() {
		fmt.Print("[", ws.Text(), "]")
	}
	fmt.Println()
	r := bufio.NewReader(newReader("alpha\nbeta\ngamma"))
	for {
		s, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", s, err)
		if err != nil {
			break
		}
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "buffered %d\n", 42)
	w.WriteString("more\n")
	w.Flush()
}

type sreader struct {
	s string
	i int
}

func newReader(s string) *sreader { return &sreader{s: s} }

func (r *sreader) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(p, r.s[r.i:])
	r.i += n
	return n, nil
}
