package runtime

// KeepAlive marks its argument as reachable up to the point of the call: an object that a
// program reaches only through, say, a file descriptor number is not collected before it.
// In golift the call itself does it: the argument is live until the call, so the stack
// maps keep it.
func KeepAlive(x any) {
	keepAlive(x)
}

// keepAlive does nothing; it is implemented in the runtime so that the argument reaches a
// call the compiler cannot see through.
func keepAlive(x any)
