package main

func noResult() {
	return 1
}

func missing(x int) int {
	if x > 0 {
		return 1
	}
}

func tooFew() (int, string) {
	return 1
}

func main() {
	noResult()
	missing(1)
	tooFew()
}
