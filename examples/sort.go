package main

func bubble(a []int) {
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(a)-1-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
			}
		}
	}
}

func insertion(a *[8]int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j-1] > a[j]; j-- {
			a[j-1], a[j] = a[j], a[j-1]
		}
	}
}

func main() {
	s := []int{5, 2, 9, 1, 5, 6, -3, 0}
	bubble(s)
	for _, v := range s {
		print(v, " ")
	}
	println()
	arr := [8]int{8, 7, 6, 5, 4, 3, 2, 1}
	insertion(&arr)
	for i := range arr {
		print(arr[i], " ")
	}
	println()
	println(len(s), cap(s), len(arr))
}
