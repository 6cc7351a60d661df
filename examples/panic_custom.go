// An uncaught panic with an error value prints its Error() text, as gc does.
package main

type ValidationError struct {
	Field string
	Min   int
}

func (e *ValidationError) Error() string {
	return "invalid " + e.Field + ": must be at least " + string(rune('0'+e.Min))
}

func validate(age int) error {
	if age < 1 {
		return &ValidationError{"age", 1}
	}
	return nil
}

func main() {
	println("validating")
	if err := validate(0); err != nil {
		panic(err)
	}
	println("not reached")
}
