// The functions on unsafe.Pointer words: LoadPointer, StorePointer, SwapPointer and
// CompareAndSwapPointer (runtime/src/atomic.rs), and a nil address's panic.
package main

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

var ptr unsafe.Pointer

func main() {
	x, y := 1, 2
	atomic.StorePointer(&ptr, unsafe.Pointer(&x))
	fmt.Println(*(*int)(atomic.LoadPointer(&ptr)))
	old := atomic.SwapPointer(&ptr, unsafe.Pointer(&y))
	fmt.Println(*(*int)(old), *(*int)(ptr))
	fmt.Println(atomic.CompareAndSwapPointer(&ptr, unsafe.Pointer(&x), nil), *(*int)(ptr))
	fmt.Println(atomic.CompareAndSwapPointer(&ptr, unsafe.Pointer(&y), nil), ptr == nil)
	var np *unsafe.Pointer
	defer func() { fmt.Println(recover()) }()
	atomic.LoadPointer(np)
}
