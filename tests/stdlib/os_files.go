package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	name := "golift_files_test.txt"
	err := os.WriteFile(name, []byte("line one\nline two\nthird line\n"), 0644)
	fmt.Println("write:", err)
	data, err := os.ReadFile(name)
	fmt.Printf("read: %q %v\n", data, err)
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Println("open append:", err)
	n, err := f.WriteString("appended\n")
	fmt.Println(n, err, f.Close())
	fmt.Println("close again:", f.Close())
	_, err = f.Write([]byte("x"))
	fmt.Println("write closed:", err)
	f, _ = os.Open(name)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fmt.Println(">", strings.ToUpper(sc.Text()))
	}
	f.Close()
	_, err = os.ReadFile("no/such/file.txt")
	fmt.Printf("%T\n", err)
	fmt.Println(os.IsNotExist(err), errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrExist))
	var pe *os.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path)
	_, err = os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644)
	fmt.Println(err != nil, os.IsExist(err))
	g, err := os.Create("golift_files_test2.txt")
	fmt.Println(err)
	w := bufio.NewWriter(g)
	fmt.Fprintf(w, "%d squared is %d\n", 12, 144)
	w.Flush()
	g.Close()
	h, _ := os.Open("golift_files_test2.txt")
	all, err := io.ReadAll(h)
	fmt.Printf("%q %v\n", all, err)
	h.Close()
	fmt.Println(os.Remove(name), os.Remove("golift_files_test2.txt"))
	err = os.Remove(name)
	fmt.Println(os.IsNotExist(err), err.(*os.PathError).Op)
}
