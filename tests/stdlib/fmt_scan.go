package main

import "fmt"

func main() {
	var a, b int
	var f float64
	var s string
	var ok bool
	n, err := fmt.Sscan("12  -7\n 3.5 word true", &a, &b, &f, &s, &ok)
	fmt.Println(n, err, a, b, f, s, ok)
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("5", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("x", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("1 2\n3", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("1 2 3", &a, &b)
	fmt.Println(n, err)
	var name string
	var age int
	n, err = fmt.Sscanf("name: Bob age=42", "name: %s age=%d", &name, &age)
	fmt.Println(n, err, name, age)
	n, err = fmt.Sscanf("7-8", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("7 8", "%d,%d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("0x1F 0b11 017", "%v %v %v", &a, &b, &age)
	fmt.Println(n, err, a, b, age)
	var i8 int8
	n, err = fmt.Sscan("300", &i8)
	fmt.Println(n, err)
	n, err = fmt.Sscan("99999999999999999999", &a)
	fmt.Println(n, err)
	var x string
	n, err = fmt.Sscanf("\"quoted str\" 4142", "%q %x", &s, &x)
	fmt.Println(n, err, s, x)
	var r rune
	n, err = fmt.Sscanf("Z", "%c", &r)
	fmt.Println(n, err, r)
	n, err = fmt.Sscan("1", a)
	fmt.Println(n, err)
	var f32 float32
	n, err = fmt.Sscan("1e40 nan", &f32, &f)
	fmt.Println(n, err, f32)
	var total int
	for {
		var v int
		_, err := fmt.Scan(&v)
		if err != nil {
			fmt.Println("stop:", err)
			break
		}
		total += v
	}
	fmt.Println("total", total)
}
