// A reverse Polish notation calculator: tokens from strings.Fields, numbers parsed with
// strconv, a slice as the stack, and errors for every way an expression can be wrong.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

var errStack = errors.New("stack underflow")

func eval(expr string) (float64, error) {
	var stack []float64
	pop := func() (float64, error) {
		if len(stack) == 0 {
			return 0, errStack
		}
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v, nil
	}
	for _, tok := range strings.Fields(expr) {
		switch tok {
		case "+", "-", "*", "/", "^":
			b, err := pop()
			if err != nil {
				return 0, fmt.Errorf("%q: %w", tok, err)
			}
			a, err := pop()
			if err != nil {
				return 0, fmt.Errorf("%q: %w", tok, err)
			}
			var r float64
			switch tok {
			case "+":
				r = a + b
			case "-":
				r = a - b
			case "*":
				r = a * b
			case "/":
				if b == 0 {
					return 0, errors.New("division by zero")
				}
				r = a / b
			case "^":
				r = math.Pow(a, b)
			}
			stack = append(stack, r)
		case "sqrt":
			a, err := pop()
			if err != nil {
				return 0, err
			}
			stack = append(stack, math.Sqrt(a))
		default:
			v, err := strconv.ParseFloat(tok, 64)
			if err != nil {
				return 0, fmt.Errorf("bad token: %w", err)
			}
			stack = append(stack, v)
		}
	}
	if len(stack) != 1 {
		return 0, fmt.Errorf("%d values left on the stack", len(stack))
	}
	return stack[0], nil
}

func main() {
	exprs := []string{
		"3 4 +",
		"5 1 2 + 4 * + 3 -",
		"2 10 ^ 1 -",
		"1 3 /",
		"2 sqrt 2 sqrt *",
		"1e300 1e300 *",
		"4 0 /",
		"1 +",
		"1 2 3",
		"12 abc *",
		"-0.5 0.25 -",
	}
	for _, e := range exprs {
		v, err := eval(e)
		if err != nil {
			fmt.Printf("%-20s error: %v\n", e, err)
			continue
		}
		fmt.Printf("%-20s = %v (%s)\n", e, v, strconv.FormatFloat(v, 'e', 3, 64))
	}
	fmt.Println(strconv.Itoa(-42), strconv.Quote("tab\there"), strconv.FormatInt(255, 2))
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
}
